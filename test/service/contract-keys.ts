import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './contract';

/** KMS keys and aliases through the KeyManager capability. */
export function keyContract(context: ContractContext): void {
  const service = (): ReturnType<ContractContext['service']> => context.service();

  describe('kms keys', () => {
    it('creates a key and lists it with its details and alias', async () => {
      const description = `contract key ${randomUUID()}`;
      const key = await service().createKey({ description, tags: [{ key: 'team', value: 'core' }] });
      expect(key).toMatchObject({ description, state: 'Enabled', enabled: true, manager: 'CUSTOMER' });
      expect(key.creationDate).toBeInstanceOf(Date);
      expect(key.arn).toMatch(new RegExp(`^arn:aws:kms:[a-z0-9-]+:\\d{12}:key/${key.keyId}$`));
      const listed = (await service().listKeys().collect()).items.find((k) => k.keyId === key.keyId);
      expect(listed).toMatchObject({ keyId: key.keyId, description, state: 'Enabled' });
      const alias = `alias/contract-${randomUUID().slice(0, 8)}`;
      await service().createAlias(alias, key.keyId);
      const aliases = (await service().listAliases({ keyId: key.keyId }).collect()).items;
      expect(aliases.map((a) => [a.name, a.targetKeyId])).toEqual([[alias, key.keyId]]);
      await service().deleteAlias(alias);
      expect((await service().listAliases({ keyId: key.keyId }).collect()).items).toEqual([]);
    });

    it('encrypts a SecureString under a chosen key, by alias', async () => {
      const key = await service().createKey({ description: 'for parameters' });
      const alias = `alias/contract-${randomUUID().slice(0, 8)}`;
      await service().createAlias(alias, key.keyId);
      const name = `${context.freshPath()}/api-key`;
      await service().putParameter({ name, value: 'under-my-key', type: 'SecureString', keyId: alias });
      expect((await service().reveal(name)).plaintext()).toBe('under-my-key');
      const [summary] = (await service().listParameters({ path: name.slice(0, name.lastIndexOf('/')) }).collect()).items;
      expect(summary?.keyId).toBeDefined();
    });

    it('disables, enables, schedules and cancels deletion', async () => {
      const { keyId } = await service().createKey();
      await service().disableKey(keyId);
      expect(await service().describeKey(keyId)).toMatchObject({ state: 'Disabled', enabled: false });
      await service().enableKey(keyId);
      expect(await service().describeKey(keyId)).toMatchObject({ state: 'Enabled', enabled: true });
      const { deletionDate } = await service().scheduleKeyDeletion(keyId, 7);
      expect(deletionDate).toBeInstanceOf(Date);
      expect(await service().describeKey(keyId)).toMatchObject({ state: 'PendingDeletion', enabled: false });
      await service().cancelKeyDeletion(keyId);
      expect(await service().describeKey(keyId)).toMatchObject({ state: 'Disabled' });
    });

    it('reports a missing key as NotFound', async () => {
      await expect(service().describeKey(randomUUID())).rejects.toMatchObject({ kind: 'NotFound', code: 'NotFoundException' });
    });
  });
}
