import { createHash } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Credentials } from '../../protocol/support';
import type { Seed } from './fuzz-corpus';
import { mutate, withoutPlainCanary } from './fuzz-mutate';
import { prng } from './knobs';

/** A request as both the in-process handler and the HTTP client take it. */
export interface FuzzRequest {
  headers: Record<string, string>;
  body: Buffer;
}

/** What came back, as far as the checks care. */
export interface FuzzAnswer {
  status: number;
  body: string;
}

const INTERNAL_MESSAGE = 'The request processing has failed because of an unknown error, exception or failure.';
const STATUSES = new Set([200, 400, 403, 404, 413, 500]);
/** What must never reach a client: stack frames, source or install paths, SQL and SQLite, JavaScript's own errors. */
const INTERNAL_DETAIL =
  /\bat [\w.<>]+ \(|\.[jt]s:\d+|node_modules|\/work\/|\/tmp\/|\/home\/|[Ss][Qq][Ll]ite|SQLITE_|\bSELECT \w|\bINSERT INTO\b|constraint failed|TypeError|ReferenceError|RangeError|Cannot read prop|is not a function|is not iterable|undefined is not/;

/** The reason an answer breaks the rules (undefined when it is fine): bad status, a 5xx other than a bare InternalFailure, leaked detail or secret. */
export function answerProblem(answer: FuzzAnswer, canary: string): string | undefined {
  if (!STATUSES.has(answer.status)) return `status ${answer.status}`;
  if (answer.status === 200) return undefined;
  if (INTERNAL_DETAIL.test(answer.body)) return `internal detail in ${answer.status}: ${answer.body.slice(0, 300)}`;
  if (answer.body.includes(canary)) return `the canary in a ${answer.status} answer`;
  if (answer.body.startsWith('<')) return /<Code>\w+<\/Code>/.test(answer.body) ? undefined : `malformed XML error: ${answer.body.slice(0, 200)}`;
  let error: { __type?: unknown; message?: unknown };
  try {
    error = JSON.parse(answer.body) as typeof error;
  } catch {
    return `not JSON: ${answer.body.slice(0, 200)}`;
  }
  if (typeof error.__type !== 'string' || typeof error.message !== 'string') return `no __type and message: ${answer.body.slice(0, 200)}`;
  if (answer.status >= 500 && (error.__type !== 'InternalFailure' || error.message !== INTERNAL_MESSAGE)) return `5xx other than a bare InternalFailure: ${answer.body.slice(0, 200)}`;
  return undefined;
}

const SERVICES: Readonly<Record<string, string>> = { AmazonSSM: 'ssm', TrentService: 'kms', CloudTrail_20131101: 'cloudtrail' };

/** Signs mutants as an SDK would, one signer per service (a new signer per request would cost more than the request). */
export function fuzzSigner(credentials: Credentials, region: string): (target: string, body: Buffer, contentType: string) => Promise<FuzzRequest> {
  const signers = new Map<string, SignatureV4>();
  const signerFor = (service: string) => {
    let signer = signers.get(service);
    if (!signer) signers.set(service, (signer = new SignatureV4({ credentials, region, service, sha256: Hash.bind(null, 'sha256'), applyChecksum: true })));
    return signer;
  };
  return async (target, body, contentType) => {
    const headers: Record<string, string> = { host: 'localhost', 'content-type': contentType, 'x-amz-content-sha256': createHash('sha256').update(body).digest('hex') };
    if (target !== '') headers['x-amz-target'] = target;
    const service = target === '' ? 'sts' : (SERVICES[target.split('.')[0]!] ?? 'ssm');
    const signed = await signerFor(service).sign(new HttpRequest({ method: 'POST', hostname: 'localhost', path: '/', headers, body }));
    return { headers: { ...(signed.headers as Record<string, string>) }, body };
  };
}

/** What a fuzz run saw. */
export interface FuzzTally {
  requests: number;
  byStatus: Record<number, number>;
  problems: string[];
}

/**
 * Sends `count` mutants of `corpus` through `send`, `concurrency` at a time, checking every
 * answer; `every` hears the running count every 1,000 requests (to sample memory).
 */
export async function fuzz(options: {
  corpus: readonly Seed[];
  seed: number;
  count: number;
  concurrency: number;
  canary: string;
  sign: ReturnType<typeof fuzzSigner>;
  send: (request: FuzzRequest) => Promise<FuzzAnswer>;
  every?: (done: number) => void;
}): Promise<FuzzTally> {
  const random = prng(options.seed);
  const targets = options.corpus.map((s) => s.target);
  const tally: FuzzTally = { requests: 0, byStatus: {}, problems: [] };
  let issued = 0;
  const worker = async () => {
    while (issued < options.count) {
      issued++;
      const mutant = withoutPlainCanary(mutate(random.pick(options.corpus), targets, random), options.canary);
      const request = await options.sign(mutant.target, mutant.body, mutant.contentType);
      mutant.spoil?.(request.headers);
      const answer = await options.send(request);
      tally.requests++;
      tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
      const problem = answerProblem(answer, options.canary);
      if (problem && tally.problems.length < 20) tally.problems.push(`${problem} ← ${mutant.target} ${mutant.body.toString('utf8').slice(0, 200)}`);
      if (tally.requests % 1000 === 0) options.every?.(tally.requests);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return tally;
}
