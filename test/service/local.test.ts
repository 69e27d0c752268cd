import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { firstActiveKey } from '../../source/engine/identity/access-keys';
import { ADMIN_PRINCIPAL } from '../../source/engine/identity/bootstrap';
import { InProcessHandler } from '../../source/protocol/in-process';
import { localServiceOptions } from '../../source/service/options';
import { SdkService } from '../../source/service/sdk-service';
import { serviceContract } from './contract';

// The local engine in-process, wired as source/target.ts wires the TUI: no socket, the SDK's
// requests go through the in-process handler and the engine's SigV4 check.
serviceContract({
  name: 'local',
  async start() {
    const dir = mkdtempSync(join(tmpdir(), 'paramdeck-contract-'));
    const engine = Engine.open({ home: join(dir, 'home') });
    const admin = firstActiveKey(engine, ADMIN_PRINCIPAL);
    const options = localServiceOptions({
      requestHandler: new InProcessHandler(engine),
      credentials: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
      region: engine.region,
    });
    return {
      accessKeyId: admin.accessKeyId,
      service: (overrides = {}) => new SdkService({ ...options, ...overrides }),
      async stop() {
        engine.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});

describe('the local target', () => {
  it('ignores AWS endpoint settings in the environment: FIPS and dual-stack endpoints mean nothing in-process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paramdeck-local-'));
    const engine = Engine.open({ home: join(dir, 'home') });
    const saved = { fips: process.env.AWS_USE_FIPS_ENDPOINT, dualStack: process.env.AWS_USE_DUALSTACK_ENDPOINT };
    onTestFinished(() => {
      for (const [name, value] of [['AWS_USE_FIPS_ENDPOINT', saved.fips], ['AWS_USE_DUALSTACK_ENDPOINT', saved.dualStack]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      engine.close();
      rmSync(dir, { recursive: true, force: true });
    });
    process.env.AWS_USE_FIPS_ENDPOINT = 'true';
    process.env.AWS_USE_DUALSTACK_ENDPOINT = 'true';
    const admin = firstActiveKey(engine, ADMIN_PRINCIPAL);
    const service = new SdkService(localServiceOptions({
      requestHandler: new InProcessHandler(engine),
      credentials: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
      region: engine.region,
    }));
    onTestFinished(() => service.close());
    await service.putParameter({ name: '/fips/probe', value: 'fake-value', type: 'String' });
    expect((await service.getParameter('/fips/probe')).value).toEqual({ kind: 'plain', text: 'fake-value' });
    expect((await service.whoAmI()).arn).toContain(':user/admin');
  });
});
