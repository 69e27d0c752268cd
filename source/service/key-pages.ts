import {
  DescribeKeyCommand, ListAliasesCommand, ListKeysCommand, type KMSClient, type KeyListEntry,
} from '@aws-sdk/client-kms';
import { toServiceError } from './errors';
import type { PageFetcher } from './listing';
import { opt, toAlias, toKey } from './mappers';
import type { KmsAlias, KmsKey } from './types';

// ListKeys returns ids only, so each page is followed by a DescribeKey per key. A handful at a
// time keeps a 100-key page quick without tripping KMS's per-second request quota.
const DESCRIBE_CONCURRENCY = 4;
const KMS_PAGE_SIZE = 100;

/** Pages of keys with their details; a key whose details are refused keeps its id and the reason. */
export function keyPages(kms: KMSClient): PageFetcher<KmsKey, string> {
  return async (marker, signal) => {
    const out = await kms.send(new ListKeysCommand({ Limit: KMS_PAGE_SIZE, ...opt('Marker', marker) }), { abortSignal: signal });
    const described = await mapLimited(out.Keys ?? [], DESCRIBE_CONCURRENCY, (entry) => describeEntry(kms, entry, signal));
    const items = described.filter((key): key is KmsKey => key !== undefined);
    return { items, ...opt('next', out.Truncated ? out.NextMarker : undefined) };
  };
}

async function describeEntry(kms: KMSClient, entry: KeyListEntry, signal: AbortSignal | undefined): Promise<KmsKey | undefined> {
  const keyId = entry.KeyId ?? '';
  try {
    const out = await kms.send(new DescribeKeyCommand({ KeyId: keyId }), { abortSignal: signal });
    return out.KeyMetadata ? toKey(out.KeyMetadata) : { keyId, arn: entry.KeyArn ?? '' };
  } catch (error) {
    const failure = toServiceError(error);
    // A key policy may deny DescribeKey on some keys: the key is still there, only unreadable.
    if (failure.kind === 'AccessDenied') return { keyId, arn: entry.KeyArn ?? '', detailsError: failure.message };
    // Deleted between ListKeys and DescribeKey: it is gone, leave it out.
    if (failure.kind === 'NotFound') return undefined;
    throw error;
  }
}

/** Pages of aliases, of every key or of `keyId`. */
export function aliasPages(kms: KMSClient, keyId: string | undefined): PageFetcher<KmsAlias, string> {
  return async (marker, signal) => {
    const out = await kms.send(
      new ListAliasesCommand({ Limit: KMS_PAGE_SIZE, ...opt('KeyId', keyId), ...opt('Marker', marker) }),
      { abortSignal: signal },
    );
    return { items: (out.Aliases ?? []).map(toAlias), ...opt('next', out.Truncated ? out.NextMarker : undefined) };
  };
}

/** Maps `items` through `fn` with at most `limit` calls in flight, keeping the order. */
async function mapLimited<A, B>(items: readonly A[], limit: number, fn: (item: A) => Promise<B>): Promise<B[]> {
  const results: B[] = new Array<B>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as A);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
