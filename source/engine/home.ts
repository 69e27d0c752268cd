import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import envPaths from 'env-paths';

/**
 * Where the local store lives: `--home`, else PARAMDECK_HOME, else the OS data folder
 * (XDG_DATA_HOME on Linux, Application Support on macOS, LOCALAPPDATA on Windows).
 */
export function resolveHome(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.PARAMDECK_HOME) return env.PARAMDECK_HOME;
  return envPaths('paramdeck', { suffix: '' }).data;
}

/** Creates the home folder if needed and keeps it private (0700): it holds the root key. */
export function ensureHome(home: string): void {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const stat = lstatSync(home);
  if (!stat.isDirectory()) throw new Error(`${home} is not a folder`);
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) chmodSync(home, 0o700);
}
