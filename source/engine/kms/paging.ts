import { AwsError } from '../errors';
import { optionalString, type Input } from '../input';

/**
 * KMS list paging. A NextMarker is opaque to callers ("do not attempt to construct this value"):
 * here it is the base64url of the list's name and the last item's sort key, so a marker from
 * one list is refused by another and a forged one is InvalidMarkerException.
 */

/** Which list a marker belongs to. */
export type MarkerKind = 'keys' | 'aliases' | 'tags';

/** The request's Marker member, within the model's bounds. */
export function readMarker(input: Input): string | undefined {
  return optionalString(input, 'Marker', { min: 1, max: 1024 });
}

/** The sort key a marker resumes after, or undefined for the first page. */
export function decodeMarker(kind: MarkerKind, marker: string | undefined): string | undefined {
  if (marker === undefined) return undefined;
  const decoded = /^[A-Za-z0-9_-]+$/.test(marker) ? Buffer.from(marker, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith(`${kind}:`)) throw new AwsError('InvalidMarkerException', 'The marker is not valid for this request.');
  return decoded.slice(kind.length + 1);
}

/**
 * One page from rows fetched with LIMIT `limit + 1`: the extra row only tells that more follow.
 * Returns the page and the members AWS adds (Truncated, and NextMarker when truncated).
 */
export function pageAfter<T>(
  kind: MarkerKind,
  rows: readonly T[],
  limit: number,
  sortKey: (row: T) => string,
): { items: T[]; more: { Truncated: boolean; NextMarker?: string } } {
  if (rows.length <= limit) return { items: [...rows], more: { Truncated: false } };
  const items = rows.slice(0, limit);
  const next = Buffer.from(`${kind}:${sortKey(items.at(-1)!)}`, 'utf8').toString('base64url');
  return { items, more: { Truncated: true, NextMarker: next } };
}
