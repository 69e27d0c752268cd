import { Box, Text } from 'ink';
import type { Binding, Category } from '../keys/keymap';
import { keysText, type PaneCommands } from '../keys/pane-commands';
import { fit } from '../render/text-fit';
import { useEnvironment } from '../ui-context';

const CATEGORIES: readonly Category[] = ['navigation', 'panes', 'values', 'changes', 'general'];
const KEYS_WIDTH = 10;

/** One line of the overlay: a category's heading or one of its bindings. */
type HelpLine = { readonly heading: Category } | { readonly binding: Binding };

/**
 * The `?` overlay: every binding in force, generated from the keymap, grouped by category in two
 * columns that flow when the categories do not fit whole (so an 80×24 terminal shows every key
 * with its heading); what the current screen cannot do is dimmed with its reason.
 */
export function HelpOverlay({ commands, width, height }: { commands: PaneCommands; width: number; height: number }) {
  const { bindings } = useEnvironment();
  const column = Math.floor((width - 2) / 2);
  const [left, right] = flow(helpLines(bindings), Math.max(1, height - 1));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>Keys  <Text dimColor>(esc, ? or q closes)</Text></Text>
      <Box>
        <Box flexDirection="column" width={column + 2}>
          {left.map((line, i) => <Line key={i} line={line} commands={commands} width={column} />)}
        </Box>
        <Box flexDirection="column" width={column}>
          {right.map((line, i) => <Line key={i} line={line} commands={commands} width={column} />)}
        </Box>
      </Box>
    </Box>
  );
}

function helpLines(bindings: readonly Binding[]): HelpLine[] {
  return CATEGORIES.flatMap((heading) => {
    const members = bindings.filter((b) => b.category === heading);
    return members.length === 0 ? [] : [{ heading }, ...members.map((binding) => ({ binding }))];
  });
}

/**
 * Splits the lines into two columns of at most `rows`: between two categories when one such split
 * fits (the most even one), else filling the left column first, never leaving a heading alone at
 * its foot.
 */
function flow(lines: readonly HelpLine[], rows: number): [HelpLine[], HelpLine[]] {
  const fits = (at: number) => at <= rows && lines.length - at <= rows;
  const boundaries = lines.flatMap((line, i) => (i > 0 && 'heading' in line && fits(i) ? [i] : []));
  let split = boundaries.sort((a, b) => Math.abs(2 * a - lines.length) - Math.abs(2 * b - lines.length))[0]
    ?? Math.min(rows, Math.max(Math.ceil(lines.length / 2), lines.length - rows));
  if (split > 0 && split < lines.length && 'heading' in lines[split - 1]!) split -= 1;
  return [lines.slice(0, split), lines.slice(split)];
}

function Line({ line, commands, width }: { line: HelpLine; commands: PaneCommands; width: number }) {
  const { theme } = useEnvironment();
  if ('heading' in line) return <Text bold color={theme.accent}>{line.heading}</Text>;
  const { binding } = line;
  const command = commands[binding.command];
  const reason = command && 'disabled' in command ? command.disabled : undefined;
  return (
    <Text wrap="truncate" dimColor={reason !== undefined}>
      <Text bold>{fit(keysText(binding), KEYS_WIDTH)}</Text>
      {fit(reason ? `${binding.description} (${reason})` : binding.description, width - KEYS_WIDTH)}
    </Text>
  );
}
