import type { ParameterInput } from '../../service/capabilities';
import type { ParameterType } from '../../service/types';
import { editText, EMPTY_INPUT, inputOf, type TextInput } from './text-input';

/** The types a form offers, in the order `←`/`→` cycle through them. */
export const FORM_TYPES: readonly ParameterType[] = ['String', 'StringList', 'SecureString'];
/** The tiers a form offers; Intelligent-Tiering stays a command-line choice. */
export const FORM_TIERS = ['Standard', 'Advanced'] as const;
export type FormTier = (typeof FORM_TIERS)[number];

const PREVIEW_NO: ReadonlySet<string> = new Set(['n', 'N', 'enter', 'esc']);

/** The fields of the new/edit form. */
export type FieldId = 'name' | 'type' | 'value' | 'description' | 'keyId' | 'tier';
type TextFieldId = 'name' | 'value' | 'description' | 'keyId';

/** What an edit starts from: the latest version, as the detail loaded it. */
export interface FormOriginal {
  readonly name: string;
  readonly version: number;
  readonly type: ParameterType;
  /** The current text of a String or StringList; a SecureString's is never loaded into a form. */
  readonly value?: string | undefined;
  readonly description?: string | undefined;
  readonly keyId?: string | undefined;
  readonly tier: FormTier;
}

/**
 * The `n` / `e` form: its fields, which one has the cursor, and whether it is being filled in,
 * previewed (what will change, before anything is written) or saved. `problem` is the reason the
 * last submit did not go through (a missing field, or AWS's own error): the input is kept.
 */
export interface ParameterForm {
  readonly original?: FormOriginal | undefined;
  readonly name: TextInput;
  readonly type: ParameterType;
  readonly value: TextInput;
  readonly description: TextInput;
  readonly keyId: TextInput;
  readonly tier: FormTier;
  readonly focus: FieldId;
  readonly stage: 'form' | 'preview' | 'saving';
  readonly problem?: string | undefined;
}

/** A blank form for a new parameter, its name started in the folder on screen. */
export function newParameterForm(folder: string): ParameterForm {
  const start = folder === '/' ? '/' : `${folder}/`;
  return {
    name: inputOf(start), type: 'String', value: EMPTY_INPUT, description: EMPTY_INPUT, keyId: EMPTY_INPUT,
    tier: 'Standard', focus: 'name', stage: 'form',
  };
}

/** A form for a new version, filled from the current one, except a SecureString's value. */
export function editParameterForm(original: FormOriginal): ParameterForm {
  return {
    original,
    name: inputOf(original.name),
    type: original.type,
    value: original.type === 'SecureString' ? EMPTY_INPUT : inputOf(original.value ?? ''),
    description: inputOf(original.description ?? ''),
    keyId: inputOf(original.type === 'SecureString' ? (original.keyId ?? '') : ''),
    tier: original.tier,
    focus: 'value',
    stage: 'form',
  };
}

/** The fields on screen, top to bottom: the name only for a new parameter, the key only for a SecureString. */
export function formFields(form: ParameterForm): readonly FieldId[] {
  return [
    ...(form.original ? [] : ['name' as const]),
    'type', 'value', 'description',
    ...(form.type === 'SecureString' ? ['keyId' as const] : []),
    'tier',
  ];
}

/** What a key does to the form: keep filling it in, write what it holds, or close it. */
export type FormOutcome =
  | { readonly form: ParameterForm }
  | { readonly form: ParameterForm; readonly submit: ParameterInput }
  | { readonly cancel: true };

/**
 * The form's answer to one key. Filling in: `tab`/`↓` and `shift-tab`/`↑` move between fields,
 * `←`/`→`/space choose a type or tier, other keys edit the text; `enter` checks and previews.
 * Previewing: `y` writes, `n`/`enter`/`esc` go back to the form. While saving, keys wait.
 */
