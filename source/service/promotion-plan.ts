import { checkParameterName } from './parameter-names';
import type { ParameterSummary } from './types';

/**
 * Promotion (`paramdeck promote` and the TUI's `p`): which names of a source path
 * a target path gains, changes, keeps or loses. Pure, so both front ends preview the same plan.
 */

/** What promotion does to one name, relative to both paths. */
export type ChangeKind = 'new' | 'changed' | 'may differ' | 'unchanged' | 'extra' | 'delete';

/** One line of the diff preview: never a value, only names, types and what will happen. */
export interface PlannedChange {
  /** The name below both paths, e.g. `db/url`. */
  relative: string;
  kind: ChangeKind;
  source?: ParameterSummary;
  target?: ParameterSummary;
}

/** Both sides of a promotion, read before anything is written. */
export interface PromoteSides {
  sourcePath: string;
  targetPath: string;
  source: readonly ParameterSummary[];
  target: readonly ParameterSummary[];
  /**
   * Each side's values by full name, for String/StringList always and SecureStrings only when
   * the user agreed to decrypt both sides for the comparison; never printed.
   */
  sourceValues: ReadonlyMap<string, string>;
  targetValues: ReadonlyMap<string, string>;
  /** The key SecureStrings are encrypted under in the target. */
  keyId: string | undefined;
  deleteExtra: boolean;
}

/** Where a parameter's name sits below `path`: `/app/prod/db/url` under `/app/prod` is `db/url`. */
export function relativeName(path: string, name: string): string {
  return name.replace(/^\/?/, '/').slice(path.length + 1);
}

/** The two paths of a promotion, trailing slashes dropped, or why they cannot be: not paths, or one inside the other. */
export function promotionPaths(rawSource: string, rawTarget: string): { sourcePath: string; targetPath: string } | { problem: string } {
  const [sourcePath, targetPath] = [rawSource, rawTarget].map((raw) => raw.replace(/\/+$/, ''));
  for (const [raw, path] of [[rawSource, sourcePath!], [rawTarget, targetPath!]]) {
    if (!path!.startsWith('/')) return { problem: `${raw} is not a path: a path begins with / and is not / itself` };
  }
  if (`${sourcePath}/`.startsWith(`${targetPath}/`) || `${targetPath}/`.startsWith(`${sourcePath}/`)) {
    return { problem: `${sourcePath} and ${targetPath} overlap: promote copies between two separate paths` };
  }
  return { sourcePath: sourcePath!, targetPath: targetPath! };
}

/** Whether the target already holds what the source would write. */
function kindOf(sides: PromoteSides, source: ParameterSummary, target: ParameterSummary): ChangeKind {
  if (source.type !== target.type) return 'changed';
  if (source.type === 'SecureString' && sides.keyId !== undefined && target.keyId !== sides.keyId) return 'changed';
  const from = sides.sourceValues.get(source.name);
  const to = sides.targetValues.get(target.name);
  if (from === undefined || to === undefined) return 'may differ';
  return from === to ? 'unchanged' : 'changed';
}

/** Every name of both sides, sorted, with what promotion does to it. */
export function planPromotion(sides: PromoteSides): PlannedChange[] {
  const targets = new Map(sides.target.map((t) => [relativeName(sides.targetPath, t.name), t]));
  const changes: PlannedChange[] = [];
  for (const source of sides.source) {
    const relative = relativeName(sides.sourcePath, source.name);
    const target = targets.get(relative);
    targets.delete(relative);
    changes.push({ relative, kind: target ? kindOf(sides, source, target) : 'new', source, ...(target ? { target } : {}) });
  }
  for (const [relative, target] of targets) changes.push({ relative, kind: sides.deleteExtra ? 'delete' : 'extra', target });
  return changes.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

/** The changes that write a version into the target. */
export function writesOf(changes: readonly PlannedChange[]): PlannedChange[] {
  return changes.filter((c) => c.kind === 'new' || c.kind === 'changed' || c.kind === 'may differ');
}

/** Target names the plan cannot create (characters, levels, ARN length), one message each. */
export function namingProblems(changes: readonly PlannedChange[], targetPath: string, region: string): string[] {
  return writesOf(changes).flatMap((c) => {
    const name = `${targetPath}/${c.relative}`;
    const problem = checkParameterName(name, region);
    return problem ? [`${name}: ${problem}`] : [];
  });
}
