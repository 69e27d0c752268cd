import type { Seed } from './fuzz-corpus';
import type { prng } from './knobs';

type Random = ReturnType<typeof prng>;

/** A mutant ready to sign: target header, body bytes, content type, and what to spoil after signing. */
export interface Mutant {
  target: string;
  body: Buffer;
  contentType: string;
  /** Applied to the signed headers: the signature no longer matches, or a header is odd. */
  spoil?: (headers: Record<string, string>) => void;
}

/** Values that have broken parsers, SQL, path handling and terminals before. */
const NASTY: readonly unknown[] = [
  '', ' ', '/', '//', '/fuzz//x', '../../etc/passwd', "'; DROP TABLE parameters; --", '%', '_', '*', '\u0000', '\u001b[2J', '\u202e',
  '\ud800', 'a'.repeat(5000), '/fuzz/app/url:0', '/fuzz/app/url:-1', '/fuzz/app/url:99999999999999999999', ':', 'alias/', 'alias/aws/ssm',
  'arn:aws:kms:us-east-1:000000000000:key/00000000-0000-4000-8000-000000000000', '=', '====', 'AA', '{}', 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308,
  Number.NaN, true, false, null, [], [null], {}, { a: { b: { c: [] } } }, ['x', 'x'], Array.from({ length: 60 }, (_, i) => `/fuzz/n${i}`),
];

/** Random unicode of random length, surrogates and controls included. */
function randomText(random: Random): string {
  const length = random.int(40);
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(random.next() < 0.8 ? 32 + random.int(95) : random.int(0x10000));
  return out;
}

function randomValue(random: Random): unknown {
  return random.next() < 0.6 ? random.pick(NASTY) : randomText(random);
}

/** A deep copy with one member somewhere replaced, removed or added. */
function mutateValue(value: unknown, random: Random, depth = 0): unknown {
  if (Array.isArray(value)) {
    const copy = [...value];
    if (copy.length === 0 || random.next() < 0.3) copy.push(randomValue(random));
    else {
      const at = random.int(copy.length);
      copy[at] = random.next() < 0.5 && depth < 3 ? mutateValue(copy[at], random, depth + 1) : randomValue(random);
    }
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const roll = random.next();
    if (keys.length === 0 || roll < 0.15) copy[random.pick(['Name', 'KeyId', 'Value', 'Type', 'Overwrite', 'NextToken', 'Marker', randomText(random)])] = randomValue(random);
    else if (roll < 0.3) delete copy[random.pick(keys)];
    else {
      const key = random.pick(keys);
      copy[key] = random.next() < 0.5 && depth < 3 ? mutateValue(copy[key], random, depth + 1) : randomValue(random);
    }
    return copy;
  }
  if (typeof value === 'string' && random.next() < 0.5) {
    // Small edits keep a name or blob almost valid: the interesting place for bugs.
    const at = random.int(value.length + 1);
    return random.next() < 0.5 ? value.slice(0, at) + randomText(random).slice(0, 3) + value.slice(at) : value.slice(0, at);
  }
  return randomValue(random);
}

/** Byte-level damage to the serialized body: flips, cuts, inserts, repeats. */
function damageBytes(body: Buffer, random: Random): Buffer {
  const copy = Buffer.from(body);
  const roll = random.next();
  if (copy.length === 0 || roll < 0.25) return Buffer.concat([copy, Buffer.from([random.int(256)])]);
  if (roll < 0.5) {
    for (let i = 1 + random.int(4); i > 0; i--) {
      const at = random.int(copy.length);
      copy[at] = copy[at]! ^ (1 << random.int(8));
    }
    return copy;
  }
  if (roll < 0.75) return copy.subarray(0, random.int(copy.length));
  const at = random.int(copy.length);
  return Buffer.concat([copy.subarray(0, at), copy.subarray(at, at + 1 + random.int(20)), copy.subarray(at)]);
}

const SPOILERS: readonly ((headers: Record<string, string>) => void)[] = [
  (h) => (h['content-type'] = 'application/json'),
  (h) => (h['x-amz-target'] = h['x-amz-target']?.toLowerCase() ?? 'x'),
  (h) => delete h.authorization,
  (h) => (h.authorization = `${h.authorization ?? ''}, Signature=00`),
  (h) => (h['x-amz-date'] = '99999999T999999Z'),
  (h) => (h['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD'),
];

/** One mutant of a corpus seed: mostly a JSON-level change (re-signed, so it reaches the engine), sometimes bytes, targets or headers. */
export function mutate(seed: Seed, targets: readonly string[], random: Random): Mutant {
  const query = seed.target === '';
  const contentType = query ? 'application/x-www-form-urlencoded; charset=utf-8' : 'application/x-amz-json-1.1';
  const serialize = (input: unknown) => Buffer.from(query ? new URLSearchParams(input as Record<string, string>).toString() : JSON.stringify(input));
  const roll = random.next();
  let mutant: Mutant;
  if (roll < 0.6) {
    let input: unknown = seed.input;
    for (let i = 1 + random.int(3); i > 0; i--) input = mutateValue(input, random);
    mutant = { target: seed.target, body: serialize(input), contentType };
  } else if (roll < 0.85) mutant = { target: seed.target, body: damageBytes(serialize(seed.input), random), contentType };
  else mutant = { target: random.pick(targets), body: serialize(mutateValue(seed.input, random)), contentType };
  if (random.next() < 0.05) mutant.spoil = random.pick(SPOILERS);
  return mutant;
}

/**
 * A PutParameter whose Type is not SecureString stores its value as plain text, as the caller asked
 * (with Type omitted, an existing String keeps its type, as AWS does). Finding the canary stored
 * that way is no leak, so such a mutant carries a plain fake of the same length in its place.
 */
export function withoutPlainCanary(mutant: Mutant, canary: string): Mutant {
  const needle = Buffer.from(canary);
  if (!mutant.target.endsWith('.PutParameter') || !mutant.body.includes(needle)) return mutant;
  let input: unknown;
  try {
    input = JSON.parse(mutant.body.toString('utf8'));
  } catch {
    return mutant; // the engine refuses a body JSON.parse refuses: nothing is stored
  }
  if (input !== null && typeof input === 'object' && (input as { Type?: unknown }).Type === 'SecureString') return mutant;
  const plain = Buffer.from('FAKE-plain-value-'.padEnd(needle.length, '0'));
  const body = Buffer.from(mutant.body);
  for (let at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, at + 1)) plain.copy(body, at);
  return { ...mutant, body };
}
