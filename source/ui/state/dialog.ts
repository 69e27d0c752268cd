/**
 * The one modal slot of the UI (`UiState.dialog`). While a dialog is open the key router sends
 * every key to `dialogKey`, `<Dialog>` draws it over the body and the hint bar shows
 * `dialogHints` instead of the screen's keys.
 *
 * To add a kind (a form, a prompt): add a variant with its own `kind` to `Dialog`, then one case
 * in each switch below (`dialogKey`: what a key does; `dialogHints`: the keys to show;
 * `dialogTakesText`: whether typed text arrives whole) and one in components/Dialog.tsx (how it
 * looks). TypeScript's exhaustiveness checks point at every switch that still lacks the case.
 */
import { PICKER_HINTS, pickerKey, type PickerDialog } from './picker-dialog';
import { promoteHints, promoteKey, promoteTakesText, type PromoteDialog } from './promote-dialog';
import { parameterFormKey, promptKey, writeDialogHints, type ParameterFormDialog, type PromptDialog } from './write-dialogs';

/** A question answered `y` or `N`: the default is No, `esc` and `enter` cancel. */
export interface ConfirmDialog {
  readonly kind: 'confirm';
  readonly title: string;
  /** What the user is agreeing to, one fact a line; untrusted text is made terminal-safe when drawn. */
  readonly lines: readonly string[];
  /** The question, shown with the literal `y/N` after it. */
  readonly question: string;
  /** Runs once, after the dialog has closed, when the answer is `y`. */
  readonly onYes: () => void;
  /** A destructive action draws in the danger colour. */
  readonly danger?: boolean | undefined;
}

/** Every kind of dialog; extend this union to add one. */
export type Dialog = ConfirmDialog | ParameterFormDialog | PromptDialog | PickerDialog | PromoteDialog;

/** What a key does to an open dialog: keep it open (maybe changed), or close it and maybe act. */
export type DialogOutcome =
  | { readonly next: Dialog; readonly then?: (() => void) | undefined }
  | { readonly close: true; readonly then?: (() => void) | undefined };

/** A key and what it does, for the hint bar while a dialog is open. */
export interface DialogHint {
  readonly keys: string;
  readonly label: string;
}

/**
 * The dialog's answer to one key, named as `keyName()` names it; `input` is the raw text typed
 * (what a form field takes).
 */
export function dialogKey(dialog: Dialog, name: string, input: string): DialogOutcome {
  switch (dialog.kind) {
    case 'parameter-form':
      return parameterFormKey(dialog, name, input);
    case 'prompt':
      return promptKey(dialog, name, input);
    case 'picker':
      return pickerKey(dialog, name);
    case 'promote':
      return promoteKey(dialog, name, input);
    case 'confirm':
      if (name === 'y' || name === 'Y') return { close: true, then: dialog.onYes };
      // Only an explicit yes acts: No is the default, so every other answer key cancels.
      if (name === 'n' || name === 'N' || name === 'esc' || name === 'enter') return { close: true };
      return { next: dialog };
  }
}

/** The keys the hint bar shows while the dialog is open. */
export function dialogHints(dialog: Dialog): readonly DialogHint[] {
  switch (dialog.kind) {
    case 'parameter-form':
    case 'prompt':
      return writeDialogHints(dialog);
    case 'picker':
      return PICKER_HINTS;
    case 'promote':
      return promoteHints(dialog);
    case 'confirm':
      return [
        { keys: 'y', label: 'yes' },
        { keys: 'n/enter', label: 'no (default)' },
        { keys: 'esc', label: 'cancel' },
      ];
  }
}

/**
 * Whether keys typed in one chunk reach the dialog as one text (a form field) rather than one key
 * at a time (a confirm, where `yy` must not answer twice).
 */
export function dialogTakesText(dialog: Dialog): boolean {
  switch (dialog.kind) {
    case 'parameter-form':
    case 'prompt':
      return true;
    case 'promote':
      return promoteTakesText(dialog);
    case 'confirm':
    case 'picker':
      return false;
  }
}

/** The UI actions that open and close the dialog slot. */
export type DialogAction =
  | { readonly type: 'dialog'; readonly dialog: Dialog }
  | { readonly type: 'dialog-close' };
