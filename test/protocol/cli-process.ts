import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { onTestFinished } from 'vitest';

/** The built binary under test (test/global-setup.ts builds it). */
export const BINARY = resolve('dist/paramdeck.js');

/** What a finished CLI run left behind. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `paramdeck …args` to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  return new Promise((done) => {
    execFile(process.execPath, [BINARY, ...args], { env }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** A running `paramdeck serve`. */
export interface ServeProcess {
  child: ChildProcess;
  /** The URL it printed. */
  url: string;
  port: number;
  stderr(): string;
  /** Sends `signal` and resolves with the exit code once the process has gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `paramdeck serve …args` and resolves once it prints its `listening on` line; stopped after the test. */
export function startServe(args: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BINARY, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  // onTestFinished, not afterEach: vitest 4 never runs an afterEach registered inside a test.
  onTestFinished(() => stop().then(() => undefined));
  return new Promise((ready, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^listening on (http:\/\/\S+:(\d+))\n/.exec(stdout);
      if (match) ready({ child, url: match[1]!, port: Number(match[2]), stderr: () => stderr, stop });
    });
    void exited.then((code) => fail(new Error(`serve exited with ${code} before listening: ${stderr}`)));
  });
}

/** The variables `paramdeck env` prints, read the way `sh` would read its single-quoted values. */
export function parseEnvOutput(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of stdout.trim().split('\n')) {
    const match = /^export ([A-Z_]+)='(.*)'$/.exec(line);
    if (!match) throw new Error(`not an export line: ${line}`);
    out[match[1]!] = match[2]!.replace(/'\\''/g, "'");
  }
  return out;
}
