import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import { SdkService } from '../../source/service/sdk-service';
import type { ServiceOptions } from '../../source/service/options';

/** One request the fake endpoint received. */
export interface FakeRequest {
  /** The X-Amz-Target header, e.g. `AmazonSSM.GetParametersByPath`. */
  target: string;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  receivedAt: number;
}

/** What the fake endpoint answers; `hold` delays the answer until it settles. */
export interface FakeAnswer {
  status?: number;
  body: unknown;
  hold?: Promise<unknown>;
}

export type FakeHandler = (request: FakeRequest, index: number) => FakeAnswer | Promise<FakeAnswer>;

/** A tiny AWS JSON 1.1 endpoint on loopback whose answers each test scripts. */
export interface FakeEndpoint {
  url: string;
  requests: FakeRequest[];
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
}

/** An AWS error answer as the JSON protocols send it. */
export function awsError(code: string, message: string, status = 400): FakeAnswer {
  return { status, body: { __type: code, message } };
}

/** Starts a fake endpoint for this test; it closes when the test finishes. */
export async function startFakeEndpoint(handler: FakeHandler): Promise<FakeEndpoint> {
  const requests: FakeRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: FakeRequest = {
        target: String(req.headers['x-amz-target'] ?? ''),
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        headers: req.headers,
        receivedAt: Date.now(),
      };
      const index = requests.push(request) - 1;
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) waiter.resolve();
      void (async () => {
        const answer = await handler(request, index);
        await answer.hold;
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(answer.body));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    waitForRequests: (count) =>
      requests.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
  };
}

/** Backoff fast enough for tests, with the random part pinned so delays are predictable. */
export const FAST_BACKOFF = { retries: 3, baseMs: 2, maxMs: 8, random: () => 0.5 };

/**
 * A service on `url` with one SDK attempt per call, closed when the test finishes. Standard
 * retry mode: adaptive mode's client-side rate limiter would slow every throttling test by seconds.
 */
export function serviceOn(url: string, overrides: Partial<ServiceOptions> = {}): SdkService {
  const service = new SdkService({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'AKIDFAKEFAKEFAKE', secretAccessKey: 'fake-secret' },
    maxAttempts: 1,
    retryMode: 'standard',
    backoff: FAST_BACKOFF,
    auditIntervalMs: 0,
    ...overrides,
  });
  onTestFinished(() => service.close());
  return service;
}
