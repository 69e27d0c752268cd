// GetParameter WithDecryption on a SecureString over HTTP with SigV4, from many connections at
// once, against a bare node:http server (the ceiling), `paramdeck serve` and moto_server, with
// one load generator and one setting. Targets: serve ≥ 25% of bare, ≥ 20× moto, and every
// decrypt in the audit trail.
//
// The load generator is wrk (Debian), not autocannon: on this two-core machine the generator and
// the server share the CPU, and wrk's C/epoll loop costs a fraction of what a Node generator
// does, so the rates measure the servers rather than the generator. wrk replays ONE pre-signed
// request (a SigV4 signature stays valid 15 minutes), set up by a Lua script.
//
// PARAMDECK_BENCH_PROFILE=DIR writes serve's CPU profile (node --cpu-prof) into DIR.
import { join } from 'node:path';
import { auditedDecrypts, scratchDir, seedSecureString, startBare, startMoto, startParamdeck, type BenchServer } from './endpoint-servers';
import { presign, requireWrk, runWrk, sendOnce, type LoadResult, type LoadSettings } from './load';
import { row } from './support';

const SETTINGS: LoadSettings = { connections: 64, seconds: 10 };
const WARM_UP: LoadSettings = { connections: 64, seconds: 2 };
const NAME = '/bench/db/password';
const VALUE = 'bench-value-not-a-real-secret-0123456789';
const TARGET = 'AmazonSSM.GetParameter';
const MIN_SHARE_OF_BARE = 0.25;
const MIN_TIMES_MOTO = 20;

requireWrk();
const dir = scratchDir();
const profileDir = process.env.PARAMDECK_BENCH_PROFILE;

/** Loads one server: warms up, then measures; `snapshot` runs right before and right after the measured run. */
async function measure(label: string, server: BenchServer, snapshot?: () => Promise<void>): Promise<Measured> {
  const request = await presign(server.url, TARGET, { Name: NAME, WithDecryption: true }, server.signer);
  await runWrk(request, WARM_UP, join(dir, `${label}.lua`));
  await snapshot?.();
  const cpuBefore = server.cpuMs();
  const result = await runWrk(request, SETTINGS, join(dir, `${label}.lua`));
  const cpuUsPerRequest = ((server.cpuMs() - cpuBefore) * 1000) / Math.max(1, result.requests);
  await snapshot?.();
  return { ...result, cpuUsPerRequest };
}

/** A load result with the server's own CPU time per answered request. */
interface Measured extends LoadResult {
  cpuUsPerRequest: number;
}

/** Checks the pre-signed request decrypts the seeded value, without ever printing the value. */
async function checkDecrypts(server: BenchServer): Promise<void> {
  const request = await presign(server.url, TARGET, { Name: NAME, WithDecryption: true }, server.signer);
  const answer = (await sendOnce(request)) as { Parameter?: { Value?: string } };
  if (answer.Parameter?.Value !== VALUE) throw new Error(`${server.url} did not answer the decrypted value`);
}

/** Audited decrypts, read again until two reads agree: requests in flight when wrk stops still land. */
async function settledDecrypts(home: string): Promise<number | undefined> {
  let last = auditedDecrypts(home);
  for (let i = 0; i < 100 && last !== undefined; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const now = auditedDecrypts(home);
    if (now === last) return now;
    last = now;
  }
  return last;
}

const bare = await startBare();
const bareResult = await measure('bare', bare);
await bare.stop();

const serve = await startParamdeck(dir, profileDir);
await seedSecureString(serve, NAME, VALUE);
const beforeCheck = await settledDecrypts(serve.home);
await checkDecrypts(serve);
const oneCall = beforeCheck === undefined ? undefined : (await settledDecrypts(serve.home))! - beforeCheck;
const audit: number[] = [];
const serveResult = await measure('serve', serve, async () => {
  const count = await settledDecrypts(serve.home);
  if (count !== undefined) audit.push(count);
});
await serve.stop();

const moto = await startMoto();
await seedSecureString(moto, NAME, VALUE);
await checkDecrypts(moto);
const motoResult = await measure('moto', moto);
await moto.stop();

const widths = [26, 10, 9, 9, 12, 9, 12];
console.log(`wrk, 1 thread, ${SETTINGS.connections} connections, ${SETTINGS.seconds} s after a ${WARM_UP.seconds} s warm-up; GetParameter WithDecryption, SigV4\n`);
console.log(row(['server', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'failed', 'CPU µs/req'], widths));
for (const [label, r] of [
  ['bare node:http', bareResult],
  ['paramdeck serve', serveResult],
  ['moto_server', motoResult],
] as const) {
  console.log(row([label, r.rate, r.p50Ms.toFixed(2), r.p99Ms.toFixed(2), r.requests, r.failures, Math.round(r.cpuUsPerRequest)], widths));
}

const share = serveResult.rate / bareResult.rate;
const times = serveResult.rate / motoResult.rate;
const checks: [string, boolean][] = [
  [`serve/bare = ${(share * 100).toFixed(1)}% (target ≥ ${MIN_SHARE_OF_BARE * 100}%)`, share >= MIN_SHARE_OF_BARE],
  [`serve/moto = ${times.toFixed(1)}× (target ≥ ${MIN_TIMES_MOTO}×)`, times >= MIN_TIMES_MOTO],
  ['no failed requests', bareResult.failures + serveResult.failures + motoResult.failures === 0],
];
console.log('');
for (const [text, ok] of checks) console.log(`${ok ? 'ok  ' : 'MISS'} ${text}`);
if (oneCall === undefined || audit.length < 2) {
  console.log('pending: no audit trail yet (the store has no audit_events table), so decrypts are not checked against it');
} else {
  // wrk counts answered requests; up to one request per connection was still in flight when it stopped.
  const grew = audit[1]! - audit[0]!;
  const ok = oneCall === 1 && grew >= serveResult.requests && grew <= serveResult.requests + SETTINGS.connections;
  console.log(
    `${ok ? 'ok  ' : 'MISS'} audit trail: one call added ${oneCall} Decrypt event(s); the run added ${grew} for ${serveResult.requests} answered decrypts (+ up to ${SETTINGS.connections} in flight)`,
  );
  checks.push(['audit', ok]);
}
if (profileDir) console.log(`\nserve's CPU profile: ${profileDir}`);
if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
