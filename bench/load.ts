// Load generation for the endpoint benchmark: one SigV4-signed request, frozen, replayed by wrk.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

/** An HTTP request whose bytes never change: what wrk replays. */
export interface FrozenRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Credentials and scope to sign for. */
export interface Signer {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/**
 * Signs one AWS JSON 1.1 call to `url` as the JS SDK would (host, content type, target, payload
 * hash). A SigV4 signature stays valid for 15 minutes, so the whole run can replay it.
 */
export async function presign(url: string, target: string, input: object, signer: Signer): Promise<FrozenRequest> {
  const { host, hostname, port } = new URL(url);
  const body = JSON.stringify(input);
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname,
    port: Number(port),
    path: '/',
    headers: {
      host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': target,
      'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
    },
    body,
  });
  const sigv4 = new SignatureV4({
    credentials: { accessKeyId: signer.accessKeyId, secretAccessKey: signer.secretAccessKey },
    region: signer.region,
    service: 'ssm',
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await sigv4.sign(request);
  return { url, headers: { ...signed.headers } as Record<string, string>, body };
}

/** Sends the frozen request once and returns the parsed JSON answer, failing on any non-200. */
export async function sendOnce(request: FrozenRequest): Promise<Record<string, unknown>> {
  const { host: _host, ...headers } = request.headers; // fetch sets Host itself, from the URL
  const response = await fetch(request.url, { method: 'POST', headers, body: request.body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${request.url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** How wrk is run: the same for every server measured. */
export interface LoadSettings {
  connections: number;
  seconds: number;
}

/** What one wrk run measured. */
export interface LoadResult {
  requests: number;
  seconds: number;
  rate: number;
  /** Responses other than 2xx/3xx, plus socket errors and timeouts: any is a broken run. */
  failures: number;
  p50Ms: number;
  p99Ms: number;
}

/** Exits with a clear line when wrk is missing, rather than a spawn stack trace. */
export function requireWrk(): void {
  if (spawnSync('wrk', ['--version']).error) {
    console.error('wrk is not installed: apt-get install -y wrk (.ci/run installs it)');
    process.exit(1);
  }
}

/**
 * Replays `request` with wrk from one thread (C, epoll: on two cores it leaves the server far
 * more CPU than a Node load generator would). The Lua script sets method, headers and body, and
 * prints wrk's own summary as one JSON line.
 */
export function runWrk(request: FrozenRequest, settings: LoadSettings, scriptPath: string): Promise<LoadResult> {
  writeFileSync(scriptPath, luaScript(request));
  const args = ['-t1', `-c${settings.connections}`, `-d${settings.seconds}s`, '--timeout', '10s', '-s', scriptPath, request.url];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = /^RESULT (.*)$/m.exec(out);
      if (code !== 0 || !line) return reject(new Error(`wrk exited ${code}: ${out}`));
      const r = JSON.parse(line[1]!) as { requests: number; micros: number; failures: number; p50: number; p99: number };
      const seconds = r.micros / 1e6;
      resolve({ requests: r.requests, seconds, rate: r.requests / seconds, failures: r.failures, p50Ms: r.p50 / 1000, p99Ms: r.p99 / 1000 });
    });
  });
}

/** Long brackets keep every header value literal in Lua (none of ours contains `]==]`). */
function luaString(text: string): string {
  if (text.includes(']==]')) throw new Error('value cannot be quoted for Lua');
  return `[==[${text}]==]`;
}

function luaScript(request: FrozenRequest): string {
  const headers = Object.entries(request.headers).map(([name, value]) => `wrk.headers[ ${luaString(name)} ] = ${luaString(value)}`);
  return [
    'wrk.method = "POST"',
    `wrk.body = ${luaString(request.body)}`,
    ...headers,
    'done = function(summary, latency, requests)',
    '  local e = summary.errors',
    '  local failures = e.connect + e.read + e.write + e.status + e.timeout',
    '  io.write(string.format(\'RESULT {"requests":%d,"micros":%d,"failures":%d,"p50":%d,"p99":%d}\\n\',',
    '    summary.requests, summary.duration, failures, latency:percentile(50), latency:percentile(99)))',
    'end',
    '',
  ].join('\n');
}
