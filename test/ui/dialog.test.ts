import { describe, expect, it } from 'vitest';
import { dialogHints, dialogKey, dialogTakesText, type ConfirmDialog } from '../../source/ui/state/dialog';
import { INITIAL_STATE, reduceUi } from '../../source/ui/state/ui-state';

const confirm = (onYes: () => void): ConfirmDialog => ({ kind: 'confirm', title: 'Reveal', lines: ['Parameter /a'], question: 'Reveal it?', onYes });

describe('a confirm dialog', () => {
  it.each([
    ['y', 'yes'],
    ['Y', 'yes'],
    ['n', 'no'],
    ['N', 'no'],
    ['enter', 'no'],
    ['esc', 'no'],
    ['x', 'open'],
    ['q', 'open'],
    ['space', 'open'],
  ])('answers %s with %s', (key, expected) => {
    let said = 0;
    const dialog = confirm(() => said++);
    const outcome = dialogKey(dialog, key, key);
    if ('next' in outcome) {
      expect(expected).toBe('open');
      expect(outcome.next).toBe(dialog);
      return;
    }
    outcome.then?.();
    expect(said).toBe(expected === 'yes' ? 1 : 0);
  });

  it('shows its keys with No as the default, and takes keys one at a time', () => {
    const dialog = confirm(() => undefined);
    expect(dialogHints(dialog).map((h) => `${h.keys} ${h.label}`)).toEqual(['y yes', 'n/enter no (default)', 'esc cancel']);
    expect(dialogTakesText(dialog)).toBe(false);
  });

  it('sits in one slot of the UI state until closed', () => {
    const dialog = confirm(() => undefined);
    const open = reduceUi(INITIAL_STATE, { type: 'dialog', dialog });
    expect(open.dialog).toBe(dialog);
    expect(reduceUi(open, { type: 'dialog-close' }).dialog).toBeUndefined();
  });
});
