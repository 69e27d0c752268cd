import { Box, Text } from 'ink';
import type { DetailLine } from '../render/detail-lines';
import type { ListCursor } from '../state/list-cursor';
import { Masked } from './Masked';
import { SafeText } from './SafeText';

/**
 * Draws the window of a detail view's lines that fits `height`; `j`/`k` scroll it. Text goes
 * through SafeText, secrets through Masked: a detail view has no other way to the screen.
 */
export function DetailView({ lines, scroll, height }: { lines: readonly DetailLine[]; scroll: ListCursor; height: number }) {
  // The cursor of a detail view is its top line: scrolling moves the window, not a selection.
  const start = Math.max(0, Math.min(scroll.cursor, lines.length - height));
  const below = lines.length - (start + height);
  // What does not fit is announced, never silently dropped.
  const shown: readonly DetailLine[] = below > 0
    ? [...lines.slice(start, start + height - 1), [{ text: `↓ ${below + 1} more lines`, tone: 'muted' }]]
    : lines.slice(start, start + height);
  return (
    <Box flexDirection="column" height={height}>
      {shown.map((line, i) => (
        <Text key={start + i} wrap="truncate">
          {line.map((segment, j) => ('masked' in segment ? <Masked key={j} /> : <SafeText key={j} text={segment.text} tone={segment.tone} bold={segment.bold} />))}
        </Text>
      ))}
    </Box>
  );
}

/** Where a detail view can scroll to: its top line never goes past the last screenful. */
export function scrollRange(lines: number, height: number): number {
  return Math.max(1, lines - height + 1);
}
