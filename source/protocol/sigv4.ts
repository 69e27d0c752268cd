import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { ALGORITHM_IDENTIFIER, createScope, getCanonicalHeaders, SHA256_HEADER, SignatureV4Base } from '@smithy/signature-v4';
import type { Principal } from '../engine/context';
import type { Engine } from '../engine/engine';
import { AwsError } from '../engine/errors';
import { lookupAccessKey, type AccessKeyLookup } from '../engine/identity/access-keys';
import { sha256Hex } from '../engine/sha256';

/** A request as SigV4 sees it: header names in lower case, the query already decoded. */
export interface SignedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string | string[]>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** Who signed a request, once the signature is proven. */
export interface Authenticated {
  readonly principal: Principal;
  readonly accessKeyId: string;
}

/** AWS accepts a signature dated up to 15 minutes either side of its own clock. */
const SKEW_MS = 15 * 60 * 1000;
const ALGORITHM = 'AWS4-HMAC-SHA256';
const INVALID_TOKEN = 'The security token included in the request is invalid.';
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const denied = (code: string, message: string) => new AwsError(code, message, 403);
const incomplete = (message: string) => denied('IncompleteSignatureException', message);
const invalidSignature = (message: string) => denied('InvalidSignatureException', message);

/**
 * Proves a request was signed with SigV4 by an active local access key, for `signingName` and
 * the store's region, within 15 minutes of the engine's clock, over exactly this body. The
 * signature is reproduced with @smithy/signature-v4 from the request's own signed headers and
 * compared in constant time. Every refusal is an AwsError with AWS's shape name and HTTP 403.
 */
