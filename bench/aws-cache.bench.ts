// The aws target opening a large account: moto_server stands in for AWS with 10,000 parameters.
// A cold start streams DescribeParameters page by page; a warm start draws the whole listing from
// the metadata cache in the local store at once and revalidates behind it. Target (issue 11): the
// warm first frame does not wait for the listing, so it comes long before a listing could end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { startMoto } from './endpoint-servers';
import { row } from './support';
import { PtyProgram } from './tui-terminal';

const COUNT = 10_000;
const SEED_CONCURRENCY = 16;
const SIZE = { columns: 120, rows: 40 };
const ALL_LOADED = `bench/ (${COUNT.toLocaleString('en-US')})`;
const LISTING_TIMEOUT_MS = 15 * 60_000;

const moto = await startMoto();
const home = mkdtempSync(join(tmpdir(), 'paramdeck-aws-cache-'));
process.on('exit', () => rmSync(home, { recursive: true, force: true }));
Object.assign(process.env, {
  AWS_ACCESS_KEY_ID: moto.signer.accessKeyId,
  AWS_SECRET_ACCESS_KEY: moto.signer.secretAccessKey,
  AWS_REGION: moto.signer.region,
  AWS_CONFIG_FILE: join(home, 'no-config'),
  AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  PARAMDECK_CONFIG_DIR: join(home, 'config'),
});
delete process.env.AWS_PROFILE;

const seeded = performance.now();
const client = new SSMClient({ endpoint: moto.url, region: moto.signer.region, credentials: moto.signer, maxAttempts: 5 });
let next = 0;
await Promise.all(
  Array.from({ length: SEED_CONCURRENCY }, async () => {
    for (let i = next++; i < COUNT; i = next++) {
      const name = `/bench/app${String(i % 50).padStart(2, '0')}/${['dev', 'staging', 'prod', 'qa'][i % 4]}/key${i}`;
      await client.send(new PutParameterCommand({ Name: name, Value: `fake-value-${i}`, Type: i % 5 === 0 ? 'SecureString' : 'String' }));
    }
  }),
);
client.destroy();
console.error(`seeded moto_server with ${COUNT.toLocaleString('en-US')} parameters in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

/** One TUI run: process start to the first frame with a parameter row, and to the frame with all of them. */
async function open(expectAll: string): Promise<{ first: number; all: number; settled: number }> {
  const program = new PtyProgram(`node dist/paramdeck.js --target aws --endpoint-url ${moto.url} --home ${home}`, SIZE);
  const plain = (out: string) => stripVTControlCharacters(out);
  // moto_server answers DescribeParameters in time that grows with the account: minutes for 10,000.
  const first = await program.until(0, (out) => plain(out).includes('bench/ ('), LISTING_TIMEOUT_MS);
  const all = await program.until(0, (out) => plain(out).includes(ALL_LOADED), LISTING_TIMEOUT_MS);
  // The live listing has ended: all of it is shown (cold) or the revalidation is reported (warm).
  const settled = await program.until(0, (out) => plain(out).includes(expectAll), LISTING_TIMEOUT_MS);
  program.write('q');
  await program.exited;
  return { first: first - program.started, all: all - program.started, settled: settled - program.started };
}

const cold = await open(ALL_LOADED);
// The cold run saved the listing when it ended; wait for its write before the warm start.
await new Promise((resolve) => setTimeout(resolve, 500));
const warm = await open('up to date: nothing changed since the cached listing');
await moto.stop();

const widths = [44, 14, 20, 22];
console.log(`--target aws against moto_server, ${COUNT.toLocaleString('en-US')} parameters, 120×40 pty, times from process start\n`);
console.log(row(['start', 'first frame ms', `all ${COUNT.toLocaleString('en-US')} shown ms`, 'live listing ended ms'], widths));
console.log(row(['cold (no cache): streams the listing', cold.first.toFixed(0), cold.all.toFixed(0), cold.all.toFixed(0)], widths));
console.log(row(['warm (metadata cache): draws, revalidates', warm.first.toFixed(0), warm.all.toFixed(0), warm.settled.toFixed(0)], widths));
const ok = warm.all < warm.settled && warm.all < cold.all;
console.log(`\n${ok ? 'ok  ' : 'MISS'} warm start shows all ${COUNT.toLocaleString('en-US')} in ${warm.all.toFixed(0)} ms, before its live listing ends (${warm.settled.toFixed(0)} ms) and ${(cold.all / warm.all).toFixed(1)}× sooner than a cold start`);
if (!ok) process.exitCode = 1;
