import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/**
 * The plaintext the suite's SecureStrings carry (obviously fake, and unique enough that finding
 * it anywhere means it leaked): the secrets-at-rest checks look for it after every section.
 */
export const CANARY = 'FAKE-canary-4b1d9e-not-a-secret';

/** The canary as it could sit in bytes: raw, UTF-16, hex either case, base64 at each alignment. */
function forms(canary: string): Map<string, Buffer> {
  const raw = Buffer.from(canary, 'utf8');
  const out = new Map<string, Buffer>([
    ['raw', raw],
    ['utf-16', Buffer.from(canary, 'utf16le')],
    ['hex', Buffer.from(raw.toString('hex'))],
    ['HEX', Buffer.from(raw.toString('hex').toUpperCase())],
  ]);
  for (let shift = 0; shift < 3; shift++) {
    // Characters that also encode neighbouring bytes are cut off both ends.
    const encoded = Buffer.concat([Buffer.alloc(shift), raw]).toString('base64');
    out.set(`base64+${shift}`, Buffer.from(encoded.slice(shift === 0 ? 0 : 4, -4)));
  }
  return out;
}

/** Every file under `paths` (files or folders, recursively) and each in-memory text (logs, stderr). */
function sources(paths: readonly string[], texts: Readonly<Record<string, string>>): [string, Buffer][] {
  const out: [string, Buffer][] = Object.entries(texts).map(([label, text]) => [label, Buffer.from(text, 'utf8')]);
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    else out.push([path, readFileSync(path)]);
  };
  for (const path of paths) walk(path);
  return out;
}

/** Where the canary was found, in any form, in any of these files or texts (empty when nowhere). */
export function canarySightings(paths: readonly string[], texts: Readonly<Record<string, string>> = {}, canary = CANARY): string[] {
  const found: string[] = [];
  const needles = forms(canary);
  for (const [label, bytes] of sources(paths, texts)) {
    for (const [form, needle] of needles) if (bytes.includes(needle)) found.push(`${label} (${form})`);
  }
  return found;
}

/** Asserts the canary is nowhere under `paths` nor in `texts`; the store's WAL and shm are files there too. */
export function expectNoCanary(paths: readonly string[], texts: Readonly<Record<string, string>> = {}): void {
  expect(canarySightings(paths, texts)).toEqual([]);
}
