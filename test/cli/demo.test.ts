import { describe, expect, it } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { call } from '../helpers/engine';
import { sandbox } from './cli';

interface Listed {
  name: string;
  type: string;
  version: number;
  keyId: string | null;
}

describe('paramdeck demo', () => {
  it('seeds apps × dev/staging/prod with every type, both keys, versions, labels and tags; a second run changes nothing', async () => {
    const box = sandbox();
    const first = await box.run(['demo']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/created 75 parameters, 0 were already there/);
    expect(first.stdout).toMatch(/customer managed key alias\/paramdeck-demo: created/);
    expect(first.stdout).toMatch(/principal auditor \(created\)/);

    const listed = JSON.parse((await box.run(['ls', '--json'])).stdout) as Listed[];
    const apps = new Set(listed.map((p) => p.name.split('/')[1]));
    expect([...apps].sort()).toEqual(['billing', 'checkout', 'search', 'shared']);
    for (const app of ['checkout', 'billing', 'search']) {
      for (const env of ['dev', 'staging', 'prod']) expect(listed.some((p) => p.name.startsWith(`/${app}/${env}/`))).toBe(true);
    }
    expect(new Set(listed.map((p) => p.type))).toEqual(new Set(['String', 'StringList', 'SecureString']));
    const keys = new Set(listed.filter((p) => p.type === 'SecureString').map((p) => p.keyId));
    expect(keys).toEqual(new Set(['alias/aws/ssm', 'alias/paramdeck-demo']));
    expect(listed.find((p) => p.name === '/checkout/prod/release')!.version).toBe(3);
    expect((await box.run(['get', '/checkout/prod/release:stable'])).stdout).toBe('1.4.1');
    expect((await box.run(['get', '/checkout/prod/db/password:previous', '--decrypt'])).stdout).toMatch(/-2023$/);

    const engine = Engine.open({ home: box.home });
    try {
      const tags = call(engine, 'ssm', 'ListTagsForResource', { ResourceType: 'Parameter', ResourceId: '/billing/staging/db/host' }) as { TagList: unknown[] };
      expect(tags.TagList).toEqual(expect.arrayContaining([{ Key: 'app', Value: 'billing' }, { Key: 'env', Value: 'staging' }]));
    } finally {
      engine.close();
    }

    const second = await box.run(['demo']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/created 0 parameters, 75 were already there/);
    expect(second.stdout).toMatch(/alias\/paramdeck-demo: already there/);
    expect(second.stdout).toMatch(/principal auditor \(updated\)/);
    expect(JSON.parse((await box.run(['ls', '--json'])).stdout)).toEqual(listed);
  });

  it('gives the auditor metadata and default-key secrets, but AccessDenied (exit 3) on the demo key', async () => {
    const box = sandbox();
    await box.run(['demo']);
    const listed = await box.run(['ls', '/checkout/prod', '--recursive', '--as', 'auditor']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('/checkout/prod/api-token\n');
    expect(await box.run(['get', '/checkout/dev/db/host', '--as', 'auditor'])).toMatchObject({ code: 0, stdout: 'checkout-dev.db.internal' });
    expect(await box.run(['get', '/checkout/dev/db/password', '--decrypt', '--as', 'auditor'])).toMatchObject({ code: 0, stdout: 'dev-only-not-secret' });
    const denied = await box.run(['get', '/checkout/prod/api-token', '--decrypt', '--as', 'auditor']);
    expect(denied.code).toBe(3);
    expect(denied.stdout).toBe('');
    expect(denied.stderr).toMatch(/^paramdeck: AccessDeniedException: User: arn:aws:iam::\d{12}:user\/auditor is not authorized to perform: kms:Decrypt/);
    expect(denied.stderr).not.toContain('demo_tok_');
    const writes = await box.run(['import', '/checkout/prod', box.file('in.env', 'X=1\n'), '--as', 'auditor']);
    expect(writes.code).toBe(3);
  });

  it('is refused with exit 3 in read-only mode before anything is created', async () => {
    const box = sandbox();
    const run = await box.run(['demo', '--read-only']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/is refused: paramdeck runs with --read-only/);
    expect((await box.run(['ls'])).stdout).toBe('');
  });
});
