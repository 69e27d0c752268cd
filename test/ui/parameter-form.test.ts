import { describe, expect, it } from 'vitest';
import {
  editParameterForm, formChanges, formFields, formKey, newParameterForm, putInput, type FormOriginal, type ParameterForm,
} from '../../source/ui/state/parameter-form';
import { cleanTyped, editText, EMPTY_INPUT, inputOf, splitKeys, type TextInput } from '../../source/ui/state/text-input';

/** Feeds key names (a plain character's input is itself) through the form, as the router would. */
function keys(form: ParameterForm, ...names: string[]): ParameterForm {
  for (const name of names) {
    const outcome = formKey(form, name, name);
    if ('cancel' in outcome) throw new Error('the form closed');
    form = outcome.form;
  }
  return form;
}

const STRING: FormOriginal = { name: '/app/url', version: 3, type: 'String', value: 'http://old', description: 'the url', tier: 'Standard' };
const SECRET: FormOriginal = { name: '/app/password', version: 2, type: 'SecureString', keyId: 'alias/payments', tier: 'Standard' };

describe('a text field', () => {
  const at = (text: string, cursor: number): TextInput => ({ text, cursor });
  it.each([
    ['types at the cursor', at('ac', 1), 'b', 'b', {}, at('abc', 2)],
    ['erases before the cursor', at('abc', 2), 'backspace', '', {}, at('ac', 1)],
    ['erases nothing at the start', at('abc', 0), 'backspace', '', {}, at('abc', 0)],
    ['moves left and right within bounds', at('ab', 0), 'left', '', {}, at('ab', 0)],
    ['goes to the end', at('abc', 0), 'end', '', {}, at('abc', 3)],
    ['ctrl-u clears up to the cursor', at('abcd', 2), 'ctrl-u', 'u', {}, at('cd', 0)],
    ['ctrl-k clears from the cursor', at('abcd', 2), 'ctrl-k', 'k', {}, at('ab', 2)],
    ['a paste keeps line breaks in a value', at('', 0), 'a\rb\r\nc', 'a\rb\r\nc', { multiline: true }, at('a\nb\nc', 5)],
    ['a paste turns line breaks to spaces elsewhere', at('', 0), 'a\rb', 'a\rb', {}, at('a b', 3)],
    ['the line break ending a pasted line is dropped', at('', 0), 'pw\r\n', 'pw\r\n', { multiline: true, masked: true }, at('pw', 2)],
    ['a masked field only appends, wherever the cursor was', at('xy', 0), 'z', 'z', { masked: true }, at('xyz', 3)],
    ['a masked field ignores cursor keys', at('xy', 2), 'left', '', { masked: true }, undefined],
    ['counts code points, not UTF-16 units', at('😀', 1), 'backspace', '', {}, at('', 0)],
  ] as const)('%s', (_, field, name, input, rules, expected) => {
    expect(editText(field, name, input, rules)).toEqual(expected);
  });

  it('splits keys typed together into keys, dropping controls that are none', () => {
    expect(splitKeys('ab\t\tc\x7f\r\x01')).toEqual([
      { name: 'ab', input: 'ab' }, { name: 'tab', input: '' }, { name: 'tab', input: '' }, { name: 'c', input: 'c' },
      { name: 'backspace', input: '' }, { name: 'enter', input: '' },
    ]);
  });

  it('does not take control keys or escape sequences as text', () => {
    expect(editText(EMPTY_INPUT, 'enter', '\r')).toBeUndefined();
    expect(editText(EMPTY_INPUT, 'ctrl-x', 'x')).toBeUndefined();
    expect(cleanTyped('a\u001b[2J\u202eb\tc', false)).toBe('a[2Jbc');
    expect(cleanTyped('a\tb', true)).toBe('a\tb');
  });
});

describe('the new / edit form', () => {
  it('a new parameter starts in the folder on screen and walks through its fields', () => {
    let form = newParameterForm('/app');
    expect(form.name).toEqual(inputOf('/app/'));
    expect(formFields(form)).toEqual(['name', 'type', 'value', 'description', 'tier']);
    form = keys(form, 'x', 'tab', 'right', 'right');
    expect(form.type).toBe('SecureString');
    expect(formFields(form)).toEqual(['name', 'type', 'value', 'description', 'keyId', 'tier']);
    form = keys(form, 'up', 'up', 'shift-tab');
    expect(form.focus).toBe('keyId');
  });

  it('refuses to preview without a name or a value, and keeps what was typed', () => {
    let form = keys(newParameterForm('/'), 'backspace', 'enter');
    expect(form.problem).toBe('name: type the parameter name');
    form = keys(form, 'a', 'enter');
    expect(form).toMatchObject({ stage: 'form', problem: 'value: type a value (AWS needs one)', name: { text: 'a' } });
    form = keys(form, 'tab', 'tab', 'v', 'enter');
    expect(form).toMatchObject({ stage: 'preview', problem: undefined });
    expect(keys(form, 'enter').stage).toBe('form');
    const outcome = formKey(form, 'y', 'y');
    expect(outcome).toMatchObject({ form: { stage: 'saving' }, submit: { name: 'a', value: 'v', type: 'String', tier: 'Standard' } });
    expect('submit' in outcome && outcome.submit.overwrite).toBeFalsy();
  });

  it('esc leaves the preview for the form, and the form for nothing', () => {
    const preview = keys(editParameterForm(STRING), 'x', 'enter');
    expect(preview.stage).toBe('preview');
    expect(keys(preview, 'esc').stage).toBe('form');
    expect(formKey(keys(preview, 'esc'), 'esc', '')).toEqual({ cancel: true });
  });

  it("an edit previews only what changed, and sends only that with Overwrite", () => {
    const form = keys(editParameterForm(STRING), 'ctrl-u', 'n', 'e', 'w', 'down', 'down', 'right');
    expect(formChanges(form)).toEqual([
      { field: 'value', from: 'http://old', to: 'new' },
      { field: 'tier', from: 'Standard', to: 'Advanced' },
    ]);
    expect(putInput(form)).toEqual({ name: '/app/url', value: 'new', type: 'String', tier: 'Advanced', overwrite: true });
    expect(keys(editParameterForm(STRING), 'enter').problem).toBe('nothing changed');
  });

  it('a SecureString edit starts with an empty value, demands a new one, and previews it as hidden', () => {
    let form = editParameterForm(SECRET);
    expect(form.value).toEqual(EMPTY_INPUT);
    expect(keys(form, 'enter').problem).toMatch(/^value: type the new value \(a SecureString is never filled in/);
    form = keys(form, 's', '3', 'c', 'enter');
    expect(formChanges(form)).toEqual([{ field: 'value', hidden: true }]);
    expect(JSON.stringify(formChanges(form))).not.toContain('s3c');
    expect(putInput(form)).toEqual({ name: '/app/password', value: 's3c', type: 'SecureString', overwrite: true });
  });

  it('turning a String into a SecureString names the default key unless another is typed', () => {
    let form = keys(editParameterForm(STRING), 'up', 'left');
    expect(form.type).toBe('SecureString');
    expect(formChanges(form)).toContainEqual({ field: 'key', from: undefined, to: 'alias/aws/ssm' });
    form = keys(form, 'down', 'ctrl-u', 'v', 'down', 'down', 'k');
    expect(form.focus).toBe('keyId');
    expect(putInput(form)).toMatchObject({ type: 'SecureString', keyId: 'k', value: 'v' });
  });
});
