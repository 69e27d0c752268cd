import { randomUUID } from 'node:crypto';
import type { CallContext } from '../engine/context';
import type { Engine } from '../engine/engine';
import type { ServiceName } from '../engine/operations';
import { AwsError } from '../engine/errors';
import { runJsonCall } from './json-codec';
import { XML_CONTENT_TYPE, callerIdentityXml, queryErrorXml } from './query-protocol';
import { QUERY_ACTIONS, isEngineService, jsonRoute } from './routes';
import { authenticate, type Authenticated, type SignedRequest } from './sigv4';

/** One HTTP request as the server or the in-process handler received it. */
export interface WireRequest {
  readonly method: string;
  /** The request target: path and, if any, query string. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  readonly sourceIp: string;
}

/** The answer to send back. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Runs one JSON call (json-codec.ts runJsonCall) somewhere, from its request body to its answer
 * body, and settles once its transaction has committed.
 */
export type Dispatcher = (service: ServiceName, operation: string, body: string, ctx: CallContext) => Promise<string>;

/** How a caller wants requests run. */
export interface HandleOptions {
  /** Hears about faults the client only sees as InternalFailure. */
  onInternalError?: (error: unknown, requestId: string) => void;
  /**
   * Runs the engine calls instead of `engine.dispatch` (a server's commit group, or its engine
   * thread); each answer waits for the call's commit.
   */
  dispatch?: Dispatcher;
}

const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';
const ROOT = new URL('http://localhost/');
const INTERNAL_FAILURE = 'The request processing has failed because of an unknown error, exception or failure.';

/**
 * The local endpoint's whole wire protocol: routes by X-Amz-Target (JSON 1.1: SSM, KMS,
 * CloudTrail) or by Action (awsQuery: STS), proves the SigV4 signature, runs the operation and
 * answers in AWS's shapes. It never throws: an unexpected fault becomes InternalFailure (500)
 * with no detail, and every answer carries x-amzn-RequestId.
 */
export async function handleRequest(engine: Engine, request: WireRequest, options: HandleOptions = {}): Promise<WireResponse> {
  const requestId = randomUUID();
  const headers = lowerCaseHeaders(request.headers);
  const url = parseTarget(request.path);
  const isQuery = headers['x-amz-target'] === undefined && /^application\/x-www-form-urlencoded\b/i.test(headers['content-type'] ?? '');
  const call: Call = {
    engine,
    requestId,
    dispatch: options.dispatch,
    signed: { method: 'POST', path: '/', query: url ? queryObject(url.searchParams) : {}, headers, body: request.body },
    context: (auth) => ({
      principal: auth.principal,
      accessKeyId: auth.accessKeyId,
      sourceIp: request.sourceIp,
      userAgent: headers['user-agent'] ?? headers['x-amz-user-agent'] ?? '',
      requestId,
    }),
  };
  try {
    if (request.method !== 'POST' || url?.pathname !== '/') {
      throw new AwsError('UnknownOperationException', 'Only POST / is served here.', 404);
    }
    return isQuery ? await serveQuery(call) : await serveJson(call);
  } catch (error) {
    const failure = error instanceof AwsError ? error : internalFailure(error, requestId, options);
    if (isQuery) return answer(engine, failure.status, XML_CONTENT_TYPE, queryErrorXml(failure, requestId), requestId);
    return answer(engine, failure.status, JSON_CONTENT_TYPE, JSON.stringify({ __type: failure.code, message: failure.message }), requestId);
  }
}

/** One request on its way through: the engine, its id, what was signed, and how to build its CallContext. */
interface Call {
  engine: Engine;
  requestId: string;
  dispatch: Dispatcher | undefined;
  signed: SignedRequest;
  context(auth: Authenticated): CallContext;
}

/** JSON 1.1: the target names the service and operation; the body is the operation's input. */
async function serveJson({ engine, requestId, dispatch, signed, context }: Call): Promise<WireResponse> {
  const target = signed.headers['x-amz-target'];
  if (target === undefined) throw new AwsError('UnknownOperationException', 'The request names no operation (X-Amz-Target is missing).');
  const route = jsonRoute(target);
  if (!route) throw new AwsError('UnknownOperationException', `Unknown operation ${target}`);
  if (!/^application\/x-amz-json-1\.[01]\b/i.test(signed.headers['content-type'] ?? '')) {
    throw new AwsError('UnknownOperationException', `Content-Type must be ${JSON_CONTENT_TYPE}.`);
  }
  const ctx = context(await authenticate(engine, signed, route.signingName));
  if (!isEngineService(route.service)) throw new AwsError('UnknownOperationException', `Unknown operation ${target}`);
  const body = signed.body.toString('utf8');
  const json = dispatch ? await dispatch(route.service, route.operation, body, ctx) : runJsonCall(engine, route.service, route.operation, body, ctx);
  return answer(engine, 200, JSON_CONTENT_TYPE, json, requestId);
}

/** awsQuery (STS): a form body names the Action and API Version; the answer is XML. */
async function serveQuery({ engine, requestId, signed, context }: Call): Promise<WireResponse> {
  const params = new URLSearchParams(signed.body.toString('utf8'));
  const action = params.get('Action') ?? '';
  const version = params.get('Version');
  const route = Object.hasOwn(QUERY_ACTIONS, action) ? QUERY_ACTIONS[action] : undefined;
  if (!route || version !== route.version) {
    throw new AwsError('InvalidAction', `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`);
  }
  // GetCallerIdentity, the one action, needs no permission: a valid signature is enough.
  const ctx = context(await authenticate(engine, signed, route.signingName));
  return answer(engine, 200, XML_CONTENT_TYPE, callerIdentityXml(ctx.principal, requestId), requestId);
}

/** An error the engine did not expect: reported to the caller's hook, hidden from the client. */
function internalFailure(error: unknown, requestId: string, options: HandleOptions): AwsError {
  options.onInternalError?.(error, requestId);
  return new AwsError('InternalFailure', INTERNAL_FAILURE, 500);
}

/**
 * The Date header carries the engine's clock, as AWS's carries its own: an SDK whose clock is
 * off by more than the signing window reads it, corrects its offset and retries.
 */
function answer(engine: Engine, status: number, contentType: string, body: string, requestId: string): WireResponse {
  return {
    status,
    headers: {
      'content-type': contentType,
      'content-length': String(Buffer.byteLength(body)),
      'x-amzn-RequestId': requestId,
      date: engine.clock().toUTCString(),
    },
    body,
  };
}

function lowerCaseHeaders(headers: WireRequest['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}

/** The parsed request target; `/` (every AWS JSON request) skips the URL parser. */
function parseTarget(path: string): URL | undefined {
  if (path === '/') return ROOT;
  try {
    return new URL(path, 'http://localhost');
  } catch {
    return undefined;
  }
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}
