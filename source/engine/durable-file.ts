import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/**
 * Writes `contents` to a file that must not exist yet (0600) and syncs it before returning, so a
 * rename or link that publishes it afterwards never publishes a file a power cut could empty.
 */
export function writeSyncedFile(file: string, contents: Buffer): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, contents);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a new entry of `folder` durable (POSIX: fsync the directory); Windows cannot open a folder so. */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
