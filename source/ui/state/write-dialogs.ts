import type { ParameterInput } from '../../service/capabilities';
import { formKey, type ParameterForm } from './parameter-form';
import { editText, pasteKeys, splitKeys, type TextInput } from './text-input';

/**
 * The dialog kinds of the write flows (`n`, `e`, `d`, `L`, `T`), plugged into dialog.ts. A write
 * keeps its dialog open while it runs; when AWS refuses it the dialog comes back with AWS's words
 * as its `problem` and every field as it was typed.
 */

/** What a key does to a write dialog: stay (changed, maybe starting the write in `then`) or close. */
export type WriteOutcome<D> = { readonly next: D; readonly then?: (() => void) | undefined } | { readonly close: true };

/** The new/edit parameter form. */
export interface ParameterFormDialog {
  readonly kind: 'parameter-form';
  readonly title: string;
  readonly form: ParameterForm;
  /** Sends the PutParameter; called with the form as it is while saving. */
  readonly onSubmit: (input: ParameterInput, saving: ParameterFormDialog) => void;
}

/** One labelled text line of a prompt. */
export interface PromptField {
  readonly label: string;
  readonly input: TextInput;
  readonly placeholder?: string | undefined;
}

/**
 * A few text fields and an action on `enter`: delete with a typed confirmation, label a
 * version, add and remove tags.
 */
export interface PromptDialog {
  readonly kind: 'prompt';
  readonly title: string;
  /** Facts above the fields, one a line; untrusted text is made terminal-safe when drawn. */
  readonly lines: readonly string[];
  readonly fields: readonly PromptField[];
  readonly focus: number;
  /** What `enter` does, for the hint bar ("delete", "label"). */
  readonly action: string;
  readonly danger?: boolean | undefined;
  /** The write is running: keys wait. */
  readonly busy: boolean;
  /** Why the last `enter` did not go through: a failed check, or AWS's own error. */
  readonly problem?: string | undefined;
  /** Checked before anything is sent; a message keeps the dialog open with it. */
  readonly check?: ((values: readonly string[]) => string | undefined) | undefined;
  readonly onSubmit: (values: readonly string[], busy: PromptDialog) => void;
}

/**
 * Feeds a chunk of several keys to a dialog one key at a time, or as a paste and maybe `enter`
 * into a field that keeps line breaks and tabs. A key that starts a write ends the chunk.
 */
export function eachKey<D>(dialog: D, name: string, input: string, pasteTarget: boolean, one: (dialog: D, name: string, input: string) => WriteOutcome<D>): WriteOutcome<D> {
  if (name !== input || [...input].length < 2 || !/\p{Cc}/u.test(input)) return one(dialog, name, input);
  let current = dialog;
  for (const key of pasteTarget ? pasteKeys(input) : splitKeys(input)) {
    const outcome = one(current, key.name, key.input);
    if (!('next' in outcome) || outcome.then) return outcome;
    current = outcome.next;
  }
  return { next: current };
}

/** The parameter form's answer to a key, or to several typed at once. */
export function parameterFormKey(dialog: ParameterFormDialog, name: string, input: string): WriteOutcome<ParameterFormDialog> {
  const paste = dialog.form.stage === 'form' && dialog.form.focus === 'value';
  return eachKey(dialog, name, input, paste, formDialogKey);
}

/** A prompt's answer to a key, or to several typed at once. */
export function promptKey(dialog: PromptDialog, name: string, input: string): WriteOutcome<PromptDialog> {
  return eachKey(dialog, name, input, false, promptDialogKey);
}

function formDialogKey(dialog: ParameterFormDialog, name: string, input: string): WriteOutcome<ParameterFormDialog> {
  const outcome = formKey(dialog.form, name, input);
  if ('cancel' in outcome) return { close: true };
  const next = outcome.form === dialog.form ? dialog : { ...dialog, form: outcome.form };
  if (!('submit' in outcome)) return { next };
  return { next, then: () => dialog.onSubmit(outcome.submit, next) };
}

/** `tab`/`↑`/`↓` move between a prompt's fields, `enter` checks and acts, `esc` closes. */
function promptDialogKey(dialog: PromptDialog, name: string, input: string): WriteOutcome<PromptDialog> {
  if (dialog.busy) return { next: dialog };
  if (name === 'esc') return { close: true };
  const values = dialog.fields.map((f) => f.input.text);
  if (name === 'enter') {
    const problem = dialog.check?.(values);
    if (problem !== undefined) return { next: { ...dialog, problem } };
    const busy: PromptDialog = { ...dialog, busy: true, problem: undefined };
    return { next: busy, then: () => dialog.onSubmit(values, busy) };
  }
  const count = dialog.fields.length;
  if (name === 'tab' || name === 'down') return { next: { ...dialog, focus: (dialog.focus + 1) % count } };
  if (name === 'shift-tab' || name === 'up') return { next: { ...dialog, focus: (dialog.focus - 1 + count) % count } };
  const field = dialog.fields[dialog.focus]!;
  const edited = editText(field.input, name, input);
  if (!edited) return { next: dialog };
  return { next: { ...dialog, fields: dialog.fields.map((f, i) => (i === dialog.focus ? { ...f, input: edited } : f)) } };
}

/** The keys the hint bar shows for a write dialog. */
export function writeDialogHints(dialog: ParameterFormDialog | PromptDialog): readonly { keys: string; label: string }[] {
  if (dialog.kind === 'prompt') {
    if (dialog.busy) return [{ keys: '…', label: `${dialog.action} in progress` }];
    return [
      { keys: 'enter', label: dialog.action },
      ...(dialog.fields.length > 1 ? [{ keys: 'tab', label: 'next field' }] : []),
      { keys: 'esc', label: 'cancel' },
    ];
  }
  switch (dialog.form.stage) {
    case 'saving':
      return [{ keys: '…', label: 'writing' }];
    case 'preview':
      return [{ keys: 'y', label: 'write' }, { keys: 'n/enter', label: 'no (default): back to the form' }, { keys: 'esc', label: 'back' }];
    case 'form':
      return [
        { keys: 'tab/↓', label: 'next field' },
        { keys: '←/→', label: 'choose' },
        { keys: 'enter', label: 'preview' },
        { keys: 'esc', label: 'cancel' },
      ];
  }
}
