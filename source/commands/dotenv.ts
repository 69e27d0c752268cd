import { CommandError } from './exit-codes';

/** One variable of a dotenv file. */
export interface DotenvEntry {
  key: string;
  value: string;
  /** The line the entry starts on, for messages. */
  line: number;
}

/**
 * The dotenv KEY of a name relative to the exported path (DESIGN.md): upper-cased, every
 * character outside `[A-Z0-9_]` turned into `_`, so `db/url` and `db-url` both become `DB_URL`.
 */
export function dotenvKey(relativeName: string): string {
  return relativeName.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

/** A parameter's value under the name it is known by relative to the exported path. */
export interface NamedValue {
  name: string;
  relativeName: string;
  value: string;
}

/** `db/url` for `/app/db/url` under `/app`; under `/`, a one-level name is stored without its slash. */
export function relativeName(name: string, path: string): string {
  const prefix = path === '/' ? '/' : `${path}/`;
  if (name.startsWith(prefix)) return name.slice(prefix.length);
  return name.replace(/^\//, '');
}

/**
 * The values by dotenv KEY, sorted by KEY. Refuses two names that make one KEY, and a KEY that is
 * no shell variable name (a leading digit), since either would silently lose a value. `export`
 * and `exec` share it, so a file and an environment never disagree on a name.
 */
export function dotenvVariables(entries: readonly NamedValue[]): Map<string, string> {
  const byKey = new Map<string, NamedValue>();
  for (const entry of entries) {
    const key = dotenvKey(entry.relativeName);
    const other = byKey.get(key);
    if (other !== undefined) {
      throw new CommandError(`${other.name} and ${entry.name} both become ${key}; rename one (or export with --format json)`);
    }
    if (/^[0-9]/.test(key)) throw new CommandError(`${entry.name} becomes ${key}, which is not a shell variable name (it starts with a digit)`);
    byKey.set(key, entry);
  }
  // Sorted by KEY, so a file reads like `env | sort` and diffs stay small.
  return new Map([...byKey.keys()].sort().map((key) => [key, byKey.get(key)!.value]));
}

/**
 * `KEY='value'` lines that `sh` can source: single quotes keep every character literal, newlines
 * included, and a quote inside is written `'\''`. Lines are sorted by KEY.
 */
export function formatDotenv(entries: readonly NamedValue[]): string {
  return [...dotenvVariables(entries)].map(([key, value]) => `${key}='${value.replace(/'/g, `'\\''`)}'\n`).join('');
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*/;
const BLANK_OR_COMMENT_LINE = /^[ \t\r]*(#[^\n]*)?(\n|$)/;
const DOUBLE_QUOTE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$', '`': '`' };

/**
 * Reads a dotenv file: what `export --format dotenv` writes (single-quoted values with `'\''`,
 * spanning lines), and the usual dotenv forms: `export KEY=…`, double quotes with `\n`-style
 * escapes, unquoted values up to an inline ` # comment`, blank and `#` lines. Errors name the
 * line and never quote a value.
 */
export function parseDotenv(text: string, file: string): DotenvEntry[] {
  const reader = new Reader(text, file);
  const entries: DotenvEntry[] = [];
  while (!reader.done()) {
    if (reader.take(BLANK_OR_COMMENT_LINE) !== undefined) continue;
    const line = reader.line;
    reader.pass(/^[ \t]*(export[ \t]+)?/);
    const key = reader.take(KEY);
    if (key === undefined) throw reader.error('expected KEY=value');
    if (reader.take(/^[ \t]*=[ \t]*/) === undefined) throw reader.error(`expected = after ${key}`);
    const value = reader.startsQuoted() ? reader.quotedWord() : reader.unquoted();
    reader.pass(/^[ \t\r]*(#[^\n]*)?/);
    if (!reader.done() && reader.take(/^\n/) === undefined) throw reader.error(`unexpected text after the value of ${key}`);
    entries.push({ key, value, line });
  }
  return entries;
}

/** A cursor over the file that counts lines, so every error can say where it is. */
class Reader {
  private at = 0;
  line = 1;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  take(pattern: RegExp): string | undefined {
    const match = pattern.exec(this.text.slice(this.at));
    if (!match) return undefined;
    this.advance(match[0].length);
    return match[0];
  }

  pass(pattern: RegExp): void {
    this.take(pattern);
  }

  startsQuoted(): boolean {
    return this.text[this.at] === "'" || this.text[this.at] === '"';
  }

  /** An unquoted dotenv value: the rest of the line, cut at ` #`, without surrounding blanks. */
  unquoted(): string {
    const raw = this.take(/^[^\n]*/) ?? '';
    return raw.replace(/(^|[ \t])#.*$/, '').replace(/^[ \t]+|[ \t\r]+$/g, '');
  }

  /** A shell word made of quoted pieces and backslash escapes, ended by a blank or the line's end. */
  quotedWord(): string {
    let value = '';
    for (;;) {
      const char = this.text[this.at];
      if (char === "'") value += this.until("'", (piece) => piece);
      else if (char === '"') value += this.until('"', unescapeDouble);
      else if (char === '\\' && this.at + 1 < this.text.length) {
        value += this.text[this.at + 1];
        this.advance(2);
      } else if (char !== undefined && !/[ \t\r\n#]/.test(char)) {
        value += char;
        this.advance(1);
      } else return value;
    }
  }

  error(reason: string): CommandError {
    return new CommandError(`${this.file} line ${this.line}: ${reason}`);
  }

  /** The text between this quote and its closing one (a `\"` does not close a double quote). */
  private until(quote: string, decode: (piece: string) => string): string {
    const start = this.line;
    const pattern = quote === "'" ? /^'([^']*)'/ : /^"((?:[^"\\]|\\[\s\S])*)"/;
    const match = pattern.exec(this.text.slice(this.at));
    if (!match) throw new CommandError(`${this.file} line ${start}: the quote opened here is never closed`);
    this.advance(match[0].length);
    return decode(match[1]!);
  }

  private advance(length: number): void {
    for (let i = this.at; i < this.at + length; i += 1) if (this.text[i] === '\n') this.line += 1;
    this.at += length;
  }
}

function unescapeDouble(piece: string): string {
  return piece.replace(/\\([\s\S])/g, (whole, char: string) => DOUBLE_QUOTE_ESCAPES[char] ?? whole);
}
