import type { ParameterVersion } from '../../service/types';
import type { ParameterEntry } from '../model/parameter-entry';
import type { Revealed } from '../state/reveal-state';
import type { ParameterDetail } from '../state/ui-state';
import { errorText } from '../state/ui-state';
import { DetailBuilder, type DetailLine } from './detail-lines';
import { age, shortTime } from './format';
import { keyLabel } from './parameter-cells';
import { policyLines } from './policy-lines';

/** What the detail view knows about one parameter: the loaded detail and the list's entry. */
export interface ParameterFacts {
  readonly detail?: ParameterDetail | undefined;
  readonly summary?: ParameterEntry | undefined;
  /** The current version's decrypted value, while the user has it revealed. */
  readonly revealed?: Revealed | undefined;
}

/** Shown beside a mask: how to see or copy what it hides. */
export const MASK_NOTE = 'r reveals, c copies (asks y/N)';

/**
 * The detail view's lines: every piece of metadata, labels, tags and description, and the value
 * (shown for String and StringList, masked for SecureString).
 */
export function parameterDetailLines(
  facts: ParameterFacts,
  aliases: ReadonlyMap<string, string>,
  width: number,
  now: Date,
): DetailLine[] {
  const { detail, summary, revealed } = facts;
  const listed: Partial<ParameterVersion> | undefined = summary && {
    ...summary,
    lastModifiedDate: summary.modified === undefined ? undefined : new Date(summary.modified),
  };
  const meta: Partial<ParameterVersion> = { ...listed, ...detail?.current };
  const parameter = detail?.parameter;
  const type = parameter?.type ?? meta.type;
  const b = new DetailBuilder(width);
  b.field('Name', parameter?.name ?? meta.name, 'accent');
  b.field('Type', type, type === 'SecureString' ? 'secret' : undefined);
  if (!parameter) b.field('Value', 'loading…');
  else if (parameter.value.kind === 'plain') b.field('Value', parameter.value.text);
  else if (revealed?.value.version === parameter.version) b.revealed('Value', revealed);
  else b.masked('Value', MASK_NOTE);
  b.field('Version', String(parameter?.version ?? meta.version ?? '-'));
  b.field('Labels', meta.labels?.join(', '));
  b.field('Description', meta.description);
  if (type === 'SecureString') b.field('Key', keyLabel(meta.keyId, aliases) + (meta.keyId && !meta.keyId.startsWith('alias/') ? ` (${meta.keyId})` : ''));
  b.field('Tier', meta.tier);
  b.field('Data type', parameter?.dataType ?? meta.dataType);
  const modified = parameter?.lastModifiedDate ?? meta.lastModifiedDate;
  b.field('Last modified', modified ? `${shortTime(modified)} (${age(modified, now)})` : undefined);
  b.field('Modified by', meta.lastModifiedUser);
  b.field('Allowed pattern', meta.allowedPattern);
  b.field('Policies', meta.policies?.length ? policyLines(meta.policies, now).join('\n') : undefined);
  b.field('ARN', parameter?.arn);
  if (detail?.metadataError) b.field('History', errorText(detail.metadataError), 'danger');
  if (detail?.tagsError) b.field('Tags', errorText(detail.tagsError), 'danger');
  else b.field('Tags', detail?.tags ? detail.tags.map((t) => `${t.key} = ${t.value}`).join('\n') : detail ? undefined : 'loading…');
  return b.lines;
}
