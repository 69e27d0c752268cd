import { Text } from 'ink';
import type { ReactNode } from 'react';
import { terminalSafe } from '../../text/terminal-safe';
import { cellWidth, wrapCells } from '../render/text-fit';
import { DEFAULT_KEY, FORM_TIERS, FORM_TYPES, formChanges, formFields, type FieldChange, type FieldId, type ParameterForm } from '../state/parameter-form';
import type { ParameterFormDialog, PromptDialog } from '../state/write-dialogs';
import { useEnvironment } from '../ui-context';
import { SafeText, type Tone } from './SafeText';
import { TextField } from './TextField';

/** The cells a form's labels take, so every field's text starts in one column. */
export const LABEL_WIDTH = 14;
const PREVIEW_CHARS = 120;
const FIELD_LABELS: Record<FieldId, string> = {
  name: 'name', type: 'type', value: 'value', description: 'description', keyId: 'KMS key', tier: 'tier',
};

/** Untrusted text as whole lines of the box, wrapped rather than cut. */
function wrapped(text: string, inner: number, key: string, tone?: Tone): ReactNode[] {
  return wrapCells(terminalSafe(text), inner).map((piece, i) => <SafeText key={`${key}.${i}`} text={piece} width={inner} tone={tone} />);
}

/** The new/edit form: its fields, or the preview of what the write changes, and the last problem. */
export function parameterFormContent(dialog: ParameterFormDialog, inner: number): ReactNode[] {
  const { form } = dialog;
  if (form.stage === 'preview') return previewLines(form, inner);
  const problem = form.problem ? wrapped(form.problem, inner, 'problem', 'danger') : [];
  const secretEdit = form.original?.type === 'SecureString' || (form.original !== undefined && form.type === 'SecureString');
  return [
    ...(secretEdit ? wrapped('A SecureString is never filled in here: type the whole new value.', inner, 'note', 'muted') : []),
    ...formFields(form).map((field) => fieldLine(form, field, inner)),
    <SafeText key="gap" text="" width={inner} />,
    ...problem,
    ...(form.stage === 'saving' ? [<SafeText key="saving" text="writing…" width={inner} tone="accent" />] : []),
  ];
}

function fieldLine(form: ParameterForm, field: FieldId, inner: number): ReactNode {
  const focused = form.focus === field;
  if (field === 'type') return <Choice key={field} label={FIELD_LABELS[field]} options={FORM_TYPES} chosen={form.type} focused={focused} width={inner} />;
  if (field === 'tier') return <Choice key={field} label={FIELD_LABELS[field]} options={FORM_TIERS} chosen={form.tier} focused={focused} width={inner} />;
  const placeholder =
    field === 'keyId' ? (form.original?.type === 'SecureString' ? 'the current key' : `${DEFAULT_KEY} (default)`)
    : field === 'description' ? '(none)'
    : field === 'value' && form.type === 'SecureString' ? 'typed text stays hidden'
    : undefined;
  return (
    <TextField key={field} label={FIELD_LABELS[field]} labelWidth={LABEL_WIDTH} input={form[field]} focused={focused} width={inner}
      masked={field === 'value' && form.type === 'SecureString'} placeholder={placeholder} />
  );
}

/** A field with a few fixed options: the chosen one stands out, `←`/`→` change it. */
export function Choice({ label, options, chosen, focused, width }: { label: string; options: readonly string[]; chosen: string; focused: boolean; width: number }) {
  const { theme } = useEnvironment();
  // Each option sits in a space either side, so the first one's text lines up with the text fields'.
  const used = LABEL_WIDTH - 1 + options.reduce((sum, option) => sum + option.length + 2, 0);
  return (
    <Text wrap="truncate">
      <Text color={focused ? theme.accent : theme.muted} bold={focused}>{`${focused ? '›' : ' '} ${label}`.padEnd(LABEL_WIDTH - 1)}</Text>
      {options.map((option) => (
        <Text key={option} inverse={option === chosen && focused} bold={option === chosen} color={option === chosen ? undefined : theme.muted}>{` ${option} `}</Text>
      ))}
      {' '.repeat(Math.max(0, width - used))}
    </Text>
  );
}

/** What the write will do, before anything is written; a secret value only says that it changes. */
function previewLines(form: ParameterForm, inner: number): ReactNode[] {
  const { original } = form;
  const heading = original ? `Write version ${original.version + 1} of ${original.name}:` : `Create ${form.name.text}:`;
  const question = original ? `Write version ${original.version + 1}? y/N` : `Create ${form.name.text}? y/N`;
  return [
    ...wrapped(heading, inner, 'heading', 'accent'),
    ...formChanges(form).flatMap((change, i) => wrapped(changeText(change, original !== undefined), inner, `c${i}`)),
    <SafeText key="gap" text="" width={inner} />,
    ...wrapped(question, inner, 'question', 'accent'),
  ];
}

function changeText(change: FieldChange, edit: boolean): string {
  const label = `  ${change.field}`.padEnd(LABEL_WIDTH + 1);
  if (change.hidden) return `${label}${edit ? 'changed' : 'set'} (SecureString: not shown)`;
  const shown = (text: string | undefined) => (text === undefined || text === '' ? '-' : brief(text));
  return edit ? `${label}${shown(change.from)} → ${shown(change.to)}` : `${label}${shown(change.to)}`;
}

/** A long value is shown by its start and its size, so the preview still fits the screen. */
function brief(text: string): string {
  const chars = [...text];
  return chars.length <= PREVIEW_CHARS ? text : `${chars.slice(0, PREVIEW_CHARS).join('')}… (${chars.length} characters)`;
}

/** A prompt: its facts, its fields, and the last problem. */
export function promptContent(dialog: PromptDialog, inner: number): ReactNode[] {
  const labelWidth = Math.min(LABEL_WIDTH, Math.max(...dialog.fields.map((f) => cellWidth(f.label) + 3)));
  return [
    ...dialog.lines.flatMap((line, i) => wrapped(line, inner, `l${i}`)),
    <SafeText key="gap" text="" width={inner} />,
    ...dialog.fields.map((field, i) => (
      <TextField key={`f${i}`} label={field.label} labelWidth={labelWidth} input={field.input} focused={dialog.focus === i} width={inner} placeholder={field.placeholder} />
    )),
    ...(dialog.problem ? wrapped(dialog.problem, inner, 'problem', 'danger') : []),
    ...(dialog.busy ? [<SafeText key="busy" text={`${dialog.action}…`} width={inner} tone="accent" />] : []),
  ];
}
