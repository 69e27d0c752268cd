import { promotionPaths } from '../../service/promotion-plan';
import { editText, inputOf, EMPTY_INPUT, type TextInput } from './text-input';
import { eachKey, type WriteOutcome } from './write-dialogs';

/**
 * The `p` dialog: copy (promote) a folder's parameters to another path. It asks the destination,
 * the KMS key for SecureStrings and whether to delete what only the destination has; then shows
 * the plan (names and types, never a value) and asks `y/N`; then writes, and on a midway failure
 * stays open with exactly what was and was not written.
 */

/** What the form asks for, as the flow reads both sides with it. */
export interface PromoteRequest {
  readonly sourcePath: string;
  readonly targetPath: string;
  readonly keyId: string | undefined;
  readonly deleteExtra: boolean;
}

/** The plan on screen and what `y` does with it. */
export interface PromotePreview {
  readonly lines: readonly string[];
  /** Asked with the literal `y/N` after it. */
  readonly question: string;
  /** Writes the plan; called with the dialog as it is while writing. */
  readonly write: (writing: PromoteDialog) => void;
}

type PromoteField = 'target' | 'keyId' | 'deleteExtra';
const FIELDS: readonly PromoteField[] = ['target', 'keyId', 'deleteExtra'];
const NO: ReadonlySet<string> = new Set(['n', 'N', 'enter', 'esc']);
const TOGGLE: ReadonlySet<string> = new Set([' ', 'left', 'right', 'h', 'l']);

/** The promote dialog at each of its stages. */
export interface PromoteDialog {
  readonly kind: 'promote';
  readonly title: string;
  readonly source: string;
  readonly target: TextInput;
  readonly keyId: TextInput;
  readonly deleteExtra: boolean;
  readonly focus: PromoteField;
  /** `reading` both sides for the plan; `writing` after `y`; `stopped` when a write was refused midway. */
  readonly stage: 'form' | 'reading' | 'preview' | 'writing' | 'stopped';
  /** Why the form did not lead to a preview: a check, or AWS's own words. */
  readonly problem?: string | undefined;
  readonly preview?: PromotePreview | undefined;
  /** The first plan line on screen, when the plan is taller than the box. */
  readonly scroll: number;
  /** How far the write has got, e.g. `wrote 2 of 5`. */
  readonly progress?: string | undefined;
  /** What was and was not written when the write stopped. */
  readonly report?: readonly string[] | undefined;
  /** Reads both sides and plans; called with the dialog as it is while reading. */
  readonly onPreview: (request: PromoteRequest, reading: PromoteDialog) => void;
}

/** The form for promoting `source`, its destination prefilled with the source to edit. */
export function promoteDialog(source: string, onPreview: PromoteDialog['onPreview']): PromoteDialog {
  return {
    kind: 'promote', title: `Promote ${source}`, source, target: inputOf(source), keyId: EMPTY_INPUT, deleteExtra: false,
    focus: 'target', stage: 'form', scroll: 0, onPreview,
  };
}

/** The promote dialog's answer to a key, or to several typed at once into a field. */
export function promoteKey(dialog: PromoteDialog, name: string, input: string): WriteOutcome<PromoteDialog> {
  return eachKey(dialog, name, input, false, oneKey);
}

function oneKey(dialog: PromoteDialog, name: string, input: string): WriteOutcome<PromoteDialog> {
  switch (dialog.stage) {
    case 'reading':
    case 'writing':
      return { next: dialog };
    case 'stopped':
      return name === 'enter' || name === 'esc' ? { close: true } : { next: dialog };
    case 'preview':
      return previewKey(dialog, name);
    case 'form':
      return formKey(dialog, name, input);
  }
}

/** `y` writes; No is the default and leads back to the form, having written nothing; j/k scroll the plan. */
function previewKey(dialog: PromoteDialog, name: string): WriteOutcome<PromoteDialog> {
  if (name === 'y' || name === 'Y') {
    const writing: PromoteDialog = { ...dialog, stage: 'writing' };
    return { next: writing, then: () => dialog.preview!.write(writing) };
  }
  if (NO.has(name)) return { next: { ...dialog, stage: 'form', preview: undefined, problem: undefined } };
  const last = Math.max(0, (dialog.preview?.lines.length ?? 0) - 1);
  if (name === 'j' || name === 'down') return { next: { ...dialog, scroll: Math.min(last, dialog.scroll + 1) } };
  if (name === 'k' || name === 'up') return { next: { ...dialog, scroll: Math.max(0, dialog.scroll - 1) } };
  return { next: dialog };
}

function formKey(dialog: PromoteDialog, name: string, input: string): WriteOutcome<PromoteDialog> {
  if (name === 'esc') return { close: true };
  if (name === 'enter') {
    const paths = promotionPaths(dialog.source, dialog.target.text.trim());
    if ('problem' in paths) return { next: { ...dialog, problem: paths.problem } };
    const key = dialog.keyId.text.trim();
    const reading: PromoteDialog = { ...dialog, stage: 'reading', problem: undefined, scroll: 0 };
    const request = { ...paths, keyId: key === '' ? undefined : key, deleteExtra: dialog.deleteExtra };
    return { next: reading, then: () => dialog.onPreview(request, reading) };
  }
  const at = FIELDS.indexOf(dialog.focus);
  if (name === 'tab' || name === 'down') return { next: { ...dialog, focus: FIELDS[(at + 1) % FIELDS.length]! } };
  if (name === 'shift-tab' || name === 'up') return { next: { ...dialog, focus: FIELDS[(at - 1 + FIELDS.length) % FIELDS.length]! } };
  if (dialog.focus === 'deleteExtra') return { next: TOGGLE.has(name) ? { ...dialog, deleteExtra: !dialog.deleteExtra } : dialog };
  const field = dialog.focus;
  const edited = editText(dialog[field], name, input);
  return { next: edited ? { ...dialog, [field]: edited } : dialog };
}

/** Whether typed text reaches the dialog whole: only while the form's fields take it. */
export function promoteTakesText(dialog: PromoteDialog): boolean {
  return dialog.stage === 'form';
}

/** The keys the hint bar shows at each stage. */
export function promoteHints(dialog: PromoteDialog): readonly { keys: string; label: string }[] {
  switch (dialog.stage) {
    case 'reading':
      return [{ keys: '…', label: 'reading both paths' }];
    case 'writing':
      return [{ keys: '…', label: 'writing' }];
    case 'stopped':
      return [{ keys: 'enter/esc', label: 'close' }];
    case 'preview':
      return [{ keys: 'y', label: 'write' }, { keys: 'n/enter', label: 'no (default): back to the form' }, { keys: 'j/k', label: 'scroll' }];
    case 'form':
      return [
        { keys: 'tab/↓', label: 'next field' },
        ...(dialog.focus === 'deleteExtra' ? [{ keys: 'space', label: 'toggle' }] : []),
        { keys: 'enter', label: 'preview' },
        { keys: 'esc', label: 'cancel' },
      ];
  }
}
