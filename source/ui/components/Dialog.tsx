import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { wrapCells } from '../render/text-fit';
import { terminalSafe } from '../../text/terminal-safe';
import type { ConfirmDialog, Dialog as DialogState } from '../state/dialog';
import { useEnvironment } from '../ui-context';
import { SafeText } from './SafeText';
import { pickerContent } from './PickerContent';
import { promoteContent } from './PromoteDialogContent';
import { parameterFormContent, promptContent } from './WriteDialogContent';

const MAX_WIDTH = 72;

/**
 * The open dialog, drawn in a bordered box over the middle of the body. Every line is padded to
 * the box's width so the pane underneath never shows through it.
 */
export function Dialog({ dialog, body, width, height }: { dialog: DialogState; body: ReactNode; width: number; height: number }) {
  const boxWidth = Math.min(MAX_WIDTH, Math.max(20, width - 4));
  const inner = boxWidth - 4;
  const content = dialogContent(dialog, inner, height - 2);
  const top = Math.max(0, Math.floor((height - content.length - 2) / 2));
  return (
    <Box height={height} flexDirection="column">
      {body}
      <Box position="absolute" marginTop={top} marginLeft={Math.max(0, Math.floor((width - boxWidth) / 2))} width={boxWidth} flexDirection="column">
        <Frame dialog={dialog} inner={inner}>{content}</Frame>
      </Box>
    </Box>
  );
}

/** The lines inside the box for each kind of dialog, in at most `rows` lines where a kind can be tall. */
function dialogContent(dialog: DialogState, inner: number, rows: number): ReactNode[] {
  switch (dialog.kind) {
    case 'parameter-form':
      return parameterFormContent(dialog, inner);
    case 'prompt':
      return promptContent(dialog, inner);
    case 'picker':
      return pickerContent(dialog, inner);
    case 'promote':
      return promoteContent(dialog, inner, rows);
    case 'confirm':
      return confirmContent(dialog, inner);
  }
}

function confirmContent(dialog: ConfirmDialog, inner: number): ReactNode[] {
  // Facts wrap rather than being cut: a long ARN or key id must be read whole before saying yes.
  const wrapped = (text: string, key: string, tone?: 'accent') =>
    wrapCells(terminalSafe(text), inner).map((piece, j) => <SafeText key={`${key}.${j}`} text={piece} width={inner} tone={tone} bold={tone !== undefined} />);
  return [
    ...dialog.lines.flatMap((text, i) => wrapped(text, `f${i}`)),
    <SafeText key="gap" text="" width={inner} />,
    ...wrapped(`${dialog.question} y/N`, 'q', 'accent'),
  ];
}

function Frame({ dialog, inner, children }: { dialog: DialogState; inner: number; children: ReactNode[] }) {
  const { theme } = useEnvironment();
  const color = 'danger' in dialog && dialog.danger ? theme.danger : theme.accent;
  const title = ` ${terminalSafe(dialog.title)} `.slice(0, inner);
  return (
    <Box flexDirection="column">
      <Text color={color}>{`╭─${title}${'─'.repeat(Math.max(0, inner - title.length))}─╮`}</Text>
      {children.map((child, i) => (
        <Text key={i}>
          <Text color={color}>│ </Text>
          {child}
          <Text color={color}> │</Text>
        </Text>
      ))}
      <Text color={color}>{`╰${'─'.repeat(inner + 2)}╯`}</Text>
    </Box>
  );
}
