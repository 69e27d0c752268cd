import { BlockList, isIP } from 'node:net';
import { equalsWithVariables, matchesArn, matchesGlob, type VariableLookup } from './wildcard';

/**
 * The request's condition keys, by lower-case name (IAM key names are case-insensitive); several
 * values for multivalued keys. Only looked up, so a Map serves, and so does a lazy stand-in.
 */
export interface RequestKeys {
  get(name: string): readonly string[] | undefined;
}

/** How a condition treats a key with several values (IAM's ForAnyValue / ForAllValues set operators). */
type Quantifier = 'single' | 'any' | 'all';

/** One compiled test of a Condition block: an operator applied to one key and its policy values. */
export interface Condition {
  /** The operator as written, for messages. */
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
  readonly quantifier: Quantifier;
  readonly ifExists: boolean;
  readonly test: Test;
}

/** A base operator: does one request value match one policy value. Negated operators invert the set match. */
interface Test {
  readonly match: (have: string, want: string, lookup: VariableLookup | undefined) => boolean;
  readonly negated: boolean;
  /** Checks a policy value when the policy is attached, so a bad date or CIDR is refused then. */
  readonly accepts?: (want: string) => boolean;
  readonly isNull?: boolean;
}

function dateOf(text: string): number {
  return /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text);
}

function numberOf(text: string): number {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
}

function inRange(have: string, want: string): boolean {
  const family = isIP(have);
  if (family === 0) return false;
  const [address, bits] = want.split('/');
  const list = new BlockList();
  const type = isIP(address!) === 6 ? 'ipv6' : 'ipv4';
  if (bits === undefined) list.addAddress(address!, type);
  else list.addSubnet(address!, Number(bits), type);
  return list.check(have, family === 6 ? 'ipv6' : 'ipv4');
}

function isCidr(want: string): boolean {
  const [address, bits, extra] = want.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || extra !== undefined) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
}

const compare = (parse: (t: string) => number, ok: (d: number) => boolean) => ({
  match: (have: string, want: string) => {
    const a = parse(have);
    const b = parse(want);
    return !Number.isNaN(a) && !Number.isNaN(b) && ok(a - b);
  },
  accepts: (want: string) => !Number.isNaN(parse(want)),
});

const stringEquals = (ignoreCase: boolean) => (have: string, want: string, lookup: VariableLookup | undefined) =>
  equalsWithVariables(want, have, ignoreCase, lookup);
const stringLike = (have: string, want: string, lookup: VariableLookup | undefined) => matchesGlob(want, have, false, lookup);
const arnLike = (have: string, want: string, lookup: VariableLookup | undefined) => have.startsWith('arn:') && matchesArn(want, have, lookup);

/** IAM's condition operators (the IAM User Guide, "Condition operators"). */
const OPERATORS: Readonly<Record<string, Test>> = {
  StringEquals: { match: stringEquals(false), negated: false },
  StringNotEquals: { match: stringEquals(false), negated: true },
  StringEqualsIgnoreCase: { match: stringEquals(true), negated: false },
  StringNotEqualsIgnoreCase: { match: stringEquals(true), negated: true },
  StringLike: { match: stringLike, negated: false },
  StringNotLike: { match: stringLike, negated: true },
  NumericEquals: { ...compare(numberOf, (d) => d === 0), negated: false },
  NumericNotEquals: { ...compare(numberOf, (d) => d === 0), negated: true },
  NumericLessThan: { ...compare(numberOf, (d) => d < 0), negated: false },
  NumericLessThanEquals: { ...compare(numberOf, (d) => d <= 0), negated: false },
  NumericGreaterThan: { ...compare(numberOf, (d) => d > 0), negated: false },
  NumericGreaterThanEquals: { ...compare(numberOf, (d) => d >= 0), negated: false },
  DateEquals: { ...compare(dateOf, (d) => d === 0), negated: false },
  DateNotEquals: { ...compare(dateOf, (d) => d === 0), negated: true },
  DateLessThan: { ...compare(dateOf, (d) => d < 0), negated: false },
  DateLessThanEquals: { ...compare(dateOf, (d) => d <= 0), negated: false },
  DateGreaterThan: { ...compare(dateOf, (d) => d > 0), negated: false },
  DateGreaterThanEquals: { ...compare(dateOf, (d) => d >= 0), negated: false },
  Bool: { match: (have, want) => have.toLowerCase() === want.toLowerCase(), negated: false },
  BinaryEquals: { match: (have, want) => have === want, negated: false },
  IpAddress: { match: inRange, negated: false, accepts: isCidr },
  NotIpAddress: { match: inRange, negated: true, accepts: isCidr },
  ArnEquals: { match: arnLike, negated: false },
  ArnLike: { match: arnLike, negated: false },
  ArnNotEquals: { match: arnLike, negated: true },
  ArnNotLike: { match: arnLike, negated: true },
  Null: { match: () => false, negated: false, isNull: true },
};

