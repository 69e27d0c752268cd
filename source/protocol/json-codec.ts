import type { CallContext } from '../engine/context';
import type { Engine } from '../engine/engine';
import { AwsError } from '../engine/errors';
import type { ServiceName } from '../engine/operations';

/**
 * Blob members of each KMS request, as paths into the input (from the botocore KMS model,
 * 2014-11-01). They are base64 on the wire and Buffers in the engine. SSM's parameter operations
 * and CloudTrail's LookupEvents take no blobs.
 */
const BLOB_MEMBERS: Readonly<Record<string, Readonly<Record<string, readonly (readonly string[])[]>>>> = {
  kms: {
    Decrypt: [['CiphertextBlob'], ['Recipient', 'AttestationDocument']],
    DeriveSharedSecret: [['PublicKey'], ['Recipient', 'AttestationDocument']],
    Encrypt: [['Plaintext']],
    GenerateDataKey: [['Recipient', 'AttestationDocument']],
    GenerateDataKeyPair: [['Recipient', 'AttestationDocument']],
    GenerateMac: [['Message']],
    GenerateRandom: [['Recipient', 'AttestationDocument']],
    ImportKeyMaterial: [['ImportToken'], ['EncryptedKeyMaterial']],
    ReEncrypt: [['CiphertextBlob']],
    Sign: [['Message']],
    Verify: [['Message'], ['Signature']],
    VerifyMac: [['Message'], ['Mac']],
  },
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * One JSON 1.1 call from request body to answer body, on whichever thread owns the engine: the
 * body parsed and its blobs decoded, the operation run, the output written as AWS writes it.
 * serve's HTTP thread hands its engine thread the body as text and gets the answer as text back,
 * so neither side pays for copying object trees between threads, and the HTTP thread (the busier
 * one) neither parses nor serialises.
 */
export function runJsonCall(engine: Engine, service: ServiceName, operation: string, body: string, ctx: CallContext): string {
  const input = parseJsonBody(body);
  decodeBlobs(service, operation, input);
  return JSON.stringify(toWire(engine.dispatch(service, operation, input, ctx) ?? {}));
}

/** Parses a JSON request body. Empty means `{}`, as AWS's JSON services read it. */
export function parseJsonBody(body: string): unknown {
  const text = body;
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid JSON.');
  }
}

/**
 * Replaces the base64 text of `operation`'s blob members by their bytes. The message names the
 * member, never its content: a Plaintext is a secret.
 */
export function decodeBlobs(service: string, operation: string, input: unknown): void {
  const table = Object.hasOwn(BLOB_MEMBERS, service) ? BLOB_MEMBERS[service]! : {};
  const paths = Object.hasOwn(table, operation) ? table[operation]! : [];
  for (const path of paths) {
    let holder: unknown = input;
    for (const member of path.slice(0, -1)) holder = isObject(holder) ? holder[member] : undefined;
    const last = path.at(-1)!;
    if (!isObject(holder) || holder[last] === undefined || holder[last] === null) continue;
    const value = holder[last];
    if (typeof value !== 'string' || !BASE64.test(value)) {
      throw new AwsError('SerializationException', `Value of ${path.join('.')} is not valid base64-encoded binary data.`);
    }
    holder[last] = Buffer.from(value, 'base64');
  }
}

/** An engine answer as AWS's JSON protocol writes it: Date → epoch seconds, bytes → base64. */
export function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (Array.isArray(value)) return value.map(toWire);
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = toWire(member);
    return out;
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
