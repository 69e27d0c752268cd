import { Agent, request } from 'node:http';

/** A request as it goes on the wire: the headers exactly as given (the signed ones included). */
export interface RawRequest {
  method?: string;
  path?: string;
  headers: Record<string, string>;
  body: Buffer | string;
  /** Sends the body chunked, with no Content-Length: a client may, and the size limit must still hold. */
  chunked?: boolean;
}

/** What came back: status, headers and the body as text. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One keep-alive pool, as SDK clients use: the fuzz and bad-input tests reuse connections. */
export function keepAliveAgent(maxSockets = 16): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

/** Sends one request to `url` (serve's `http://127.0.0.1:<port>`) and reads the whole answer. */
export function sendRaw(url: string, raw: RawRequest, agent?: Agent): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  const body = typeof raw.body === 'string' ? Buffer.from(raw.body, 'utf8') : raw.body;
  const headers: Record<string, string> = { ...raw.headers };
  if (!raw.chunked) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method: raw.method ?? 'POST', path: raw.path ?? '/', headers, agent: agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // A server may answer (413) and close before the whole body is sent: that answer is what counts.
    req.on('error', reject);
    req.end(body);
  });
}

/** The AWS error shape of an answer: JSON `__type`, or an awsQuery XML `<Code>`. */
export function errorType(answer: RawAnswer): string | undefined {
  if (answer.body.startsWith('<')) return /<Code>([^<]+)<\/Code>/.exec(answer.body)?.[1];
  try {
    const type = (JSON.parse(answer.body) as { __type?: string }).__type;
    return type?.replace(/^.*#/, '');
  } catch {
    return undefined;
  }
}
