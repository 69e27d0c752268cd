import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SdkService } from '../../source/service/sdk-service';
import { serviceContract } from './contract';

// `paramdeck serve` over real HTTP, reached the way any AWS client reaches it: the endpoint it
// prints and the credentials `paramdeck env` prints. dist/ is built by test/global-setup.ts.
const BINARY = join(process.cwd(), 'dist', 'paramdeck.js');

serviceContract({
  name: 'serve',
  async start() {
    const dir = mkdtempSync(join(tmpdir(), 'paramdeck-serve-'));
    const home = join(dir, 'home');
    const env = exportsOf(execFileSync(process.execPath, [BINARY, 'env', '--home', home], { encoding: 'utf8' }));
    const child = spawn(process.execPath, [BINARY, 'serve', '--port', '0', '--home', home], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await listeningUrl(child);
    const credentials = { accessKeyId: env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '' };
    return {
      accessKeyId: credentials.accessKeyId,
      service: (overrides = {}) =>
        new SdkService({ region: env.AWS_REGION ?? '', endpoint: url, credentials, maxAttempts: 2, ...overrides }),
      async stop() {
        await stopChild(child);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});

/** The `export NAME='value'` lines of `paramdeck env`, as a map. */
function exportsOf(text: string): Record<string, string> {
  const entries = [...text.matchAll(/^export (\w+)='((?:[^']|'\\'')*)'$/gm)].map(([, name, value]) => [name, value?.replace(/'\\''/g, "'")]);
  return Object.fromEntries(entries) as Record<string, string>;
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`paramdeck serve exited with ${code}: ${output}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
