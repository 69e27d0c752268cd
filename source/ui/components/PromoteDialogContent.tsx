import type { ReactNode } from 'react';
import { terminalSafe } from '../../text/terminal-safe';
import { wrapCells } from '../render/text-fit';
import type { PromoteDialog } from '../state/promote-dialog';
import { SafeText, type Tone } from './SafeText';
import { TextField } from './TextField';
import { Choice, LABEL_WIDTH } from './WriteDialogContent';

const EXTRAS = ['keep', 'delete'] as const;

/** Untrusted text as whole lines of the box, wrapped rather than cut. */
function wrapped(text: string, inner: number, key: string, tone?: Tone): ReactNode[] {
  return wrapCells(terminalSafe(text), inner).map((piece, i) => <SafeText key={`${key}.${i}`} text={piece} width={inner} tone={tone} />);
}

const gap = (inner: number) => <SafeText key="gap" text="" width={inner} />;

/**
 * The lines of the promote dialog at its stage, in at most `rows` lines: a plan taller than that
 * shows a window of its lines, scrolled with j/k.
 */
export function promoteContent(dialog: PromoteDialog, inner: number, rows: number): ReactNode[] {
  switch (dialog.stage) {
    case 'form':
    case 'reading':
      return formLines(dialog, inner);
    case 'preview':
      return previewLines(dialog, inner, rows);
    case 'writing':
      return [...wrapped(dialog.preview!.lines[0]!, inner, 'head', 'accent'), ...wrapped(`writing… ${dialog.progress ?? ''}`, inner, 'progress', 'accent')];
    case 'stopped':
      return [
        ...(dialog.report ?? []).flatMap((line, i) => wrapped(line, inner, `r${i}`, i === 0 ? 'danger' : undefined)),
        gap(inner),
        ...wrapped('enter or esc closes', inner, 'close', 'muted'),
      ];
  }
}

function formLines(dialog: PromoteDialog, inner: number): ReactNode[] {
  const field = (id: 'target' | 'keyId', label: string, placeholder: string) => (
    <TextField key={id} label={label} labelWidth={LABEL_WIDTH} input={dialog[id]} focused={dialog.focus === id} width={inner} placeholder={placeholder} />
  );
  return [
    ...wrapped(`Copy ${dialog.source} (all levels) to the same names under:`, inner, 'intro'),
    gap(inner),
    field('target', 'destination', 'a path, such as /app/prod'),
    field('keyId', 'KMS key', 'for SecureStrings (required when there are any)'),
    <Choice key="extra" label="extras" options={EXTRAS} chosen={dialog.deleteExtra ? 'delete' : 'keep'} focused={dialog.focus === 'deleteExtra'} width={inner} />,
    <SafeText key="gap2" text="" width={inner} />,
    ...(dialog.problem ? wrapped(dialog.problem, inner, 'problem', 'danger') : []),
    ...(dialog.stage === 'reading' ? wrapped('reading both paths…', inner, 'reading', 'accent') : []),
  ];
}

/** The plan between its heading and its counts, as much as fits, and the question. */
function previewLines(dialog: PromoteDialog, inner: number, rows: number): ReactNode[] {
  const { lines, question } = dialog.preview!;
  const head = wrapped(lines[0]!, inner, 'head', 'accent');
  const tail = [...wrapped(lines.at(-1)!, inner, 'counts'), gap(inner), ...wrapped(`${question} y/N`, inner, 'question', 'accent')];
  const plan = lines.slice(1, -1).flatMap((line, i) => wrapCells(terminalSafe(line), inner).map((piece, j) => ({ piece, key: `p${i}.${j}` })));
  const room = Math.max(1, rows - head.length - tail.length);
  if (plan.length <= room) return [...head, ...plan.map(({ piece, key }) => <SafeText key={key} text={piece} width={inner} />), ...tail];
  const shown = room - 1;
  const start = Math.min(dialog.scroll, plan.length - shown);
  const more = `… lines ${start + 1}–${start + shown} of ${plan.length}: j/k scroll`;
  return [
    ...head,
    ...plan.slice(start, start + shown).map(({ piece, key }) => <SafeText key={key} text={piece} width={inner} />),
    <SafeText key="more" text={more} width={inner} tone="muted" />,
    ...tail,
  ];
}
