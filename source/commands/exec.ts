import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import type { Command } from 'commander';
import { dotenvVariables, relativeName } from './dotenv';
import { CommandError } from './exit-codes';
import { mergedOptions } from './merged-options';
import { withTargetOptions, type TargetOptions } from './options';
import { note } from './output';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';
import { withTarget } from './with-target';

/** The signals a terminal or a supervisor sends us that the child must see too. */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What shells answer when a command cannot be found or cannot be run. */
const NOT_FOUND = 127;
const NOT_EXECUTABLE = 126;

/**
 * `paramdeck exec PATH -- COMMAND…`: runs a command with the parameters below PATH as its
 * environment, as chamber's exec does. Names follow export's dotenv rule; SecureStrings are
 * decrypted through the service (permission-checked and audited like any reveal); the values
 * reach only the child's environment, and its exit code or signal becomes ours.
 */
export function registerExec(program: Command): void {
  withTargetOptions(program.command('exec'))
    .description('run COMMAND with the parameters below PATH (all levels, decrypted) as environment variables')
    .argument('<path>', 'the path whose parameters become variables, such as /app/prod')
    .argument('<command...>', 'the command and its arguments, after --')
    .usage('[options] <path> -- <command...>')
    .action(async (path: string, argv: string[], _flags: TargetOptions, command: Command) => {
      const options = mergedOptions<TargetOptions>(command);
      await runCommand(options.debug, async () => {
        process.exitCode = await execWith(path, argv, resolveOptions(options));
      });
    });
}

async function execWith(rawPath: string, argv: string[], options: TargetOptions): Promise<number> {
  const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : rawPath;
  // The store is closed before the child starts: a long-running child never holds it open.
  const variables = await withTarget(options, async ({ service }) => {
    const result = await service.revealPath(path, { recursive: true }).collect();
    if (result.error) throw result.error;
    return dotenvVariables(result.items.map((item) => ({ name: item.name, relativeName: relativeName(item.name, path), value: item.plaintext() })));
  });
  const shadowed = [...variables.keys()].filter((key) => process.env[key] !== undefined);
  if (shadowed.length > 0) note(`the parameters below ${path} replace ${shadowed.join(', ')} from the environment`);
  const child = start(argv, variables);
  return await waitFor(child);
}

/**
 * Spawns the child with the parameters in its environment, then empties the maps that held
 * them: after this returns, nothing of ours refers to a value. JavaScript strings cannot be
 * overwritten, so the text stays in the heap until the collector reuses it; the child has a copy
 * of its own from exec(2) on.
 */
function start(argv: string[], variables: Map<string, string>): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of variables) env[key] = value;
  try {
    return spawn(argv[0]!, argv.slice(1), { stdio: 'inherit', env });
  } finally {
    variables.clear();
    for (const key of Object.keys(env)) delete env[key];
  }
}

/**
 * Resolves with our exit code once the child is gone: its own, or 128+n for a child killed by
 * signal n, as a shell reports it. SIGINT, SIGTERM and SIGHUP are passed on meanwhile.
 */
function waitFor(child: ChildProcess): Promise<number> {
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  const stopForwarding = () => {
    for (const signal of FORWARDED) process.off(signal, forward);
  };
  return new Promise((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      stopForwarding();
      const code = error.code === 'ENOENT' ? NOT_FOUND : NOT_EXECUTABLE;
      const reason = error.code === 'ENOENT' ? 'command not found' : (error.code ?? 'cannot be run');
      reject(new CommandError(`${String(child.spawnfile)}: ${reason}`, code));
    });
    child.once('exit', (code, signal) => {
      stopForwarding();
      resolve(signal === null ? (code ?? 0) : 128 + (constants.signals[signal] ?? 0));
    });
  });
}