/** Why a Condition block was refused: the caller words it as its service does. */
export class ConditionError extends Error {}

/**
 * Compiles one Condition block: `{ "<Operator>": { "<key>": value | [values] } }`, each operator
 * optionally prefixed ForAnyValue:/ForAllValues: and suffixed IfExists.
 */
export function compileConditions(block: Record<string, unknown>): Condition[] {
  const out: Condition[] = [];
  for (const [written, keys] of Object.entries(block)) {
    let name = written;
    let quantifier: Quantifier = 'single';
    if (name.startsWith('ForAnyValue:')) [quantifier, name] = ['any', name.slice('ForAnyValue:'.length)];
    else if (name.startsWith('ForAllValues:')) [quantifier, name] = ['all', name.slice('ForAllValues:'.length)];
    const ifExists = name.endsWith('IfExists') && name !== 'IfExists';
    if (ifExists) name = name.slice(0, -'IfExists'.length);
    const test = Object.hasOwn(OPERATORS, name) ? OPERATORS[name]! : undefined;
    if (!test || (ifExists && test.isNull)) throw new ConditionError(`Invalid Condition type : ${written}.`);
    if (keys === null || typeof keys !== 'object' || Array.isArray(keys)) throw new ConditionError(`The ${written} condition must map condition keys to values.`);
    for (const [key, raw] of Object.entries(keys as Record<string, unknown>)) {
      const values = (Array.isArray(raw) ? raw : [raw]).map((v) => {
        if (typeof v !== 'string' && typeof v !== 'boolean' && typeof v !== 'number') throw new ConditionError(`The values of ${written} ${key} must be strings.`);
        return String(v);
      });
      if (values.length === 0) throw new ConditionError(`${written} ${key} lists no values.`);
      for (const v of values) {
        if (test.accepts && !test.accepts(v)) throw new ConditionError(`${v} is not a valid value for ${written}.`);
        if (test.isNull && !/^(true|false)$/i.test(v)) throw new ConditionError(`Null takes true or false, not ${v}.`);
      }
      out.push({ operator: written, key: key.toLowerCase(), values, quantifier, ifExists, test });
    }
  }
  return out;
}

/**
 * Evaluates one condition as IAM does: the values listed for a key are ORed; a negated operator
 * is true when no value matches; a missing key makes positive operators false and negated ones,
 * IfExists and ForAllValues true; ForAnyValue needs some request value to match, ForAllValues
 * every one.
 */
export function conditionHolds(condition: Condition, keys: RequestKeys, lookup: VariableLookup | undefined): boolean {
  const present = keys.get(condition.key);
  const { test, values } = condition;
  if (test.isNull) {
    const absent = present === undefined || present.length === 0;
    return values.some((v) => (v.toLowerCase() === 'true') === absent);
  }
  if (present === undefined || present.length === 0) {
    if (condition.ifExists || condition.quantifier === 'all') return true;
    if (condition.quantifier === 'any') return false;
    return test.negated;
  }
  const matchesAny = (have: string) => values.some((want) => test.match(have, want, lookup));
  const holdsFor = (have: string) => (test.negated ? !matchesAny(have) : matchesAny(have));
  if (condition.quantifier === 'all') return present.every(holdsFor);
  if (condition.quantifier === 'any') return present.some(holdsFor);
  return test.negated ? !present.some(matchesAny) : present.some(matchesAny);
}
