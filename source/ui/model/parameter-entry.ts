import type { ParameterSummary, ParameterType } from '../../service/types';

/**
 * What the browser keeps of each listed parameter: the list's columns and the filter's text,
 * nothing more. At 100,000 parameters every field counts, so times are numbers, the few distinct
 * type, tier and key strings are shared, and the rest of the metadata is fetched when a detail
 * opens.
 */
export interface ParameterEntry {
  readonly name: string;
  readonly type: ParameterType;
  readonly version: number;
  readonly tier?: string | undefined;
  /** Last modified, epoch milliseconds. */
  readonly modified?: number | undefined;
  readonly keyId?: string | undefined;
  readonly description?: string | undefined;
}

const shared = new Map<string, string>();

// Each page arrives as fresh JSON, so "Standard" would otherwise be stored 100,000 times.
function intern(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const known = shared.get(value);
  if (known !== undefined) return known;
  if (shared.size < 1_000) shared.set(value, value);
  return value;
}

/** The entry of one DescribeParameters item. */
export function toEntry(summary: ParameterSummary): ParameterEntry {
  // One literal with every field: all entries share one shape and keep their fields in-object.
  return {
    name: summary.name,
    type: intern(summary.type) as ParameterType,
    version: summary.version,
    tier: intern(summary.tier),
    modified: summary.lastModifiedDate?.getTime(),
    keyId: intern(summary.keyId),
    description: summary.description,
  };
}
