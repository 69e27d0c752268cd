import { Box, Text } from 'ink';
import type { Binding, Category } from '../keys/keymap';
import { keysText, type PaneCommands } from '../keys/pane-commands';
import { fit } from '../render/text-fit';
import { useEnvironment } from '../ui-context';

const LEFT: readonly Category[] = ['navigation', 'panes'];
const RIGHT: readonly Category[] = ['values', 'changes', 'general'];
const KEYS_WIDTH = 10;

/**
 * The `?` overlay: every binding in force, generated from the keymap, grouped by category in two
 * columns; what the current screen cannot do is dimmed with its reason.
 */
export function HelpOverlay({ commands, width, height }: { commands: PaneCommands; width: number; height: number }) {
  const { bindings } = useEnvironment();
  const column = Math.floor((width - 2) / 2);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>Keys  <Text dimColor>(esc, ? or q closes)</Text></Text>
      <Box>
        <Box flexDirection="column" width={column + 2}>
          {LEFT.map((c) => <Group key={c} category={c} bindings={bindings} commands={commands} width={column} />)}
        </Box>
        <Box flexDirection="column" width={column}>
          {RIGHT.map((c) => <Group key={c} category={c} bindings={bindings} commands={commands} width={column} />)}
        </Box>
      </Box>
    </Box>
  );
}

function Group({ category, bindings, commands, width }: { category: Category; bindings: readonly Binding[]; commands: PaneCommands; width: number }) {
  const { theme } = useEnvironment();
  const members = bindings.filter((b) => b.category === category);
  if (members.length === 0) return null;
  return (
    <Box flexDirection="column">
      <Text bold color={theme.accent}>{category}</Text>
      {members.map((b) => {
        const command = commands[b.command];
        const reason = command && 'disabled' in command ? command.disabled : undefined;
        return (
          <Text key={b.command} wrap="truncate" dimColor={reason !== undefined}>
            <Text bold>{fit(keysText(b), KEYS_WIDTH)}</Text>
            {fit(reason ? `${b.description} (${reason})` : b.description, width - KEYS_WIDTH)}
          </Text>
        );
      })}
    </Box>
  );
}
