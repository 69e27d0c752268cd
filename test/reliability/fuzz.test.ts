import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../source/engine/engine';
import { handleRequest } from '../../source/protocol/handle-request';
import { call, testEngine } from '../helpers/engine';
import { runCli, startServe } from '../protocol/cli-process';
import { adminCredentials } from '../protocol/support';
import { CANARY, expectNoCanary } from './support/canary';
import { fuzzCorpus, type Seed } from './support/fuzz-corpus';
import { withoutPlainCanary } from './support/fuzz-mutate';
import { answerProblem, fuzz, fuzzSigner } from './support/fuzz-run';
import { keepAliveAgent, sendRaw } from './support/http-send';
import { knob, seedFor } from './support/knobs';

/**
 * Fuzz: requests mutated from a corpus of valid ones (fuzz-corpus.ts), re-signed so most reach
 * the engine. The bulk runs through the in-process handler (the same code `serve` runs, minus the
 * socket); a slice goes over real HTTP to the built `paramdeck serve`, whose memory is sampled
 * from /proc. Every answer is a 2xx/4xx AWS error, or a 500 InternalFailure with no detail, and
 * no fault is hidden behind one (each InternalFailure is reported and fails the test).
 */
const REQUESTS = knob('FUZZ_REQUESTS', 100_000);
const HTTP_REQUESTS = knob('FUZZ_HTTP_REQUESTS', 10_000);
/** Growth of RSS allowed from the first sample (after 1,000 requests) to the last. */
const RSS_GROWTH_MB = 128;

/** Seeds the store the corpus talks about and checks that every corpus request is valid as written. */
async function prepare(engine: Engine, send: (seed: Seed) => Promise<number>): Promise<Seed[]> {
  const key = call(engine, 'kms', 'CreateKey', { Description: 'fuzz cmk' }) as { KeyMetadata: { KeyId: string } };
  const cmk = key.KeyMetadata.KeyId;
  call(engine, 'kms', 'CreateAlias', { AliasName: 'alias/fuzz', TargetKeyId: cmk });
  const encrypted = call(engine, 'kms', 'Encrypt', { KeyId: cmk, Plaintext: Buffer.from(CANARY), EncryptionContext: { purpose: 'fuzz' } }) as { CiphertextBlob: Buffer };
  const corpus = fuzzCorpus({ cmk, ciphertext: encrypted.CiphertextBlob.toString('base64'), canary: CANARY });
  const refused: string[] = [];
  for (const seed of corpus) if ((await send(seed)) !== 200) refused.push(`${seed.target || 'sts'} ${JSON.stringify(seed.input)}`);
  expect(refused).toEqual([]);
  return corpus;
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) / 1024;
}

