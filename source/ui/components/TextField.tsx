import { Text } from 'ink';
import { terminalSafe } from '../../text/terminal-safe';
import { cellWidth, fit } from '../render/text-fit';
import type { TextInput } from '../state/text-input';
import { useEnvironment } from '../ui-context';
import { MASK, Masked } from './Masked';
import { SafeText } from './SafeText';

interface TextFieldProps {
  readonly label: string;
  readonly labelWidth: number;
  readonly input: TextInput;
  readonly focused: boolean;
  /** Cells the whole line takes, label included: it is padded to exactly this. */
  readonly width: number;
  /** A SecureString's value: only the fixed mask shows, whatever was typed. */
  readonly masked?: boolean | undefined;
  /** Shown, muted, while the field is empty. */
  readonly placeholder?: string | undefined;
}

/**
 * One labelled line of a form. The text goes through the terminal-safe path (a pasted line break
 * shows as `\x0a`); when it is wider than the field, the part before the cursor is cut from the
 * left. A masked field draws the fixed mask once anything is typed: neither the text nor its
 * length reaches the screen.
 */
export function TextField({ label, labelWidth, input, focused, width, masked, placeholder }: TextFieldProps) {
  const { theme } = useEnvironment();
  const head = <Text color={focused ? theme.accent : theme.muted} bold={focused}>{fit(`${focused ? '›' : ' '} ${label}`, labelWidth)}</Text>;
  const room = Math.max(1, width - labelWidth);
  const cursor = focused ? <Text inverse> </Text> : null;
  const cursorCells = focused ? 1 : 0;
  if (input.text === '') {
    // The cursor sits on the placeholder's first character, so empty and filled fields line up.
    const hint = fit(placeholder ?? '', room);
    return (
      <Text wrap="truncate">
        {head}
        <Text color={theme.muted} inverse={focused}>{hint.slice(0, 1) || ' '}</Text>
        <Text color={theme.muted}>{hint.slice(1)}</Text>
      </Text>
    );
  }
  if (masked) {
    return (
      <Text wrap="truncate">
        {head}
        <Masked />
        {cursor}
        {' '.repeat(Math.max(0, room - MASK.length - cursorCells))}
      </Text>
    );
  }
  const chars = [...input.text];
  const under = chars[input.cursor];
  const shownUnder = under === undefined ? ' ' : terminalSafe(under);
  const before = visibleBefore(terminalSafe(chars.slice(0, input.cursor).join('')), room - cellWidth(shownUnder));
  const rest = room - cellWidth(before) - cellWidth(shownUnder);
  return (
    <Text wrap="truncate">
      {head}
      <SafeText text={before} />
      <SafeText text={shownUnder} inverse={focused} />
      <SafeText text={terminalSafe(chars.slice(input.cursor + 1).join(''))} width={Math.max(0, rest)} />
    </Text>
  );
}

/** The end of the text before the cursor that fits, with `…` where the start was cut. */
function visibleBefore(before: string, width: number): string {
  if (cellWidth(before) <= width) return before;
  const chars = [...before];
  let start = chars.length;
  let used = 1;
  while (start > 0 && used + cellWidth(chars[start - 1]!) <= width) used += cellWidth(chars[--start]!);
  return `…${chars.slice(start).join('')}`;
}
