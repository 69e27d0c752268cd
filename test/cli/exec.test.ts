import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sandbox, seed, type Sandbox } from './cli';

const SECRETS = [
  { name: '/app/prod/db/password', value: 'fake-pa55-word-for-tests', type: 'SecureString' as const },
  { name: '/app/prod/api-token', value: "fake tok'en $HOME `id`\nline two", type: 'SecureString' as const },
];
const PLAIN = [
  { name: '/app/prod/log-level', value: 'fake-debug-level' },
  { name: '/app/other/not-mine', value: 'fake-other-path' },
];

/** `paramdeck exec --home HOME PATH -- …argv`: the target flags must come before `--`. */
function exec(box: Sandbox, path: string, argv: string[], env?: NodeJS.ProcessEnv) {
  return box.run(['exec', '--home', box.home, path, '--', ...argv], { noHome: true, ...(env ? { env } : {}) });
}

describe('paramdeck exec', () => {
  it('gives the child every parameter below PATH, decrypted, under its dotenv KEY', async () => {
    const box = sandbox();
    seed(box.home, [...SECRETS, ...PLAIN]);
    const out = join(box.dir, 'env.txt');
    // The child writes the values to a file: paramdeck's own output must not hold them.
    const script = `printf '%s|%s|%s|%s' "$DB_PASSWORD" "$API_TOKEN" "$LOG_LEVEL" "\${NOT_MINE-unset}" > ${out}`;
    const run = await exec(box, '/app/prod/', ['sh', '-c', script]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe(`${SECRETS[0]!.value}|${SECRETS[1]!.value}|${PLAIN[0]!.value}|unset`);
  });

  it('prints no value and records none in the audit, while the decrypt is audited', async () => {
    const box = sandbox();
    seed(box.home, SECRETS);
    const run = await exec(box, '/app/prod', ['sh', '-c', 'exit 0']);
    const audit = await box.run(['audit', '--json']);
    const text = run.stdout + run.stderr + audit.stdout + audit.stderr;
    for (const secret of SECRETS) expect(text).not.toContain(secret.value.split('\n')[0]);
    const events = audit.stdout.trim().split('\n').map((line) => JSON.parse(line) as { eventName: string; requestParameters?: { withDecryption?: boolean } });
    expect(events.some((e) => e.eventName === 'GetParametersByPath' && e.requestParameters?.withDecryption === true)).toBe(true);
    expect(events.filter((e) => e.eventName === 'Decrypt')).toHaveLength(SECRETS.length);
  });

  it('says which inherited variables the parameters replace, without their values', async () => {
    const box = sandbox();
    seed(box.home, PLAIN);
    const run = await exec(box, '/app/prod', ['sh', '-c', 'printf %s "$LOG_LEVEL"'], { LOG_LEVEL: 'fake-inherited' });
    expect(run.stdout).toBe(PLAIN[0]!.value);
    expect(run.stderr).toBe('paramdeck: the parameters below /app/prod replace LOG_LEVEL from the environment\n');
  });

  it.each([
    { argv: ['sh', '-c', 'exit 7'], code: 7 },
    { argv: ['sh', '-c', 'exit 0'], code: 0 },
    { argv: ['false'], code: 1 },
    { argv: ['./no-such-command-here'], code: 127, stderr: /no-such-command-here: command not found/ },
  ])('passes the exit code of $argv through ($code)', async ({ argv, code, stderr }) => {
    const box = sandbox();
    seed(box.home, PLAIN);
    const run = await exec(box, '/app/prod', argv);
    expect(run.code).toBe(code);
    if (stderr) expect(run.stderr).toMatch(stderr);
  });

  it.each([
    { names: ['/svc/db-url', '/svc/db_url'], message: /\/svc\/db-url and \/svc\/db_url both become DB_URL/ },
    { names: ['/svc/1password'], message: /becomes 1PASSWORD, which is not a shell variable name/ },
  ])('refuses $names before running anything', async ({ names, message }) => {
    const box = sandbox();
    seed(box.home, names.map((name) => ({ name, value: 'fake' })));
    const marker = join(box.dir, 'ran');
    const run = await exec(box, '/svc', ['sh', '-c', `touch ${marker}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(existsSync(marker)).toBe(false);
  });

  it('exits 3 and runs nothing when the principal may not decrypt', async () => {
    const box = sandbox();
    seed(box.home, SECRETS);
    const policy = box.file('deny.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssm:*', Resource: '*' }, { Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*' }] }));
    expect((await box.run(['principal', 'create', 'ci', '--policy', policy])).code).toBe(0);
    const marker = join(box.dir, 'ran');
    const run = await box.run(['exec', '--home', box.home, '--as', 'ci', '/app/prod', '--', 'sh', '-c', `touch ${marker}`], { noHome: true });
    expect(run.code).toBe(3);
    expect(existsSync(marker)).toBe(false);
  });

  it.each([
    { signal: 'SIGTERM', code: 143 },
    { signal: 'SIGKILL', code: 137 },
  ])('exits $code when the child dies of $signal', async ({ signal, code }) => {
    const box = sandbox();
    seed(box.home, PLAIN);
    expect(await spawnExec(box, ['sh', '-c', `kill -${signal.slice(3)} $$`])).toEqual({ code, signal: null });
  });

  it('forwards SIGTERM to the child and passes its exit code back', async () => {
    const box = sandbox();
    seed(box.home, PLAIN);
    const ready = join(box.dir, 'ready');
    const got = join(box.dir, 'got');
    const script = `trap 'echo term > ${got}; exit 5' TERM; touch ${ready}; while :; do sleep 0.05; done`;
    const result = spawnExec(box, ['sh', '-c', script], (child) => {
      void vi.waitFor(() => expect(existsSync(ready)).toBe(true), { timeout: 10_000, interval: 20 }).then(() => child.kill('SIGTERM'));
    });
    expect(await result).toEqual({ code: 5, signal: null });
    expect(readFileSync(got, 'utf8')).toBe('term\n');
  });
});

/** Runs the built binary's exec directly, to see how it ended: by exit code or by signal. */
function spawnExec(box: Sandbox, argv: string[], started?: (child: ReturnType<typeof spawn>) => void) {
  const env = { ...process.env, PARAMDECK_CONFIG_DIR: box.configDir };
  const child = spawn(process.execPath, [resolve('dist/paramdeck.js'), 'exec', '--home', box.home, '/app/prod', '--', ...argv], { env, stdio: 'ignore' });
  started?.(child);
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
}
