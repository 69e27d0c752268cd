import { Text } from 'ink';
import { terminalSafe } from '../../text/terminal-safe';
import { cellWidth, fit } from '../render/text-fit';
import type { Theme } from '../theme/tokens';
import { useEnvironment } from '../ui-context';

/** A semantic colour token of the theme. */
export type Tone = Exclude<keyof Theme, 'name'>;

/** How a piece of text is emphasised; colour comes only from the theme's tokens. */
export interface TextStyle {
  readonly tone?: Tone | undefined;
  readonly bold?: boolean | undefined;
  readonly dim?: boolean | undefined;
  readonly inverse?: boolean | undefined;
}

interface SafeTextProps extends TextStyle {
  /** Untrusted text: a name, value, description, tag, label or error message. */
  readonly text: string;
  /** Fits the text to exactly this many cells (cut with a visible `…`, padded with spaces). */
  readonly width?: number | undefined;
  /** Right-aligns within `width` (numbers) when the text fits. */
  readonly align?: 'left' | 'right' | undefined;
  /** Character positions of `text` to show as filter matches. */
  readonly highlight?: readonly number[] | undefined;
}

/**
 * The one way untrusted text reaches the screen: it passes through terminalSafe first, so
 * escape sequences, controls and bidi overrides show as visible escapes and never act.
 */
export function SafeText({ text, width, align, highlight, tone, bold, dim, inverse }: SafeTextProps) {
  const { theme } = useEnvironment();
  const safe = terminalSafe(text);
  const shown = width === undefined ? safe : align === 'right' && cellWidth(safe) <= width ? safe.padStart(width) : fit(safe, width);
  const color = tone ? theme[tone] : undefined;
  // Match positions index the raw text; once escapes have shifted it they no longer line up.
  if (!highlight || highlight.length === 0 || safe !== text) {
    return <Text color={color} bold={bold} dimColor={dim} inverse={inverse}>{shown}</Text>;
  }
  return (
    <Text color={color} bold={bold} dimColor={dim} inverse={inverse}>
      {segments(shown, highlight).map((segment, i) =>
        segment.match ? <Text key={i} color={theme.match} bold underline={theme.name === 'mono'}>{segment.text}</Text> : segment.text,
      )}
    </Text>
  );
}

function segments(text: string, positions: readonly number[]): { text: string; match: boolean }[] {
  const marks = new Set(positions);
  const out: { text: string; match: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const match = marks.has(i);
    const last = out.at(-1);
    if (last && last.match === match) last.text += text[i];
    else out.push({ text: text[i]!, match });
  }
  return out;
}
