import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/temp-home';
import { parseEnvOutput, runCli, startServe } from '../protocol/cli-process';

/** A policy file in a fresh folder. */
function policyFile(name: string, document: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'paramdeck-policy-')), name);
  writeFileSync(file, typeof document === 'string' ? document : JSON.stringify(document));
  return file;
}

const READER = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:DescribeParameters'], Resource: '*' }] };

async function newStore(): Promise<string> {
  const home = tempHome();
  expect((await runCli(['init', '--home', home])).code).toBe(0);
  return home;
}

describe('paramdeck principal', () => {
  it('creates a principal with a key and a policy, lists it, and manages its keys', async () => {
    const home = await newStore();
    const created = await runCli(['principal', 'create', 'alice', '--policy', policyFile('readers.json', READER), '--home', home]);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toMatch(/^created alice \(arn:aws:iam::\d{12}:user\/alice\)\naccess key AKIA[A-Z2-7]{16}: `paramdeck env --principal alice` prints it with its secret\npolicy readers attached\n$/);

    const listed = await runCli(['principal', 'list', '--home', home]);
    expect(listed.stdout.split('\n')[0]).toMatch(/^NAME\s+ARN\s+KEYS\s+POLICIES\s+CREATED$/);
    expect(listed.stdout).toMatch(/\nalice\s+arn:aws:iam::\d{12}:user\/alice\s+1\/1 active\s+readers\s+\d{4}-/);
    const json = JSON.parse((await runCli(['principal', 'list', '--json', '--home', home])).stdout) as { name: string; accessKeys: { accessKeyId: string }[]; policies: { name: string; document: string }[] }[];
    expect(json.map((p) => [p.name, p.policies.map((policy) => policy.name)])).toEqual([['admin', ['AdministratorAccess']], ['alice', ['readers']]]);
    expect(JSON.parse(json[1]!.policies[0]!.document)).toEqual(READER);
    expect(JSON.stringify(json)).not.toMatch(/secret/i);

    const made = await runCli(['principal', 'keys', 'alice', '--create', '--home', home]);
    expect(made.stdout).toMatch(/^created access key (AKIA\w+) for alice\nACCESS KEY ID\s+STATUS\s+CREATED\n/);
    const firstKey = json[1]!.accessKeys[0]!.accessKeyId;
    const off = await runCli(['principal', 'keys', 'alice', '--deactivate', firstKey, '--home', home]);
    expect(off.stdout).toMatch(new RegExp(`${firstKey}\\s+Inactive`));
    const env = parseEnvOutput((await runCli(['env', '--principal', 'alice', '--home', home])).stdout);
    expect(env.AWS_ACCESS_KEY_ID).not.toBe(firstKey);
    expect((await runCli(['principal', 'keys', 'alice', '--delete', firstKey, '--home', home])).stdout).not.toContain(firstKey);
    expect(await runCli(['principal', 'keys', 'alice', '--activate', firstKey, '--home', home])).toMatchObject({ code: 4, stderr: `paramdeck: alice has no access key ${firstKey}\n` });
  });

  it('refuses a malformed policy with IAM’s message and creates nothing', async () => {
    const home = await newStore();
    const bad = policyFile('bad.json', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssm:GetParameter' }] });
    expect(await runCli(['principal', 'create', 'bob', '--policy', bad, '--home', home])).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'paramdeck: MalformedPolicyDocument: Policy statement must contain resources.\n',
    });
    expect((await runCli(['principal', 'list', '--home', home])).stdout).not.toMatch(/\nbob/);
    expect((await runCli(['principal', 'create', 'bob', '--home', home])).stdout).toContain('no policy attached');
    expect((await runCli(['principal', 'attach', 'bob', '--policy', bad, '--home', home])).code).toBe(1);
    expect((await runCli(['principal', 'attach', 'bob', '--policy', policyFile('ok.json', READER), '--policy-name', 'read', '--home', home])).stdout).toBe('attached read to bob\n');
    expect((await runCli(['principal', 'detach', 'bob', 'read', '--home', home])).stdout).toBe('detached read from bob\n');
  });

  it('exits 4 for a principal that does not exist, and keeps admin', async () => {
    const home = await newStore();
    expect(await runCli(['principal', 'delete', 'nobody', '--home', home])).toMatchObject({ code: 4, stderr: 'paramdeck: NoSuchEntity: The user with name nobody cannot be found.\n' });
    expect((await runCli(['principal', 'attach', 'nobody', '--policy', policyFile('p.json', READER), '--home', home])).code).toBe(4);
    expect(await runCli(['principal', 'delete', 'admin', '--home', home])).toMatchObject({ code: 1, stderr: "paramdeck: admin is the store's built-in principal and cannot be deleted\n" });
    expect((await runCli(['principal', 'create', 'carol', '--home', home, '--read-only'])).code).toBe(3);
    expect((await runCli(['principal', 'delete', 'carol', '--home', home])).code).toBe(4);
  });
});

