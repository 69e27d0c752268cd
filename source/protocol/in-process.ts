import { Readable } from 'node:stream';
import { HttpResponse, type HttpHandler, type HttpHandlerOptions, type HttpRequest } from '@smithy/protocol-http';
import type { Engine } from '../engine/engine';
import { handleRequest } from './handle-request';

/** Where in-process calls come from, for the audit trail: the local machine. */
const IN_PROCESS_SOURCE_IP = '127.0.0.1';

/**
 * An SDK request handler that hands the signed request straight to the local engine, with no
 * socket: how the TUI reaches the embedded store through the same SDK (and the same SigV4 check)
 * it uses for AWS. `new SSMClient({ endpoint: 'http://local.paramdeck', requestHandler: new
 * InProcessHandler(engine), … })`.
 */
export class InProcessHandler implements HttpHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };

  constructor(private readonly engine: Engine) {}

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    if (options.abortSignal?.aborted) throw abortError();
    const body = await bodyBytes(request.body);
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) if (item !== null && item !== undefined) query.append(key, item);
    }
    const search = query.size > 0 ? `?${query}` : '';
    const answer = await handleRequest(this.engine, {
      method: request.method,
      path: `${request.path}${search}`,
      headers: request.headers,
      body,
      sourceIp: IN_PROCESS_SOURCE_IP,
    });
    // The SDK reads response headers by their lower-case names, as node:http delivers them.
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) headers[name.toLowerCase()] = value;
    // The body as bytes, not a stream: the SDK takes a Uint8Array as it is, where a stream goes
    // through its stream collector (which loads Node's web streams on first use, 9 ms of the TUI's
    // start-up).
    return { response: new HttpResponse({ statusCode: answer.status, headers, body: Buffer.from(answer.body, 'utf8') }) };
  }

  /** Nothing to configure: there is no connection pool or timeout without a socket. */
  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

async function bodyBytes(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  }
  throw new TypeError('the in-process handler takes a string, Uint8Array or Readable request body');
}

function abortError(): Error {
  const error = new Error('Request aborted');
  error.name = 'AbortError';
  return error;
}