export function formKey(form: ParameterForm, name: string, input: string): FormOutcome {
  if (form.stage === 'saving') return { form };
  if (form.stage === 'preview') {
    // A confirm like every other: `y` writes, No is the default and leads back to the form.
    if (name === 'y' || name === 'Y') return { form: { ...form, stage: 'saving' }, submit: putInput(form) };
    if (PREVIEW_NO.has(name)) return { form: { ...form, stage: 'form' } };
    return { form };
  }
  if (name === 'esc') return { cancel: true };
  if (name === 'enter') {
    const problem = formProblem(form);
    return { form: problem ? { ...form, problem } : { ...form, stage: 'preview', problem: undefined } };
  }
  const fields = formFields(form);
  const at = fields.indexOf(form.focus);
  if (name === 'tab' || name === 'down') return { form: { ...form, focus: fields[(at + 1) % fields.length]! } };
  if (name === 'shift-tab' || name === 'up') return { form: { ...form, focus: fields[(at - 1 + fields.length) % fields.length]! } };
  if (form.focus === 'type') return { form: { ...form, type: choose(FORM_TYPES, form.type, name) } };
  if (form.focus === 'tier') return { form: { ...form, tier: choose(FORM_TIERS, form.tier, name) } };
  const field: TextFieldId = form.focus;
  const rules = field === 'value' ? { multiline: true, masked: form.type === 'SecureString' } : {};
  const next = editText(form[field], name, input, rules);
  return { form: next ? { ...form, [field]: next } : form };
}

function choose<T>(options: readonly T[], current: T, key: string): T {
  const step = key === 'left' || key === 'h' ? -1 : key === 'right' || key === 'l' || key === ' ' ? 1 : 0;
  const at = Math.max(0, options.indexOf(current));
  return options[(at + step + options.length) % options.length]!;
}

/** Why the form cannot be previewed yet; AWS checks everything else and says so in its words. */
export function formProblem(form: ParameterForm): string | undefined {
  if (!form.original && form.name.text === '') return 'name: type the parameter name';
  if (form.value.text === '') {
    return form.original?.type === 'SecureString' || (form.original && form.type === 'SecureString')
      ? 'value: type the new value (a SecureString is never filled in: that would reveal it)'
      : 'value: type a value (AWS needs one)';
  }
  if (form.original && formChanges(form).length === 0) return 'nothing changed';
  return undefined;
}

/** One line of the preview: a field and how it changes. A secret's text is never part of it. */
export interface FieldChange {
  readonly field: 'name' | 'type' | 'value' | 'description' | 'key' | 'tier';
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** The value is a SecureString's: the preview says it changes, never what it is. */
  readonly hidden?: boolean | undefined;
}

/** The default key SSM uses when none is given. */
export const DEFAULT_KEY = 'alias/aws/ssm';

/** What the write will change (edit), or what it will create (new), field by field. */
export function formChanges(form: ParameterForm): FieldChange[] {
  const { original } = form;
  const secure = form.type === 'SecureString';
  const key = secure ? (form.keyId.text || (original?.type === 'SecureString' ? original.keyId : undefined) || DEFAULT_KEY) : undefined;
  const wasKey = original?.type === 'SecureString' ? (original.keyId ?? DEFAULT_KEY) : undefined;
  const description = form.description.text;
  const changes: FieldChange[] = [];
  const add = (field: FieldChange['field'], from: string | undefined, to: string | undefined) => {
    if (!original || from !== to) changes.push({ field, from, to });
  };
  if (!original) changes.push({ field: 'name', to: form.name.text });
  add('type', original?.type, form.type);
  if (secure || original?.type === 'SecureString') changes.push({ field: 'value', hidden: true });
  else add('value', original?.value, form.value.text);
  if (original ? description !== (original.description ?? '') : description !== '') changes.push({ field: 'description', from: original?.description, to: description });
  if (key !== undefined || wasKey !== undefined) add('key', wasKey, key);
  add('tier', original?.tier, form.tier);
  return changes;
}

/** The PutParameter request: a new version sends only what changed, the rest carries over as in AWS. */
export function putInput(form: ParameterForm): ParameterInput {
  const { original } = form;
  const secure = form.type === 'SecureString';
  const key = form.keyId.text;
  const sendKey = secure && key !== '' && (original?.type !== 'SecureString' || key !== original.keyId);
  const description = form.description.text;
  const sendDescription = original ? description !== (original.description ?? '') : description !== '';
  return {
    name: original ? original.name : form.name.text,
    value: form.value.text,
    type: form.type,
    ...(sendDescription ? { description } : {}),
    ...(sendKey ? { keyId: key } : {}),
    ...(!original || form.tier !== original.tier ? { tier: form.tier } : {}),
    ...(original ? { overwrite: true } : {}),
  };
}