describe('paramdeck audit', () => {
  it('lists what principals did over the wire, verifies the trail, and names the first broken record', async () => {
    const home = await newStore();
    await runCli(['principal', 'create', 'reader', '--policy', policyFile('reader.json', READER), '--home', home]);
    await runCli(['principal', 'create', 'nobody', '--home', home]);
    const server = await startServe(['--home', home, '--port', '0']);
    const client = async (principal: string) => {
      const env = parseEnvOutput((await runCli(['env', '--principal', principal, '--home', home, '--port', String(server.port)])).stdout);
      return new SSMClient({ region: env.AWS_REGION!, endpoint: env.AWS_ENDPOINT_URL!, credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! }, maxAttempts: 1 });
    };
    await (await client('admin')).send(new PutParameterCommand({ Name: '/app/pw', Value: 's3cret-value', Type: 'SecureString' }));
    const read = await (await client('reader')).send(new GetParameterCommand({ Name: '/app/pw', WithDecryption: true }));
    expect(read.Parameter?.Value).toBe('s3cret-value');
    await expect((await client('nobody')).send(new GetParameterCommand({ Name: '/app/pw' }))).rejects.toMatchObject({ name: 'AccessDeniedException' });

    const listed = await runCli(['audit', '--home', home]);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME\s+USER\s+EVENT\s+RESOURCE\s+RESULT$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/).slice(1))).toEqual([
      ['nobody', 'ssm:GetParameter', '/app/pw', 'AccessDenied'],
      ['reader', 'ssm:GetParameter', '/app/pw', 'ok'],
      ['reader', 'kms:Decrypt (via ssm)', expect.stringMatching(/^arn:aws:kms:/), 'ok'],
      ['admin', 'ssm:PutParameter', '/app/pw', 'ok'],
      ['admin', 'kms:Encrypt (via ssm)', expect.stringMatching(/^arn:aws:kms:/), 'ok'],
    ]);
    const json = (await runCli(['audit', '--json', '--limit', '2', '--home', home])).stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(json.map((e) => [e.eventName, e.errorCode])).toEqual([['GetParameter', 'AccessDenied'], ['GetParameter', undefined]]);
    expect((await runCli(['audit', '--json', '--home', home])).stdout).not.toContain('s3cret-value');

    expect(await runCli(['audit', 'verify', '--home', home])).toMatchObject({ code: 0, stdout: 'ok: 5 records\n' });
    await server.stop();
    const db = join(home, 'paramdeck.db');
    execFileSync('sqlite3', [db, "UPDATE audit_events SET username = 'someone-else' WHERE seq = 3"]);
    const broken = await runCli(['audit', 'verify', '--home', home]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^broken at record 3 \(event [0-9a-f-]{36}\): its contents do not match the chain: the record was edited, or moved from another position\n2 records before it verify\n$/);
    expect((await runCli(['audit', 'check', '--home', home])).code).toBe(2);
  });
});
