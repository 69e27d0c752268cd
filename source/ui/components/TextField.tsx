import { Text } from 'ink';
import { terminalSafe } from '../../text/terminal-safe';
import { cellWidth } from '../render/text-fit';
import type { TextInput } from '../state/text-input';
import { useEnvironment } from '../ui-context';
import { Masked } from './Masked';
import { SafeText } from './SafeText';

interface TextFieldProps {
  readonly label: string;
  readonly labelWidth: number;
  readonly input: TextInput;
  readonly focused: boolean;
  /** Cells the text may take after the label. */
  readonly width: number;
  /** A SecureString's value: only the fixed mask shows, whatever was typed. */
  readonly masked?: boolean | undefined;
  /** Shown, muted, while the field is empty. */
  readonly placeholder?: string | undefined;
}

/**
 * One labelled line of a form. The text goes through the terminal-safe path (a pasted line break
 * shows as `\x0a`); when it is wider than the field, the part around the cursor shows. A masked
 * field draws the fixed mask once anything is typed: neither the text nor its length reaches
 * the screen.
 */
export function TextField({ label, labelWidth, input, focused, width, masked, placeholder }: TextFieldProps) {
  const { theme } = useEnvironment();
  const head = <Text color={focused ? theme.accent : theme.muted} bold={focused}>{`${focused ? '›' : ' '} ${label}`.padEnd(labelWidth)}</Text>;
  const cursor = focused ? <Text inverse> </Text> : null;
  if (input.text === '') {
    return (
      <Text wrap="truncate">
        {head}
        {cursor}
        {placeholder ? <Text color={theme.muted}>{` ${placeholder}`}</Text> : null}
      </Text>
    );
  }
  if (masked) {
    return (
      <Text wrap="truncate">
        {head}
        <Masked />
        {cursor}
      </Text>
    );
  }
  const chars = [...input.text];
  const before = terminalSafe(chars.slice(0, input.cursor).join(''));
  const under = chars[input.cursor];
  const after = terminalSafe(chars.slice(input.cursor + 1).join(''));
  const shown = visibleBefore(before, focused ? width - 1 : width);
  return (
    <Text wrap="truncate">
      {head}
      <SafeText text={shown} />
      {focused ? <SafeText text={under === undefined ? ' ' : terminalSafe(under)} inverse /> : under === undefined ? null : <SafeText text={under} />}
      <SafeText text={after} />
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
