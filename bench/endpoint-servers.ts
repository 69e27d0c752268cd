// The three servers the endpoint benchmark compares, each in its own process on loopback.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SSMClient, PutParameterCommand } from '@aws-sdk/client-ssm';
import Database from 'better-sqlite3';
import type { Signer } from './load';

/** A server under load. */
export interface BenchServer {
  readonly url: string;
  readonly signer: Signer;
  /** CPU time (user + system, every thread) the server's process has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** A `paramdeck serve` under load, and where its store lives. */
export interface ServeServer extends BenchServer {
  readonly home: string;
}

const BINARY = resolve('dist/paramdeck.js');
const LOOPBACK = '127.0.0.1';
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** A scratch folder for the run, removed at exit. */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paramdeck-bench-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The ceiling: node:http answering a fixed GetParameter-sized body after reading the request. */
export async function startBare(): Promise<BenchServer> {
  const code = `
    const body = JSON.stringify({ Parameter: { Name: '/bench/secret', Type: 'SecureString', Value: 'x'.repeat(40), Version: 1 } });
    const server = require('node:http').createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(body) }).end(body));
    });
    server.keepAliveTimeout = 60000;
    server.listen(0, '${LOOPBACK}', () => console.log('listening on http://${LOOPBACK}:' + server.address().port));`;
  const { url, stop, cpuMs } = await startChild(process.execPath, ['-e', code], /^listening on (\S+)$/m);
  return { url, stop, cpuMs, signer: { accessKeyId: 'AKIABAREBAREBAREBARE', secretAccessKey: 'bare', region: 'us-east-1' } };
}

/**
 * The built `paramdeck serve` on a fresh store (key-file root key, so no scrypt unlock), with
 * the admin's key as `paramdeck env` prints it. `profileDir` adds node's --cpu-prof.
 */
export async function startParamdeck(dir: string, profileDir?: string): Promise<ServeServer> {
  const home = join(dir, 'serve-home');
  const init = spawnSync(process.execPath, [BINARY, 'init', '--home', home], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`paramdeck init failed: ${init.stderr}`);
  const flags = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const { url, stop, cpuMs } = await startChild(process.execPath, [...flags, BINARY, 'serve', '--home', home, '--port', '0'], /^listening on (\S+)$/m);
  const env = spawnSync(process.execPath, [BINARY, 'env', '--home', home, '--port', new URL(url).port], { encoding: 'utf8' });
  const value = (name: string) => new RegExp(`^export ${name}='([^']*)'$`, 'm').exec(env.stdout)?.[1] ?? '';
  const signer = { accessKeyId: value('AWS_ACCESS_KEY_ID'), secretAccessKey: value('AWS_SECRET_ACCESS_KEY'), region: value('AWS_REGION') };
  return { url, signer, home, stop, cpuMs };
}

/** moto_server, the usual stand-in for AWS in tests, on a free port. */
export async function startMoto(): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://${LOOPBACK}:${port}`;
  const child = track(spawn('moto_server', ['-H', LOOPBACK, '-p', String(port)], { stdio: 'ignore' }));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}`);
    if (await answers(url)) break;
    if (Date.now() > deadline) throw new Error('moto_server did not answer within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => stopChild(child), cpuMs: () => cpuMsOf(child), signer: { accessKeyId: 'AKIAMOTOMOTOMOTOMOTO', secretAccessKey: 'moto', region: 'us-east-1' } };
}

/** Puts the SecureString every server is measured on, through the real SDK. */
export async function seedSecureString(server: BenchServer, name: string, value: string): Promise<void> {
  // The SDK's notice about Node 20's end of support says nothing about the servers measured.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const client = new SSMClient({ endpoint: server.url, region: server.signer.region, credentials: server.signer, maxAttempts: 1 });
  try {
    await client.send(new PutParameterCommand({ Name: name, Value: value, Type: 'SecureString' }));
  } finally {
    client.destroy();
  }
}

/** KMS Decrypt events in the store's audit trail, or undefined while the store has no audit trail. */
export function auditedDecrypts(home: string): number | undefined {
  const file = join(home, 'paramdeck.db');
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_events'").get();
    if (!table) return undefined;
    return (db.prepare("SELECT count(*) AS n FROM audit_events WHERE event_name = 'Decrypt'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/**
 * utime + stime of a child from /proc (Linux), in ms: CPU per request says what a server costs
 * even when other work on the machine shares the cores and blurs its rate.
 */
function cpuMsOf(child: ChildProcess): number {
  const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS;
}

/** USER_HZ: the unit of /proc's CPU times, 100 on every Linux build that matters. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function startChild(command: string, args: string[], ready: RegExp): Promise<{ url: string; stop(): Promise<void>; cpuMs(): number }> {
  const child = track(spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = ready.exec(stdout);
      if (match) resolve({ url: match[1]!, stop: () => stopChild(child), cpuMs: () => cpuMsOf(child) });
    });
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code} before it was ready: ${stderr}`)));
  });
}

/** SIGTERM (serve shuts down gracefully and flushes its CPU profile), then waits for the exit. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    await (await fetch(url)).arrayBuffer();
    return true;
  } catch {
    return false;
  }
}
