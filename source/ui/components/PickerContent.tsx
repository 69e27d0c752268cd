import type { ReactNode } from 'react';
import { terminalSafe } from '../../text/terminal-safe';
import type { PickerDialog } from '../state/picker-dialog';
import { SafeText } from './SafeText';

/** At most this many choices show at once; the list scrolls to keep the cursor in view. */
const VISIBLE = 12;

/** The picker's lines: one choice a line, the one under the cursor in reverse video. */
export function pickerContent(dialog: PickerDialog, inner: number): ReactNode[] {
  if (dialog.choices.length === 0) return [<SafeText key="none" text="nothing to choose from" width={inner} dim />];
  const first = Math.max(0, Math.min(dialog.cursor - Math.floor(VISIBLE / 2), dialog.choices.length - VISIBLE));
  return dialog.choices.slice(first, first + VISIBLE).map((choice, i) => {
    const index = first + i;
    const detail = choice.detail ? `  ${terminalSafe(choice.detail)}` : '';
    const text = `${index === dialog.cursor ? '›' : ' '} ${terminalSafe(choice.label)}${detail}`;
    return <SafeText key={index} text={text} width={inner} inverse={index === dialog.cursor} />;
  });
}
