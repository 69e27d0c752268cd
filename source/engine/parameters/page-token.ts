import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Engine } from '../engine';
import { AwsError } from '../errors';

/**
 * NextToken values: the position after the last item returned, bound to the operation and the
 * query that produced it and MACed with a key derived from the root key. A token is opaque to
 * clients, cannot be forged, and a token from another query, operation or store is refused.
 */

interface TokenBody {
  /** Operation the token belongs to. */
  o: string;
  /** Digest of the query (path, filters…) so a token only continues the listing it came from. */
  q: string;
  /** The sort key of the last item returned. */
  a: string | number;
}

const MAC_BYTES = 16;

function invalidToken(): AwsError {
  return new AwsError('InvalidNextToken', "The specified token isn't valid.");
}

function mac(engine: Engine, body: string): Buffer {
  return createHmac('sha256', engine.keyring.deriveKey('ssm-page-token')).update(body).digest().subarray(0, MAC_BYTES);
}

/** A stable digest of a query's parameters (MaxResults excluded: it may change between pages). */
export function queryDigest(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 22);
}

/** Encodes the continuation point of a page. */
export function encodePageToken(engine: Engine, operation: string, digest: string, after: string | number): string {
  const body = Buffer.from(JSON.stringify({ o: operation, q: digest, a: after } satisfies TokenBody)).toString('base64url');
  return `${body}.${mac(engine, body).toString('base64url')}`;
}

/**
 * The continuation point in `token`, or undefined for the first page. A token that is malformed,
 * forged, or issued for another operation or query is InvalidNextToken, as AWS answers.
 */
export function decodePageToken(engine: Engine, token: string | undefined, operation: string, digest: string, kind: 'string'): string | undefined;
export function decodePageToken(engine: Engine, token: string | undefined, operation: string, digest: string, kind: 'number'): number | undefined;
export function decodePageToken(
  engine: Engine,
  token: string | undefined,
  operation: string,
  digest: string,
  kind: 'string' | 'number',
): string | number | undefined {
  if (token === undefined) return undefined;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) throw invalidToken();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== MAC_BYTES || !timingSafeEqual(given, mac(engine, body))) throw invalidToken();
  let parsed: Partial<TokenBody>;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<TokenBody>;
  } catch {
    throw invalidToken();
  }
  if (parsed.o !== operation || parsed.q !== digest || typeof parsed.a !== kind) throw invalidToken();
  return parsed.a;
}