export async function authenticate(engine: Engine, request: SignedRequest, signingName: string): Promise<Authenticated> {
  const header = request.headers.authorization;
  if (header === undefined) throw denied('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const auth = parseAuthorization(header);
  const amzDate = request.headers['x-amz-date'];
  if (amzDate === undefined) {
    throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  const signingDate = parseAmzDate(amzDate);
  if (!auth.signedHeaders.includes('host')) {
    throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  checkScope(engine, auth.scope, amzDate, signingName);
  checkClock(engine.clock(), signingDate, amzDate);
  // Local keys never come with session tokens; AWS refuses a token it did not issue this way.
  if (request.headers['x-amz-security-token'] !== undefined) throw denied('UnrecognizedClientException', INVALID_TOKEN);
  const key = lookupAccessKey(engine, auth.accessKeyId);
  if (!key || key.status !== 'Active') throw denied('UnrecognizedClientException', INVALID_TOKEN);
  const declaredHash = request.headers['x-amz-content-sha256'];
  if (declaredHash !== undefined && declaredHash !== sha256Hex(request.body)) {
    throw invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  const expected = verifierFor(key, auth).signature(request, auth, amzDate);
  if (!sameSignature(expected, auth.signature)) throw invalidSignature(SIGNATURE_MISMATCH);
  return { principal: key.principal, accessKeyId: auth.accessKeyId };
}

interface CredentialScope {
  date: string;
  region: string;
  service: string;
  terminator: string;
}

interface ParsedAuthorization {
  accessKeyId: string;
  scope: CredentialScope;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(header: string): ParsedAuthorization {
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM) throw incomplete(`Unsupported Authorization Type; only ${ALGORITHM} is accepted.`);
  const fields = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !fields.get(name));
  if (missing.length > 0) throw incomplete(missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '));
  const credential = fields.get('Credential')!;
  const parts = credential.split('/');
  if (parts.length !== 5) {
    throw incomplete(`Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`);
  }
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  return {
    accessKeyId,
    scope: { date, region, service, terminator },
    signedHeaders: fields.get('SignedHeaders')!.split(';'),
    signature: fields.get('Signature')!,
  };
}

function parseAmzDate(value: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  const fields = match ? match.slice(1).map(Number) : [];
  const [year, month, day, hour, minute, second] = fields as [number, number, number, number, number, number];
  const date = match ? new Date(Date.UTC(year, month - 1, day, hour, minute, second)) : undefined;
  // A date that does not exist (February 30th, hour 24) comes back as another: the fields differ.
  const exists = date !== undefined && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour && date.getUTCMinutes() === minute && date.getUTCSeconds() === second;
  if (!exists) {
    throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  }
  return date;
}

/** `YYYYMMDDTHHMMSSZ`, the form of x-amz-date and of AWS's clock-skew messages. */
function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function checkScope(engine: Engine, scope: CredentialScope, amzDate: string, signingName: string): void {
  if (scope.terminator !== 'aws4_request') {
    throw invalidSignature(`Credential should be scoped with a valid terminator: 'aws4_request', not '${scope.terminator}'.`);
  }
  if (scope.date !== amzDate.slice(0, 8)) {
    throw invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (scope.region !== engine.region) {
    throw invalidSignature(`Credential should be scoped to a valid region, not '${scope.region}'. This store's region is '${engine.region}'.`);
  }
  if (scope.service !== signingName) throw invalidSignature(`Credential should be scoped to correct service: '${signingName}'.`);
}

function checkClock(now: Date, signed: Date, amzDate: string): void {
  const earliest = new Date(now.getTime() - SKEW_MS);
  const latest = new Date(now.getTime() + SKEW_MS);
  if (signed < earliest) {
    throw invalidSignature(`Signature expired: ${amzDate} is now earlier than ${formatAmzDate(earliest)} (${formatAmzDate(now)} - 15 min.)`);
  }
  if (signed > latest) {
    throw invalidSignature(`Signature not yet current: ${amzDate} is still later than ${formatAmzDate(latest)} (${formatAmzDate(now)} + 15 min.)`);
  }
}

/**
 * Verifiers by key and scope. A key's entry lives as long as the engine remembers that key
 * (lookupAccessKey answers the same object until keys change), so a deactivated or deleted key's
 * verifier, and the signing key it derived, go with it.
 */
const verifiers = new WeakMap<AccessKeyLookup, Map<string, Verifier>>();

/** The verifier that reproduces `key`'s signatures for the request's region and service. */
function verifierFor(key: AccessKeyLookup, auth: ParsedAuthorization): Verifier {
  let byScope = verifiers.get(key);
  if (!byScope) verifiers.set(key, (byScope = new Map()));
  const scope = `${auth.scope.region}/${auth.scope.service}`;
  let verifier = byScope.get(scope);
  if (!verifier) byScope.set(scope, (verifier = new Verifier(key.secret, auth)));
  return verifier;
}

/**
 * Signs a request again as its client did, with @smithy/signature-v4's canonical request (its
 * SignatureV4Base and getCanonicalHeaders, only the headers the client listed, those forced
 * signable even where the signer normally skips them, no checksum header added), hashed and
 * HMACed with node:crypto in one synchronous pass. SignatureV4.sign computes the same through a
 * chain of promises, which cost serve's HTTP thread more than the hashing.
 */
class Verifier extends SignatureV4Base {
  /** The derived signing key of the last date seen: a date's key serves every request of the day. */
  #signingKey: { date: string; key: Buffer } | undefined;

  constructor(
    private readonly secret: string,
    auth: ParsedAuthorization,
  ) {
    super({
      credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: secret },
      region: auth.scope.region,
      service: auth.scope.service,
      sha256: Hash.bind(null, 'sha256'),
      applyChecksum: false,
    });
  }

  /** `longDate` is the request's own x-amz-date, already checked to be a real date in basic format. */
  signature(request: SignedRequest, auth: ParsedAuthorization, longDate: string): string {
    const signed = new Set(auth.signedHeaders);
    const shortDate = longDate.slice(0, 8);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) if (signed.has(name)) headers[name] = value;
    headers['x-amz-date'] = longDate;
    const canonical = { method: request.method, path: request.path, query: request.query, headers, body: request.body, protocol: 'https:', hostname: '' };
    const payloadHash = headers[SHA256_HEADER] ?? sha256Hex(request.body);
    const canonicalRequest = this.createCanonicalRequest(canonical, getCanonicalHeaders(canonical, undefined, signed), payloadHash);
    const scope = createScope(shortDate, auth.scope.region, auth.scope.service);
    const stringToSign = `${ALGORITHM_IDENTIFIER}\n${longDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
    return createHmac('sha256', this.#keyFor(shortDate, auth.scope)).update(stringToSign).digest('hex');
  }

  #keyFor(date: string, scope: CredentialScope): Buffer {
    if (this.#signingKey?.date !== date) {
      let key: Buffer = Buffer.from(`AWS4${this.secret}`, 'utf8');
      for (const part of [date, scope.region, scope.service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
      this.#signingKey = { date, key };
    }
    return this.#signingKey.key;
  }
}

function sameSignature(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(provided, 'utf8');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}
