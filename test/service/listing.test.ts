import { describe, expect, it } from 'vitest';
import type { ListingProgress } from '../../source/service/capabilities';
import { backoffDelay } from '../../source/service/listing';
import type { Parameter } from '../../source/service/types';
import { awsError, serviceOn, startFakeEndpoint, type FakeAnswer, type FakeRequest } from './fake-endpoint';

// Three pages of GetParametersByPath: /app/p0 … /app/p2, the token naming the next page.
function pageAnswer(request: FakeRequest, pages = 3): FakeAnswer {
  const page = Number(String(request.body.NextToken ?? 't0').slice(1));
  const next = page + 1 < pages ? { NextToken: `t${page + 1}` } : {};
  return { body: { Parameters: [{ Name: `/app/p${page}`, Type: 'String', Value: `v${page}`, Version: 1 }], ...next } };
}

function names(result: IteratorResult<Parameter[]>): string[] {
  return result.done ? [] : result.value.map((p) => p.name);
}

function pageOf(request: FakeRequest): string {
  return String(request.body.NextToken ?? 't0');
}

describe('listings stream pages', () => {
  it('delivers the first page before the second is answered', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const endpoint = await startFakeEndpoint((request) => ({ ...pageAnswer(request), ...(pageOf(request) === 't1' ? { hold: gate } : {}) }));
    const iterator = serviceOn(endpoint.url).readPath('/app')[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(names(first)).toEqual(['/app/p0']);
    const second = iterator.next();
    await endpoint.waitForRequests(2);
    release();
    expect(names(await second)).toEqual(['/app/p1']);
    expect(names(await iterator.next())).toEqual(['/app/p2']);
    expect((await iterator.next()).done).toBe(true);
  });

  it('sends the SDK page token and reports each page', async () => {
    const endpoint = await startFakeEndpoint((request) => pageAnswer(request));
    const progress: ListingProgress[] = [];
    const result = await serviceOn(endpoint.url).readPath('/app', { recursive: true }, { onProgress: (p) => progress.push(p) }).collect();
    expect(result).toEqual({ items: expect.any(Array), cancelled: false });
    expect(result.items.map((p) => p.name)).toEqual(['/app/p0', '/app/p1', '/app/p2']);
    expect(endpoint.requests.map((r) => [r.target, r.body.NextToken, r.body.Recursive, r.body.WithDecryption])).toEqual([
      ['AmazonSSM.GetParametersByPath', undefined, true, false],
      ['AmazonSSM.GetParametersByPath', 't1', true, false],
      ['AmazonSSM.GetParametersByPath', 't2', true, false],
    ]);
    expect(progress).toEqual([1, 2, 3].map((pages) => ({ kind: 'page', pages, items: pages })));
  });
});

