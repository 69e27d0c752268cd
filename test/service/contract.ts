import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceOptions } from '../../source/service/options';
import type { SdkService } from '../../source/service/sdk-service';
import { keyContract } from './contract-keys';
import { parameterContract } from './contract-parameters';

/** A running target the contract suite talks to. */
export interface RunningTarget {
  /** A service acting as the target's administrator; `overrides` swap e.g. the credentials. */
  service(overrides?: Partial<ServiceOptions>): SdkService;
  /** The administrator's access key id (its secret stays inside `service`). */
  accessKeyId: string;
  stop(): Promise<void>;
}

/** One place the same service must behave the same against: local, serve or moto. */
export interface ContractTarget {
  name: 'local' | 'serve' | 'moto';
  start(): Promise<RunningTarget>;
}

/** What each part of the suite gets: the admin service and a fresh name prefix per call. */
export interface ContractContext {
  target: ContractTarget['name'];
  service(): SdkService;
  running(): RunningTarget;
  /** A parameter path no other test uses, e.g. `/contract/1a2b3c4d`. */
  freshPath(): string;
}

/**
 * The service contract: the same tests against every target. Only what moto lacks is skipped,
 * each with the reason in its title.
 */
export function serviceContract(target: ContractTarget): void {
  describe(`service contract on ${target.name}`, () => {
    let running: RunningTarget;
    let service: SdkService;
    beforeAll(async () => {
      running = await target.start();
      service = running.service();
    });
    afterAll(async () => {
      service?.close();
      await running?.stop();
    });
    const context: ContractContext = {
      target: target.name,
      service: () => service,
      running: () => running,
      freshPath: () => `/contract/${randomUUID().slice(0, 8)}`,
    };

    parameterContract(context);
    keyContract(context);

    describe('identity and access', () => {
      it('says whose credentials are in use', async () => {
        const me = await service.whoAmI();
        expect(me.account).toMatch(/^\d{12}$/);
        expect(me.arn).toMatch(new RegExp(`^arn:aws:(iam|sts)::${me.account}:`));
        expect(me.userId).not.toBe('');
      });

      it.skipIf(target.name === 'moto')('refuses an unknown access key as Auth (moto does not check signatures)', async () => {
        const stranger = running.service({ credentials: { accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'not-a-secret' } });
        try {
          await expect(stranger.getParameter('/anything')).rejects.toMatchObject({ kind: 'Auth', code: 'UnrecognizedClientException' });
        } finally {
          stranger.close();
        }
      });

      it.skipIf(target.name === 'moto')('refuses a wrong secret as Auth (moto does not check signatures)', async () => {
        const forger = running.service({ credentials: { accessKeyId: running.accessKeyId, secretAccessKey: 'wrong-secret' } });
        try {
          await expect(forger.getParameter('/anything')).rejects.toMatchObject({ kind: 'Auth', code: 'InvalidSignatureException' });
        } finally {
          forger.close();
        }
      });

      it('refuses every write in read-only mode before sending it', async () => {
        const readOnly = running.service({ readOnly: true });
        const path = context.freshPath();
        try {
          await expect(readOnly.putParameter({ name: `${path}/x`, value: 'v', type: 'String' })).rejects.toMatchObject({
            kind: 'AccessDenied', code: 'ReadOnlyMode',
          });
          await expect(readOnly.createKey()).rejects.toMatchObject({ kind: 'AccessDenied', code: 'ReadOnlyMode' });
          await expect(service.getParameter(`${path}/x`)).rejects.toMatchObject({ kind: 'NotFound' });
        } finally {
          readOnly.close();
        }
      });
    });

    describe('audit trail', () => {
      it.skipIf(target.name === 'moto')('ties a reveal to its parameter through the Decrypt event (moto has no CloudTrail LookupEvents)', async () => {
        const name = `${context.freshPath()}/db/password`;
        await service.putParameter({ name, value: 'audited-secret', type: 'SecureString' });
        await service.reveal(name);
        const me = await service.whoAmI();
        const result = await service.auditEvents({ parameterName: name, lookups: [{ attribute: 'EventName', value: 'Decrypt' }] }).collect();
        expect(result.error).toBeUndefined();
        expect(result.items.length).toBeGreaterThan(0);
        expect(result.items[0]).toMatchObject({ eventName: 'Decrypt', eventSource: 'kms.amazonaws.com', parameterNames: [name], principalArn: me.arn });
        expect(JSON.stringify(result.items)).not.toContain('audited-secret');
      });
    });
  });
}
