import { describe, expect, it } from 'vitest';
import { lastSegment } from '../../source/ui/hooks/write-flows';
import { parseTagEdits, tagFlash } from '../../source/ui/hooks/tag-edits';
import { dialogHints, dialogKey, dialogTakesText } from '../../source/ui/state/dialog';
import { EMPTY_INPUT, inputOf } from '../../source/ui/state/text-input';
import { newParameterForm } from '../../source/ui/state/parameter-form';
import type { ParameterFormDialog, PromptDialog } from '../../source/ui/state/write-dialogs';

function prompt(submitted: (readonly string[])[], check?: PromptDialog['check']): PromptDialog {
  return {
    kind: 'prompt', title: 'Delete', lines: ['Parameter /a/secret'], focus: 0, action: 'delete', busy: false, check,
    fields: [{ label: 'confirm', input: EMPTY_INPUT }, { label: 'other', input: inputOf('x') }],
    onSubmit: (values) => void submitted.push(values),
  };
}

describe('a prompt dialog', () => {
  it('types into the focused field, moves with tab, and takes pasted text whole', () => {
    let dialog: PromptDialog = prompt([]);
    expect(dialogTakesText(dialog)).toBe(true);
    for (const key of ['ab', 'tab', 'c']) {
      const outcome = dialogKey(dialog, key, key);
      if (!('next' in outcome)) throw new Error('closed');
      dialog = outcome.next as PromptDialog;
    }
    expect(dialog.fields.map((f) => f.input.text)).toEqual(['ab', 'xc']);
    expect(dialogKey(dialog, 'esc', '')).toEqual({ close: true });
  });

  it('checks before acting, then acts once and waits while busy', () => {
    const submitted: (readonly string[])[] = [];
    const dialog = prompt(submitted, ([typed]) => (typed === 'secret' ? undefined : 'type secret exactly to delete'));
    expect(dialogKey(dialog, 'enter', '\r')).toEqual({ next: { ...dialog, problem: 'type secret exactly to delete' } });
    const typed = { ...dialog, fields: [{ label: 'confirm', input: inputOf('secret') }] };
    const outcome = dialogKey(typed, 'enter', '\r');
    if (!('next' in outcome)) throw new Error('closed');
    expect(outcome.next).toMatchObject({ busy: true, problem: undefined });
    outcome.then?.();
    expect(submitted).toEqual([['secret']]);
    expect(dialogKey(outcome.next, 'enter', '\r')).toEqual({ next: outcome.next });
    expect(dialogHints(outcome.next)).toEqual([{ keys: '…', label: 'delete in progress' }]);
  });
});

describe('keys typed together', () => {
  const form = (): ParameterFormDialog => ({ kind: 'parameter-form', title: 'New', form: newParameterForm('/'), onSubmit: () => undefined });
  const next = (outcome: ReturnType<typeof dialogKey>) => {
    if (!('next' in outcome)) throw new Error('closed');
    return outcome.next as ParameterFormDialog;
  };

  it('reach the form one by one: text, tab, tab, text', () => {
    const dialog = next(dialogKey(form(), 'x\t\tv', 'x\t\tv'));
    expect(dialog.form).toMatchObject({ name: { text: '/x' }, focus: 'value', value: { text: 'v' } });
  });

  it('stay one paste in the value field, its inner line breaks and tabs kept, a closing CR its enter', () => {
    const value = next(dialogKey(form(), '\t\t', '\t\t'));
    expect(next(dialogKey(value, 'a\tb\rc', 'a\tb\rc')).form).toMatchObject({ stage: 'form', value: { text: 'a\tb\nc' } });
    expect(next(dialogKey(value, 'a\tb\rc\r', 'a\tb\rc\r')).form).toMatchObject({ stage: 'preview', value: { text: 'a\tb\nc' } });
  });

  it('stop at a key that starts a write', () => {
    let submitted = 0;
    const dialog: PromptDialog = { ...prompt([]), onSubmit: () => void submitted++ };
    const outcome = dialogKey(dialog, 'ok\rmore', 'ok\rmore');
    if (!('next' in outcome)) throw new Error('closed');
    outcome.then?.();
    expect(submitted).toBe(1);
    expect((outcome.next as PromptDialog).fields[0]!.input.text).toBe('ok');
  });
});

describe('the tags dialog reads', () => {
  it.each([
    ['team=core, owner = alice', '', { add: [{ key: 'team', value: 'core' }, { key: 'owner', value: 'alice' }], remove: [] }],
    ['url=a=b', 'env, old', { add: [{ key: 'url', value: 'a=b' }], remove: ['env', 'old'] }],
    ['empty=', '', { add: [{ key: 'empty', value: '' }], remove: [] }],
    ['novalue', '', { problem: 'add/change: write key=value, not novalue' }],
    ['=v', '', { problem: 'add/change: write key=value, not =v' }],
    [' , ', ' ', { problem: 'type a tag to add or a key to remove' }],
  ])('%j and %j', (add, remove, expected) => {
    expect(parseTagEdits(add, remove)).toMatchObject(expected);
  });

  it('says what it set and removed', () => {
    expect(tagFlash('/a', parseTagEdits('k=v', 'x'))).toBe('tags of /a: set k; removed x');
  });
});

it.each([
  ['/payments/prod/db/password', 'password'],
  ['plain-name', 'plain-name'],
  ['/trailing/', 'trailing'],
])('a SecureString delete of %s asks for %s', (name, segment) => {
  expect(lastSegment(name)).toBe(segment);
});
