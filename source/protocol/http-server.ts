import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommitGroup } from '../engine/commit-group';
import type { Engine } from '../engine/engine';
import { handleRequest, type Dispatcher, type HandleOptions, type WireResponse } from './handle-request';
import { runJsonCall } from './json-codec';

/** No AWS JSON request to SSM or KMS comes near this; a bigger body is refused unread. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** How long a graceful close waits for requests in flight before it cuts their connections. */
const CLOSE_GRACE_MS = 5000;

/** Where and how to serve. */
export interface HttpServerOptions extends HandleOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  maxBodyBytes?: number;
}

/** A listening endpoint. */
export interface RunningServer {
  readonly host: string;
  /** The real port, also when 0 was asked for. */
  readonly port: number;
  /** `http://<host>:<port>`, IPv6 hosts in brackets. */
  readonly url: string;
  /** Stops accepting, lets requests in flight finish (up to a grace period), then resolves. */
  close(): Promise<void>;
}

/**
 * Serves the engine's AWS wire protocol over plain HTTP/1.1 with keep-alive, for the AWS CLI,
 * boto3 and any SDK pointed at it with an endpoint URL. It never imitates AWS throttling. Calls
 * run through `options.dispatch` (serve's engine thread) or else a commit group on `engine`;
 * either way each answer is written only after its call committed. `engine` proves signatures.
 */
export async function startHttpServer(engine: Engine, options: HttpServerOptions): Promise<RunningServer> {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const handling: HandleOptions = { ...options, dispatch: options.dispatch ?? groupDispatcher(engine) };
  let closing = false;
  const server = createServer((req, res) => {
    if (closing) res.setHeader('connection', 'close');
    serve(engine, req, res, limit, handling).catch(() => res.destroy());
  });
  // Clients keep connections in their pools for a while; closing them sooner only costs reconnects.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  await listen(server, options.host, options.port);
  const { port } = server.address() as AddressInfo;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    host: options.host,
    port,
    url: `http://${urlHost}:${port}`,
    close: () => {
      closing = true;
      return new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}

async function serve(engine: Engine, req: IncomingMessage, res: ServerResponse, limit: number, options: HandleOptions): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const body = declared > limit ? undefined : await readBody(req, limit);
  if (body === undefined) {
    // The rest of the body is never read, so this connection cannot carry another request.
    res.setHeader('connection', 'close');
    res.on('finish', () => req.destroy());
    write(res, tooLarge(limit));
    return;
  }
  const remote = req.socket.remoteAddress ?? '';
  const answer = await handleRequest(
    engine,
    { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body, sourceIp: remote.replace(/^::ffff:/, '') },
    options,
  );
  write(res, answer);
}

/** The body, or undefined as soon as it grows past `limit`. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tooLarge(limit: number): WireResponse {
  const body = JSON.stringify({ __type: 'RequestEntityTooLargeException', message: `Request body must not exceed ${limit} bytes.` });
  return {
    status: 413,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'content-length': String(Buffer.byteLength(body)), 'x-amzn-RequestId': randomUUID() },
    body,
  };
}

function write(res: ServerResponse, answer: WireResponse): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

/** Calls that arrive in one event-loop turn commit together: one commit per turn, not per request. */
function groupDispatcher(engine: Engine): Dispatcher {
  const group = new CommitGroup(engine);
  return (service, operation, body, ctx) => group.run(() => runJsonCall(engine, service, operation, body, ctx));
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
