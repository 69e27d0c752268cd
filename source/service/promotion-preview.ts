import type { ChangeKind, PlannedChange, PromoteSides } from './promotion-plan';
import { writesOf } from './promotion-plan';
import type { ParameterType } from './types';

/** How a front end names its own ways to compare secrets and delete extras, in the preview's lines. */
export interface PreviewWording {
  readonly mayDiffer: string;
  readonly extra: string;
}

/** The command line's wording: its flags. */
export const CLI_WORDING: PreviewWording = {
  mayDiffer: 'may differ (SecureStrings are not compared unless --compare-secrets decrypts both)',
  extra: 'only in the target (kept; --delete-extra removes it)',
};

const MARK: Readonly<Record<ChangeKind, string>> = { new: '+', changed: '~', 'may differ': '?', unchanged: '=', extra: ' ', delete: '-' };

function typeColumn(change: PlannedChange): ParameterType | string {
  const { source, target } = change;
  if (source && target && source.type !== target.type) return `${target.type} → ${source.type}`;
  return (source ?? target)!.type;
}

function explain(change: PlannedChange, keyId: string | undefined, wording: PreviewWording): string {
  switch (change.kind) {
    case 'may differ':
      return wording.mayDiffer;
    case 'extra':
      return wording.extra;
    case 'delete':
      return 'only in the target: will be deleted';
    case 'changed':
      return change.source?.type === 'SecureString' && change.target?.keyId !== keyId && change.source.type === change.target?.type
        ? `changed (re-encrypted under ${keyId})`
        : 'changed';
    default:
      return change.kind;
  }
}

/**
 * The diff preview: one line per name (relative to both paths) with its type and what happens,
 * then the counts. Values are never shown, so the preview is safe to print, log or paste.
 */
export function previewLines(changes: readonly PlannedChange[], sides: Pick<PromoteSides, 'sourcePath' | 'targetPath' | 'keyId'>, wording = CLI_WORDING): string[] {
  const width = Math.max(4, ...changes.map((c) => c.relative.length));
  const typeWidth = Math.max(4, ...changes.map((c) => typeColumn(c).length));
  const lines = [`promote ${sides.sourcePath} → ${sides.targetPath}`];
  for (const change of changes) {
    lines.push(`${MARK[change.kind]} ${change.relative.padEnd(width)}  ${typeColumn(change).padEnd(typeWidth)}  ${explain(change, sides.keyId, wording)}`);
  }
  const count = (kinds: ChangeKind[]) => changes.filter((c) => kinds.includes(c.kind)).length;
  lines.push(
    `${writesOf(changes).length} to write (${count(['new'])} new, ${count(['changed', 'may differ'])} changed or may differ), ` +
      `${count(['unchanged'])} unchanged, ${count(['delete'])} to delete, ${count(['extra'])} kept only in the target`,
  );
  return lines;
}
