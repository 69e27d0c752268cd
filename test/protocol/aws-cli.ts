import { execFile, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tempHome } from '../helpers/temp-home';
import { parseEnvOutput, runCli, startServe } from './cli-process';

/** One AWS CLI the tests drive: v1 from pip, v2 from Debian's awscli package. */
export interface AwsCliSpec {
  readonly major: 1 | 2;
  readonly label: string;
  /** How to get it when it is missing (.ci/run does it for v2). */
  readonly install: string;
}

/** The two CLIs every wire test runs. */
export const AWS_CLIS: readonly AwsCliSpec[] = [
  { major: 1, label: 'AWS CLI v1 (pip)', install: 'pip install awscli' },
  { major: 2, label: 'AWS CLI v2 (Debian awscli)', install: 'apt-get install -y awscli' },
];

let found: Map<number, string> | undefined;

/**
 * The absolute path of the installed AWS CLI of `major` version, or undefined. Both CLIs are
 * called `aws` and one may shadow the other on PATH, so every `aws` on PATH (and Debian's
 * /usr/bin/aws) is asked its version once.
 */
export function awsCliPath(major: number): string | undefined {
  if (!found) {
    found = new Map();
    const seen = new Set<string>();
    for (const dir of [...(process.env.PATH ?? '').split(delimiter), '/usr/bin']) {
      const candidate = join(dir, 'aws');
      const real = executable(candidate) ? realpathSync(candidate) : undefined;
      if (!real || seen.has(real)) continue;
      seen.add(real);
      const run = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
      const version = /aws-cli\/(\d+)\./.exec(`${run.stdout}${run.stderr}`);
      if (version && !found.has(Number(version[1]))) found.set(Number(version[1]), candidate);
    }
  }
  return found.get(major);
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What one CLI run left behind. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** An AWS CLI pointed at a fresh `paramdeck serve`, run in its own folder (also its HOME). */
export interface ServedCli {
  /** The folder the CLI runs in: files for `fileb://` go here. */
  readonly dir: string;
  /** `aws …args` with JSON output; a failing call resolves too, with its exit code. */
  run(...args: string[]): Promise<RunResult>;
  /** Like `run`, and parses stdout as JSON after checking the call succeeded. */
  json<T = Record<string, unknown>>(...args: string[]): Promise<T>;
  /** A `sh` script in `dir` where `aws` is this CLI on this endpoint, for the documented pipelines. */
  sh(script: string): Promise<RunResult>;
}

/**
 * Starts `serve` on a fresh store and gives `cli` the environment `paramdeck env` prints, over a
 * clean one (no profile or token of the machine leaks in). AWS CLI v2 before 2.13 ignores
 * AWS_ENDPOINT_URL, so v2 also gets `--endpoint-url`; v1 relies on the variable alone.
 */
export async function servedCli(spec: AwsCliSpec): Promise<ServedCli> {
  const binary = awsCliPath(spec.major);
  if (!binary) throw new Error(`${spec.label} is not installed on this machine: ${spec.install} (.ci/run installs it)`);
  const home = tempHome();
  await runCli(['init', '--home', home]);
  const server = await startServe(['--home', home, '--port', '0']);
  const variables = parseEnvOutput((await runCli(['env', '--home', home, '--port', String(server.port)])).stdout);
  const dir = tempHome();
  mkdirSync(dir, { recursive: true });
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, AWS_PAGER: '', ...variables };
  const endpoint = spec.major === 2 ? ['--endpoint-url', variables.AWS_ENDPOINT_URL!] : [];
  const exec = (command: string, args: string[]) =>
    new Promise<RunResult>((done) => {
      execFile(command, args, { env, cwd: dir, encoding: 'buffer' }, (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8') }),
      );
    });
  const run = (...args: string[]) => exec(binary, [...args, ...endpoint, '--output', 'json']);
  return {
    dir,
    run,
    async json<T>(...args: string[]) {
      const result = await run(...args);
      if (result.code !== 0) throw new Error(`aws ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
      return JSON.parse(result.stdout) as T;
    },
    sh: (script) => exec('sh', ['-c', `set -eu\naws() { "${binary}" ${endpoint.join(' ')} "$@"; }\n${script}`]),
  };
}
