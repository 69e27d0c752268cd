import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A clipboard program of the machine paramdeck runs on, and how to make it read stdin. */
export interface ClipboardCommand {
  readonly command: string;
  readonly args: readonly string[];
}

const CANDIDATES: readonly (ClipboardCommand & { readonly needs?: string })[] = [
  { command: 'pbcopy', args: [] },
  // The Wayland and X11 tools fail without a display to talk to, so they are tried only with one.
  { command: 'wl-copy', args: [], needs: 'WAYLAND_DISPLAY' },
  { command: 'xclip', args: ['-selection', 'clipboard'], needs: 'DISPLAY' },
  { command: 'xsel', args: ['--clipboard', '--input'], needs: 'DISPLAY' },
];

/**
 * The local clipboard command to use, if any. Over SSH (SSH_CONNECTION or SSH_TTY set) the local
 * clipboard is the remote machine's, not the user's, so none is used and OSC 52 carries the value.
 */
export function localClipboardCommand(env: NodeJS.ProcessEnv): ClipboardCommand | undefined {
  if (env.SSH_CONNECTION || env.SSH_TTY) return undefined;
  const found = CANDIDATES.find((c) => (!c.needs || env[c.needs]) && onPath(c.command, env.PATH ?? ''));
  return found && { command: found.command, args: found.args };
}

function onPath(command: string, path: string): boolean {
  return path.split(delimiter).some((dir) => {
    if (!dir) return false;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Runs the command with `text` on its stdin, never in its arguments (which `ps` shows to every
 * user). Resolves on exit, not on the pipes closing: xclip and xsel stay behind to serve the
 * selection with the pipes still open.
 */
export function runClipboardCommand(command: ClipboardCommand, text: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command.command, [...command.args], { stdio: ['pipe', 'ignore', 'ignore'], env });
    child.once('error', (error) => reject(new Error(`${command.command}: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command.command} failed (${signal ?? `exit ${code}`})`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}

/** Empties the clipboard synchronously: for the exit path, where nothing asynchronous runs. */
export function clearWithCommandSync(command: ClipboardCommand, env: NodeJS.ProcessEnv): void {
  spawnSync(command.command, [...command.args], { input: '', stdio: ['pipe', 'ignore', 'ignore'], env, timeout: 2_000 });
}
