import { describe, expect, it } from 'vitest';
import type { ListingProgress } from '../../source/service/capabilities';
import type { ContractContext } from './contract';

/** Parameters: values, masking, versions, labels, listings, tags and refusals. */
export function parameterContract(context: ContractContext): void {
  const service = (): ReturnType<ContractContext['service']> => context.service();

  describe('parameters', () => {
    it('stores and reads String and StringList values as plain text', async () => {
      const path = context.freshPath();
      expect(await service().putParameter({ name: `${path}/url`, value: 'https://example.com', type: 'String', description: 'where' }))
        .toMatchObject({ version: 1 });
      await service().putParameter({ name: `${path}/hosts`, value: 'a,b,c', type: 'StringList' });
      const url = await service().getParameter(`${path}/url`);
      expect(url).toMatchObject({ name: `${path}/url`, type: 'String', value: { kind: 'plain', text: 'https://example.com' }, version: 1 });
      expect(url.lastModifiedDate).toBeInstanceOf(Date);
      expect(url.arn).toMatch(new RegExp(`^arn:aws:ssm:[a-z0-9-]+:\\d{12}:parameter${path}/url$`));
      expect((await service().getParameter(`${path}/hosts`)).value).toEqual({ kind: 'plain', text: 'a,b,c' });
    });

    it('masks a SecureString everywhere until it is revealed', async () => {
      const path = context.freshPath();
      const name = `${path}/db/password`;
      await service().putParameter({ name, value: 'pa55-w0rd', type: 'SecureString' });
      const seen = [
        await service().getParameter(name),
        (await service().readPath(path, { recursive: true }).collect()).items,
        (await service().listParameters({ path, recursive: true }).collect()).items,
        (await service().history(name).collect()).items,
      ];
      expect(seen[0]).toMatchObject({ type: 'SecureString', value: { kind: 'masked' } });
      expect(JSON.stringify(seen)).not.toContain('pa55-w0rd');
      expect((await service().reveal(name)).plaintext()).toBe('pa55-w0rd');
      const all = await service().revealPath(path, { recursive: true }).collect();
      expect(all.items.map((r) => [r.name, r.plaintext()])).toEqual([[name, 'pa55-w0rd']]);
    });

    it('keeps versions, reveals an old one and moves labels', async () => {
      const name = `${context.freshPath()}/token`;
      await service().putParameter({ name, value: 'one', type: 'SecureString' });
      expect(await service().putParameter({ name, value: 'two', type: 'SecureString', overwrite: true })).toMatchObject({ version: 2 });
      expect((await service().reveal(name, { version: 1 })).plaintext()).toBe('one');
      expect(await service().labelVersion(name, ['stable'], 1)).toEqual({ version: 1, invalidLabels: [] });
      expect((await service().reveal(name, { label: 'stable' })).plaintext()).toBe('one');
      expect(await service().getParameter(name, { label: 'stable' })).toMatchObject({ version: 1 });
      const history = (await service().history(name).collect()).items;
      expect(history.map((v) => [v.version, v.labels, v.value])).toEqual([
        [1, ['stable'], { kind: 'masked' }],
        [2, [], { kind: 'masked' }],
      ]);
      expect(await service().unlabelVersion(name, 1, ['stable', 'nope'])).toEqual({ removed: ['stable'], invalid: ['nope'] });
      await expect(service().reveal(name, { version: 3 })).rejects.toMatchObject({ kind: 'NotFound', code: 'ParameterVersionNotFound' });
    });

    it('refuses to overwrite silently, and reports a missing parameter as NotFound', async () => {
      const name = `${context.freshPath()}/once`;
      await service().putParameter({ name, value: 'v', type: 'String' });
      await expect(service().putParameter({ name, value: 'w', type: 'String' })).rejects.toMatchObject({ kind: 'Conflict', code: 'ParameterAlreadyExists' });
      await expect(service().getParameter(`${name}-missing`)).rejects.toMatchObject({ kind: 'NotFound', code: 'ParameterNotFound' });
      await expect(service().reveal(`${name}-missing`)).rejects.toMatchObject({ kind: 'NotFound', code: 'ParameterNotFound' });
    });

    it('lists the allowed pattern with the parameter', async () => {
      const name = `${context.freshPath()}/port`;
      await service().putParameter({ name, value: '8080', type: 'String', allowedPattern: '^\\d+$' });
      const [summary] = (await service().listParameters({ path: name.slice(0, name.lastIndexOf('/')) }).collect()).items;
      expect(summary).toMatchObject({ name, allowedPattern: '^\\d+$', version: 1, type: 'String' });
    });

    it('describes one parameter with its policies and when each falls due', async () => {
      const name = `${context.freshPath()}/expiring`;
      const policies = [
        { Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: '2099-06-30T12:00:00.000Z' } },
        { Type: 'ExpirationNotification', Version: '1.0', Attributes: { Before: '36', Unit: 'Hours' } },
      ];
      await service().putParameter({ name, value: 'v', type: 'String', tier: 'Advanced', policies: JSON.stringify(policies) });
      const summary = await service().describeParameter(name);
      expect(summary).toMatchObject({ name, tier: 'Advanced' });
      expect(summary!.policies.map((p) => [p.type, p.dueAt?.toISOString(), JSON.parse(p.text)])).toEqual([
        ['Expiration', '2099-06-30T12:00:00.000Z', policies[0]],
        ['ExpirationNotification', '2099-06-29T00:00:00.000Z', policies[1]],
      ]);
      expect(await service().describeParameter(`${name}-missing`)).toBeUndefined();
    });

    it.skipIf(context.target === 'moto')('refuses a value outside the allowed pattern as Invalid (moto does not enforce AllowedPattern)', async () => {
      const name = `${context.freshPath()}/port`;
      await service().putParameter({ name, value: '8080', type: 'String', allowedPattern: '^\\d+$' });
      await expect(service().putParameter({ name, value: 'eighty', type: 'String', overwrite: true, allowedPattern: '^\\d+$' }))
        .rejects.toMatchObject({ kind: 'Invalid', code: 'ParameterPatternMismatchException' });
    });

    it.skipIf(context.target === 'moto')('says which label or version a value was asked for (moto sends no Selector)', async () => {
      const name = `${context.freshPath()}/selected`;
      await service().putParameter({ name, value: 'v', type: 'String' });
      await service().labelVersion(name, ['live']);
      expect(await service().getParameter(name, { label: 'live' })).toMatchObject({ version: 1, selector: ':live' });
      expect(await service().reveal(name, { version: 1 })).toMatchObject({ version: 1, selector: ':1' });
    });

    it('streams DescribeParameters page by page, one level or recursively', async () => {
      const path = context.freshPath();
      const names = Array.from({ length: 55 }, (_, i) => `${path}/deep/p${String(i).padStart(2, '0')}`);
      for (const name of names) await service().putParameter({ name, value: 'v', type: 'String' });
      await service().putParameter({ name: `${path}/top`, value: 'v', type: 'String' });
      const progress: ListingProgress[] = [];
      const pages: number[] = [];
      for await (const page of service().listParameters({ path, recursive: true }, { onProgress: (p) => progress.push(p) })) pages.push(page.length);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(Math.max(...pages)).toBeLessThanOrEqual(50);
      expect(pages.reduce((a, b) => a + b, 0)).toBe(56);
      expect(progress.at(-1)).toMatchObject({ kind: 'page', items: 56 });
      const oneLevel = await service().listParameters({ path }).collect();
      expect(oneLevel.items.map((p) => p.name)).toEqual([`${path}/top`]);
    });

    it('streams GetParametersByPath ten at a time', async () => {
      const path = context.freshPath();
      for (let i = 0; i < 23; i += 1) await service().putParameter({ name: `${path}/n/p${i}`, value: `v${i}`, type: 'String' });
      await service().putParameter({ name: `${path}/direct`, value: 'd', type: 'String' });
      const pages: number[] = [];
      for await (const page of service().readPath(path, { recursive: true })) pages.push(page.length);
      expect(pages.reduce((a, b) => a + b, 0)).toBe(24);
      expect(Math.max(...pages)).toBeLessThanOrEqual(10);
      const direct = await service().readPath(path).collect();
      expect(direct.items.map((p) => [p.name, p.value])).toEqual([[`${path}/direct`, { kind: 'plain', text: 'd' }]]);
    });

    it('deletes one or many, reporting names that did not exist', async () => {
      const path = context.freshPath();
      for (const leaf of ['a', 'b', 'c']) await service().putParameter({ name: `${path}/${leaf}`, value: 'v', type: 'String' });
      await service().deleteParameter(`${path}/a`);
      await expect(service().getParameter(`${path}/a`)).rejects.toMatchObject({ kind: 'NotFound' });
      await expect(service().deleteParameter(`${path}/a`)).rejects.toMatchObject({ kind: 'NotFound', code: 'ParameterNotFound' });
      const result = await service().deleteParameters([`${path}/b`, `${path}/c`, `${path}/zzz`]);
      expect({ deleted: [...result.deleted].sort(), invalid: result.invalid }).toEqual({ deleted: [`${path}/b`, `${path}/c`], invalid: [`${path}/zzz`] });
    });

    it('adds, lists and removes tags', async () => {
      const name = `${context.freshPath()}/tagged`;
      await service().putParameter({ name, value: 'v', type: 'String', tags: [{ key: 'team', value: 'core' }] });
      await service().tagParameter(name, [{ key: 'env', value: 'prod' }]);
      const tags = await service().listTags(name);
      expect([...tags].sort((a, b) => a.key.localeCompare(b.key))).toEqual([{ key: 'env', value: 'prod' }, { key: 'team', value: 'core' }]);
      await service().untagParameter(name, ['team']);
      expect(await service().listTags(name)).toEqual([{ key: 'env', value: 'prod' }]);
    });
  });
}
