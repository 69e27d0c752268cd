/**
 * IAM's pattern matching: `*` matches any run of characters (slashes and colons included), `?`
 * exactly one. Patterns may hold policy variables (`${aws:username}`), replaced by the request's
 * value before matching; `${*}`, `${?}` and `${$}` stand for those characters literally.
 */

/** Looks a condition key's value up while a pattern is filled in; undefined when the request lacks it. */
export type VariableLookup = (key: string) => string | undefined;

const VARIABLE = /\$\{([^}]*)\}/g;
const LITERAL_VARIABLES: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };
const compiled = new Map<string, RegExp>();
/** Patterns without variables, compiled by the pattern itself: the common case skips rebuilding the source. */
const plainPatterns = new Map<string, RegExp>();
const MAX_CACHED = 2048;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function globSource(text: string): string {
  let out = '';
  for (const char of text) out += char === '*' ? '.*' : char === '?' ? '.' : escapeRegExp(char);
  return out;
}

function toRegExp(source: string, ignoreCase: boolean): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${source}`;
  let re = compiled.get(cacheKey);
  if (!re) {
    // Policies are few and reused on every call; a bounded cache keeps a hostile stream of patterns cheap.
    if (compiled.size >= MAX_CACHED) compiled.clear();
    re = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    compiled.set(cacheKey, re);
  }
  return re;
}

/**
 * The regular-expression source of a pattern with its variables filled in, or undefined when a
 * variable names a key the request does not have (the pattern then matches nothing, as in IAM).
 */
function patternSource(pattern: string, lookup: VariableLookup | undefined, wildcards: boolean): string | undefined {
  const piece = wildcards ? globSource : escapeRegExp;
  if (!lookup || !pattern.includes('${')) return piece(pattern);
  let out = '';
  let last = 0;
  for (const match of pattern.matchAll(VARIABLE)) {
    out += piece(pattern.slice(last, match.index));
    const name = match[1]!;
    const value = Object.hasOwn(LITERAL_VARIABLES, name) ? LITERAL_VARIABLES[name] : lookup(name);
    if (value === undefined) return undefined;
    out += escapeRegExp(value);
    last = match.index + match[0].length;
  }
  return out + piece(pattern.slice(last));
}

/** A pattern with no variable to fill in, compiled once. */
function plainGlob(pattern: string, ignoreCase: boolean): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = plainPatterns.get(cacheKey);
  if (!re) {
    if (plainPatterns.size >= MAX_CACHED) plainPatterns.clear();
    re = toRegExp(globSource(pattern), ignoreCase);
    plainPatterns.set(cacheKey, re);
  }
  return re;
}

/** True when `value` matches `pattern` with `*` and `?` wildcards. */
export function matchesGlob(pattern: string, value: string, ignoreCase: boolean, lookup?: VariableLookup): boolean {
  if (pattern === '*') return true;
  if (!lookup || !pattern.includes('${')) return plainGlob(pattern, ignoreCase).test(value);
  const source = patternSource(pattern, lookup, true);
  return source !== undefined && toRegExp(source, ignoreCase).test(value);
}

/** True when `value` equals `pattern` once its variables are filled in (no wildcards). */
export function equalsWithVariables(pattern: string, value: string, ignoreCase: boolean, lookup?: VariableLookup): boolean {
  if (!lookup || !pattern.includes('${')) return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  const source = patternSource(pattern, lookup, false);
  return source !== undefined && toRegExp(source, ignoreCase).test(value);
}

/** An ARN's six parts: the resource part keeps any further colons. */
function arnParts(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/**
 * ARN matching as IAM does it for Resource and ArnLike: each of the six colon-separated parts is
 * matched on its own, so a wildcard never spans a part boundary. A pattern that is not a whole ARN
 * (`*`, `arn:aws:kms:*`) is matched against the whole string.
 */
export function matchesArn(pattern: string, value: string, lookup?: VariableLookup): boolean {
  if (pattern === '*') return true;
  const want = arnParts(pattern);
  const have = arnParts(value);
  if (!want || !have) return matchesGlob(pattern, value, false, lookup);
  return want.every((part, i) => matchesGlob(part, have[i]!, false, lookup));
}
