import { spawn } from 'node:child_process';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { firstActiveKey } from '../../source/engine/identity/access-keys';
import { tempHome } from '../helpers/temp-home';
import { runCli, startServe } from '../protocol/cli-process';
import { raceName, RACE_NAMES } from './helpers/race-names';
import { bundleHelper, knob } from './support/knobs';

/**
 * Concurrency: `paramdeck serve` (its engine thread, group commit) and a direct engine user (8
 * threads, 8 SQLite connections) in another process, 8 clients each, put to the same 10 names
 * with Overwrite at once. Every name's versions must be exactly 1..N, N its acknowledged puts,
 * and no client may ever see an error: SQLITE_BUSY is waited out, never answered.
 */
const CLIENTS = 8;
// 16 clients × 50 puts over 10 names is 80 versions a name: under SSM's 100 kept versions.
const PUTS = Math.min(knob('CONCURRENCY_PUTS', 50), Math.floor((100 * RACE_NAMES) / (2 * CLIENTS)));

interface DirectResult {
  acked: Record<string, number>;
  errors: string[];
}

describe('concurrency: serve and a direct engine user on one store', () => {
  it(`numbers every name's versions 1..N with ${2 * CLIENTS} clients × ${PUTS} puts, and no client sees an error`, { timeout: 600_000 }, async () => {
    const putter = await bundleHelper('test/reliability/helpers/concurrent-putter.ts');
    const home = tempHome();
    const setup = Engine.open({ home });
    const credentials = firstActiveKey(setup, 'admin');
    const region = setup.region;
    setup.close();

    const serve = await startServe(['--home', home, '--port', '0']);
    const direct = startDirect(putter, home);
    await direct.ready;
    const started = performance.now();
    direct.go();
    const acked = new Map<string, number>();
    const errors: string[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const ssm = new SSMClient({ endpoint: serve.url, region, credentials, maxAttempts: 1 });
        for (let i = 0; i < PUTS; i++) {
          const name = raceName(client, i);
          try {
            await ssm.send(new PutParameterCommand({ Name: name, Value: `fake-serve-${client}-${i}`, Type: 'String', Overwrite: true }));
            acked.set(name, (acked.get(name) ?? 0) + 1);
          } catch (error) {
            errors.push(`${(error as Error).name}: ${(error as Error).message}`);
          }
        }
        ssm.destroy();
      }),
    );
    const fromDirect = await direct.result;
    const seconds = (performance.now() - started) / 1000;
    expect(await serve.stop()).toBe(0);
    expect(serve.stderr()).toBe('');
    expect([...errors, ...fromDirect.errors]).toEqual([]);

    const engine = Engine.open({ home });
    try {
      for (let n = 0; n < RACE_NAMES; n++) {
        const name = `/race/n${n}`;
        const expected = (acked.get(name) ?? 0) + (fromDirect.acked[name] ?? 0);
        const versions = engine.db
          .prepare('SELECT v.version FROM parameter_versions v JOIN parameters p ON p.id = v.parameter_id WHERE p.name = ? ORDER BY v.version')
          .pluck()
          .all(name) as number[];
        expect(versions, name).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
      }
    } finally {
      engine.close();
    }
    const verify = await runCli(['audit', 'verify', '--home', home]);
    expect(verify.code).toBe(0);
    console.log(`concurrency: ${2 * CLIENTS * PUTS} puts (${[...acked.values()].reduce((a, b) => a + b, 0)} through serve) in ${seconds.toFixed(1)} s, 0 errors`);
  });
});

/** Starts the direct engine user: `ready` once its threads opened the store, then `go` starts them. */
function startDirect(putter: string, home: string) {
  const child = spawn(process.execPath, [putter, home, String(PUTS), String(CLIENTS)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.startsWith('ready\n')) resolve();
    });
    child.once('close', (code) => reject(new Error(`the direct engine user exited (${code}) before it was ready: ${stderr}`)));
  });
  const result = new Promise<DirectResult>((resolve, reject) => {
    child.once('close', (code) => {
      if (code !== 0 || stderr !== '') reject(new Error(`the direct engine user exited ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout.slice('ready\n'.length)) as DirectResult);
    });
  });
  return { ready, result, go: () => child.stdin.end('go\n') };
}
