import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseDotenv } from './dotenv';
import { CommandError } from './exit-codes';

/** The formats `import` reads. */
export type ImportFormat = 'json' | 'dotenv';

/** One value to import: the key becomes the name below PATH. */
export interface ImportEntry {
  key: string;
  value: string;
}

/** The file's text; `-` reads standard input, so `export … | import …` works. */
export async function readInput(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new CommandError(`cannot read ${file}: ${reason}`);
  }
}

/**
 * The entries of a json or dotenv file. Without `format`, a `.json` name or a text that starts
 * with `{` is JSON, anything else dotenv. A key set twice is refused: which value was meant is
 * not for paramdeck to guess.
 */
export function parseImport(text: string, file: string, format?: ImportFormat): ImportEntry[] {
  const chosen = format ?? (extname(file).toLowerCase() === '.json' || /^\s*\{/.test(text) ? 'json' : 'dotenv');
  if (chosen === 'json') return parseJson(text, file);
  const entries = parseDotenv(text, file);
  const firstLine = new Map<string, number>();
  for (const entry of entries) {
    const earlier = firstLine.get(entry.key);
    if (earlier !== undefined) throw new CommandError(`${file}: ${entry.key} is set twice (lines ${earlier} and ${entry.line})`);
    firstLine.set(entry.key, entry.line);
  }
  return entries.map(({ key, value }) => ({ key, value }));
}

/**
 * A JSON object of names (relative to PATH, `/` allowed: `db/url`) to values, as
 * `export --format json` writes it. Numbers and booleans are taken as their text
 * (`"port": 5432`); arrays, objects and null are refused.
 */
function parseJson(text: string, file: string): ImportEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // V8's message may quote the text around the fault, which may be a secret: keep only where.
    const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
    const where = position ? ` (line ${text.slice(0, Number(position[1])).split('\n').length})` : '';
    throw new CommandError(`${file} is not valid JSON${where}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CommandError(`${file}: expected a JSON object of names to values`);
  }
  return Object.entries(parsed as Record<string, unknown>).map(([key, value]) => {
    if (typeof value === 'string') return { key, value };
    if (typeof value === 'number' || typeof value === 'boolean') return { key, value: String(value) };
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object';
    throw new CommandError(`${file}: the value of ${key} is ${kind}; values must be strings, numbers or booleans`);
  });
}
