import type { DialogHint, DialogOutcome } from './dialog';

/** One line of a picker: what it names, and a muted detail beside it. */
export interface PickerChoice {
  readonly label: string;
  readonly detail?: string | undefined;
}

/** A list to choose one line from (the profile and region switcher). */
export interface PickerDialog {
  readonly kind: 'picker';
  readonly title: string;
  /** Untrusted text (profile names come from a file): made terminal-safe when drawn. */
  readonly choices: readonly PickerChoice[];
  readonly cursor: number;
  /** Runs once, after the dialog has closed, with the index picked. */
  readonly onPick: (index: number) => void;
}

const DOWN = new Set(['j', 'down']);
const UP = new Set(['k', 'up']);

/** Moves with j/k, g/G and the arrows; enter picks; esc and q leave without picking. */
export function pickerKey(dialog: PickerDialog, name: string): DialogOutcome {
  const last = dialog.choices.length - 1;
  const move = (cursor: number): DialogOutcome => ({ next: { ...dialog, cursor: Math.max(0, Math.min(last, cursor)) } });
  if (DOWN.has(name)) return move(dialog.cursor + 1);
  if (UP.has(name)) return move(dialog.cursor - 1);
  if (name === 'g' || name === 'home') return move(0);
  if (name === 'G' || name === 'end') return move(last);
  if (name === 'enter' && last >= 0) return { close: true, then: () => dialog.onPick(dialog.cursor) };
  if (name === 'esc' || name === 'q') return { close: true };
  return { next: dialog };
}

/** The picker's keys for the hint bar. */
export const PICKER_HINTS: readonly DialogHint[] = [
  { keys: 'j/k', label: 'move' },
  { keys: 'enter', label: 'switch' },
  { keys: 'esc', label: 'cancel' },
];