describe('listings under throttling', () => {
  it.each(['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'Throttling', 'TooManyUpdates'])(
    'backs off on %s and then completes',
    async (code) => {
      const endpoint = await startFakeEndpoint((request, index) => (index === 1 || index === 2 ? awsError(code, 'Rate exceeded') : pageAnswer(request)));
      const progress: ListingProgress[] = [];
      const result = await serviceOn(endpoint.url).readPath('/app', {}, { onProgress: (p) => progress.push(p) }).collect();
      expect(result.error).toBeUndefined();
      expect(result.items.map((p) => p.name)).toEqual(['/app/p0', '/app/p1', '/app/p2']);
      expect(endpoint.requests.map(pageOf)).toEqual(['t0', 't1', 't1', 't1', 't2']);
      expect(progress.filter((p) => p.kind === 'throttled')).toEqual([
        { kind: 'throttled', code, retry: 1, retries: 3, delayMs: 2 },
        { kind: 'throttled', code, retry: 2, retries: 3, delayMs: 3 },
      ]);
    },
  );

  it('ends with the partial results and a Throttled error when throttling never stops', async () => {
    const endpoint = await startFakeEndpoint((request, index) => (index === 0 ? pageAnswer(request) : awsError('ThrottlingException', 'Rate exceeded')));
    const listing = serviceOn(endpoint.url).readPath('/app');
    const pages: string[][] = [];
    for await (const page of listing) pages.push(page.map((p) => p.name));
    expect(pages).toEqual([['/app/p0']]);
    expect(listing.error).toMatchObject({ kind: 'Throttled', code: 'ThrottlingException', message: 'Rate exceeded' });
    expect(listing.cancelled).toBe(false);
    // The first page, then the throttled second page: one try plus three backed-off retries.
    expect(endpoint.requests.map(pageOf)).toEqual(['t0', 't1', 't1', 't1', 't1']);
  });

  it('does not retry a refusal that is not throttling', async () => {
    const endpoint = await startFakeEndpoint((request, index) =>
      index === 0 ? pageAnswer(request) : awsError('AccessDeniedException', 'User: arn:aws:iam::111122223333:user/bob is not authorized to perform: ssm:GetParametersByPath'));
    const result = await serviceOn(endpoint.url).readPath('/app').collect();
    expect(result.items.map((p) => p.name)).toEqual(['/app/p0']);
    expect(result.error).toMatchObject({ kind: 'AccessDenied', code: 'AccessDeniedException' });
    expect(result.error?.message).toContain('is not authorized to perform: ssm:GetParametersByPath');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('lets the SDK retry first, then backs off on top', async () => {
    // Two SDK attempts per page fetch: the first fetch of page t0 fails twice inside the SDK,
    // the listing backs off once, and the second fetch succeeds on the SDK's retry.
    const endpoint = await startFakeEndpoint((request, index) => (index < 3 ? awsError('ThrottlingException', 'Rate exceeded') : pageAnswer(request, 1)));
    const progress: ListingProgress[] = [];
    const result = await serviceOn(endpoint.url, { maxAttempts: 2 })
      .readPath('/app', {}, { onProgress: (p) => progress.push(p) })
      .collect();
    expect(result.items.map((p) => p.name)).toEqual(['/app/p0']);
    expect(endpoint.requests).toHaveLength(4);
    expect(progress.filter((p) => p.kind === 'throttled')).toHaveLength(1);
  });

  it.each([
    [0, 0, 2],
    [0.5, 0, 3],
    [1, 0, 4],
    [0, 2, 8],
    [1, 3, 20],
    [0, 10, 10],
  ])('waits with equal jitter: random %d on retry %d waits %d ms', (random, retry, expected) => {
    expect(backoffDelay({ retries: 5, baseMs: 4, maxMs: 20, random: () => random }, retry)).toBe(expected);
  });
});

describe('cancelling a listing', () => {
  it('stops at once while a request is in flight, and sends nothing more', async () => {
    const controller = new AbortController();
    const endpoint = await startFakeEndpoint((request) => ({ ...pageAnswer(request), hold: new Promise(() => {}) }));
    const done = serviceOn(endpoint.url).readPath('/app', {}, { signal: controller.signal }).collect();
    await endpoint.waitForRequests(1);
    controller.abort();
    expect(await done).toEqual({ items: [], cancelled: true });
    expect(endpoint.requests).toHaveLength(1);
  });

  it('stops while backing off from throttling', async () => {
    const controller = new AbortController();
    const endpoint = await startFakeEndpoint(() => awsError('ThrottlingException', 'Rate exceeded'));
    const listing = serviceOn(endpoint.url, { backoff: { retries: 5, baseMs: 600_000, maxMs: 600_000, random: () => 1 } })
      .readPath('/app', {}, { signal: controller.signal, onProgress: (p) => p.kind === 'throttled' && controller.abort() });
    const result = await listing.collect();
    expect(result).toEqual({ items: [], cancelled: true });
    expect(listing.error).toBeUndefined();
  });

  it('fetches no further page once the consumer has aborted', async () => {
    const controller = new AbortController();
    const endpoint = await startFakeEndpoint((request) => pageAnswer(request));
    const listing = serviceOn(endpoint.url).readPath('/app', {}, { signal: controller.signal });
    const seen: string[] = [];
    for await (const page of listing) {
      seen.push(...page.map((p) => p.name));
      controller.abort();
    }
    expect(seen).toEqual(['/app/p0']);
    expect(listing.cancelled).toBe(true);
    expect(endpoint.requests).toHaveLength(1);
  });
});