describe('fuzz', () => {
  it(`answers ${REQUESTS} mutated requests in-process with AWS errors only, and memory stays bounded`, { timeout: 1_200_000 }, async () => {
    const engine = testEngine();
    const internal: string[] = [];
    const sign = fuzzSigner(adminCredentials(engine), engine.region);
    const send = async (request: { headers: Record<string, string>; body: Buffer }) => {
      const answer = await handleRequest(engine, { method: 'POST', path: '/', headers: request.headers, body: request.body, sourceIp: '127.0.0.1' }, {
        onInternalError: (error) => internal.push(error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 3).join(' | ') : String(error)),
      });
      return { status: answer.status, body: answer.body };
    };
    const corpus = await prepare(engine, async (seed) => (await send(await sign(seed.target, corpusBody(seed), contentTypeOf(seed)))).status);
    const rss: number[] = [];
    const started = performance.now();
    const tally = await fuzz({ corpus, seed: seedFor('fuzz (in-process)'), count: REQUESTS, concurrency: 8, canary: CANARY, sign, send, every: () => rss.push(process.memoryUsage().rss / 2 ** 20) });
    const seconds = (performance.now() - started) / 1000;
    console.log(`fuzz (in-process): ${tally.requests} requests in ${seconds.toFixed(0)} s, by status ${JSON.stringify(tally.byStatus)}, RSS ${rss[0]?.toFixed(0)} → ${rss.at(-1)?.toFixed(0)} MB (max ${Math.max(...rss).toFixed(0)})`);
    expect(tally.problems).toEqual([]);
    expect([...new Set(internal)]).toEqual([]);
    expect(tally.requests).toBe(REQUESTS);
    expect(Math.max(...rss) - rss[0]!).toBeLessThan(RSS_GROWTH_MB);
    expect(engine.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expectNoCanary([engine.home]);
  });

  it(`keeps serve alive and bounded through ${HTTP_REQUESTS} mutated requests over HTTP`, { timeout: 1_200_000 }, async () => {
    const engine = testEngine();
    const credentials = adminCredentials(engine);
    const sign = fuzzSigner(credentials, engine.region);
    const home = engine.home;
    const serve = await startServe(['--home', home, '--port', '0']);
    const agent = keepAliveAgent(16);
    const send = async (request: { headers: Record<string, string>; body: Buffer }) => {
      const answer = await sendRaw(serve.url, { headers: request.headers, body: request.body }, agent);
      return { status: answer.status, body: answer.body };
    };
    const pid = serve.child.pid!;
    const corpus = await prepare(engine, async (seed) => (await send(await sign(seed.target, corpusBody(seed), contentTypeOf(seed)))).status);
    const rss: number[] = [];
    const started = performance.now();
    const tally = await fuzz({ corpus, seed: seedFor('fuzz (serve)'), count: HTTP_REQUESTS, concurrency: 16, canary: CANARY, sign, send, every: () => rss.push(rssMb(pid)) });
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    console.log(`fuzz (serve): ${tally.requests} requests in ${seconds.toFixed(0)} s, by status ${JSON.stringify(tally.byStatus)}, serve RSS ${rss[0]?.toFixed(0)} → ${rss.at(-1)?.toFixed(0)} MB (max ${Math.max(...rss).toFixed(0)})`);
    expect(serve.child.exitCode).toBeNull();
    expect(tally.problems).toEqual([]);
    expect(Math.max(...rss) - rss[0]!).toBeLessThan(RSS_GROWTH_MB);
    expect(await serve.stop()).toBe(0);
    // serve names each InternalFailure's request on stderr: there were none.
    expect(serve.stderr()).toBe('');
    const verify = await runCli(['audit', 'verify', '--home', home]);
    expect(verify.code).toBe(0);
    expectNoCanary([home], { stderr: serve.stderr() });
  });
});

function corpusBody(seed: Seed): Buffer {
  return Buffer.from(seed.target === '' ? new URLSearchParams(seed.input as Record<string, string>).toString() : JSON.stringify(seed.input));
}

function contentTypeOf(seed: Seed): string {
  return seed.target === '' ? 'application/x-www-form-urlencoded; charset=utf-8' : 'application/x-amz-json-1.1';
}

// answerProblem is what every answer above went through; a bare InternalFailure passes it, detail does not.
describe('the fuzz checks', () => {
  it.each([
    [{ status: 500, body: '{"__type":"InternalFailure","message":"The request processing has failed because of an unknown error, exception or failure."}' }, undefined],
    [{ status: 500, body: '{"__type":"InternalFailure","message":"SqliteError: no such table"}' }, 'internal detail'],
    [{ status: 400, body: '{"__type":"ValidationException","message":"TypeError: x is undefined at f (/work/a.ts:3:1)"}' }, 'internal detail'],
    [{ status: 502, body: '' }, 'status 502'],
    [{ status: 400, body: `{"__type":"X","message":"${CANARY}"}` }, 'the canary'],
    [{ status: 400, body: '{"__type":"SerializationException","message":"Start of structure or map found where not expected."}' }, undefined],
  ])('%j → %s', (answer, problem) => {
    const found = answerProblem(answer, CANARY);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});

// A mutant that asks for the canary to be stored as plain text is given a plain fake instead.
describe('the fuzz mutants', () => {
  const putting = (input: object, target = 'AmazonSSM.PutParameter') => ({ target, body: Buffer.from(JSON.stringify(input)), contentType: 'application/x-amz-json-1.1' });
  it.each([
    ['a put with no Type', putting({ Name: '/a', Value: `${CANARY}:1`, Overwrite: true }), true],
    ['a put of a String', putting({ Name: '/a', Value: `${CANARY}:1`, Type: 'String' }), true],
    ['a put of a SecureString', putting({ Name: '/a', Value: `${CANARY}:1`, Type: 'SecureString' }), false],
    ['another operation', putting({ Name: '/a', Value: `${CANARY}:1` }, 'AmazonSSM.GetParameter'), false],
    ['a body that is not JSON', { ...putting({}), body: Buffer.from(`{"Value":"${CANARY}"`) }, false],
  ])('%s: canary swapped %s', (_label, mutant, swapped) => {
    const out = withoutPlainCanary(mutant, CANARY);
    expect(out.body.includes(CANARY)).toBe(!swapped);
    expect(out.body.length).toBe(mutant.body.length);
    expect(mutant.body.includes(CANARY)).toBe(true);
  });
});
