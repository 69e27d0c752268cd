import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { onTestFinished } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { call } from '../helpers/engine';

/** The built binary under test (test/global-setup.ts builds it). */
const BINARY = resolve('dist/paramdeck.js');

/** What one finished run left behind. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A temp store and config folder, and a way to run the binary against them. */
export interface Sandbox {
  home: string;
  configDir: string;
  dir: string;
  /** `paramdeck …args --home <home>`, with `input` on stdin and extra environment. */
  run(args: string[], options?: { input?: string; env?: NodeJS.ProcessEnv; noHome?: boolean }): Promise<Run>;
  /** Writes a file in the sandbox and returns its path. */
  file(name: string, content: string): string;
}

// Variables that would make a run depend on the machine running the tests.
const DROPPED = /^(AWS_|PARAMDECK_)/;

/** A fresh sandbox, removed after the test. */
export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'paramdeck-cli-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const home = join(dir, 'home');
  const configDir = join(dir, 'config');
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !DROPPED.test(key)));
  return {
    home,
    configDir,
    dir,
    run: (args, options = {}) =>
      runBinary(options.noHome ? args : [...args, '--home', home], { ...base, PARAMDECK_CONFIG_DIR: configDir, ...options.env }, options.input),
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

function runBinary(args: string[], env: NodeJS.ProcessEnv, input: string | undefined): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BINARY, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Runs `sh -c script` in `cwd` and returns its stdout. */
export function sh(script: string, cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('sh', ['-c', script], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => (code === 0 ? done(stdout) : fail(new Error(`sh exited ${code}: ${stderr}`))));
  });
}

/** A parameter to put straight into a store before the binary runs. */
export interface Seed {
  name: string;
  value: string;
  type?: 'String' | 'StringList' | 'SecureString';
  keyId?: string;
  tier?: 'Standard' | 'Advanced';
}

/** Puts parameters into the store at `home` through the engine (faster than a process each), then closes it. */
export function seed(home: string, parameters: readonly Seed[], act?: (engine: Engine) => void): void {
  const engine = Engine.open({ home });
  try {
    for (const p of parameters) {
      call(engine, 'ssm', 'PutParameter', { Name: p.name, Value: p.value, Type: p.type ?? 'String', Overwrite: true, ...(p.keyId ? { KeyId: p.keyId } : {}), ...(p.tier ? { Tier: p.tier } : {}) });
    }
    act?.(engine);
  } finally {
    engine.close();
  }
}

/** A customer managed key known by `alias`, for seeds that put SecureStrings under a key of their own. */
export function createAliasedKey(engine: Engine, alias: string): void {
  const key = call(engine, 'kms', 'CreateKey', {}) as { KeyMetadata: { KeyId: string } };
  call(engine, 'kms', 'CreateAlias', { AliasName: alias, TargetKeyId: key.KeyMetadata.KeyId });
}
