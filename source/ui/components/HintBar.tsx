import { Text } from 'ink';
import type { CommandId } from '../keys/keymap';
import { hintedBindings, keysText, type PaneCommands } from '../keys/pane-commands';
import { dialogHints, type Dialog } from '../state/dialog';
import { useEnvironment } from '../ui-context';

// Always offered: whatever else is cut for width, the way to all keys and the way out stay.
const ESSENTIAL: ReadonlySet<CommandId> = new Set(['help', 'quit']);

/**
 * The bottom line, generated from the keymap: the keys this screen offers. When they do not all
 * fit, `?` and `q` stay, then what can act now, then the unavailable ones (dimmed); `?` lists all.
 */
export function HintBar({ commands, dialog, width }: { commands: PaneCommands; dialog?: Dialog | undefined; width: number }) {
  const { bindings, theme } = useEnvironment();
  if (dialog) return <DialogHints dialog={dialog} />;
  const items = hintedBindings(bindings, commands);
  const size = (item: (typeof items)[number]) => keysText(item.binding, false).length + item.binding.label.length + 3;
  const ranked = [
    ...items.filter((i) => ESSENTIAL.has(i.binding.command)),
    ...items.filter((i) => !ESSENTIAL.has(i.binding.command) && !i.disabled),
    ...items.filter((i) => !ESSENTIAL.has(i.binding.command) && i.disabled),
  ];
  const chosen = new Set<(typeof items)[number]>();
  let used = 0;
  for (const item of ranked) {
    if (used + size(item) > width) continue;
    chosen.add(item);
    used += size(item);
  }
  return (
    <Text wrap="truncate">
      {items.filter((i) => chosen.has(i)).map(({ binding, disabled }) => (
        <Text key={binding.command} dimColor={disabled}>
          <Text bold color={disabled ? undefined : theme.accent}>{keysText(binding, false)}</Text>
          <Text color={theme.muted}>{` ${binding.label}  `}</Text>
        </Text>
      ))}
    </Text>
  );
}

/** While a dialog is open only its own keys work, so only they are shown. */
function DialogHints({ dialog }: { dialog: Dialog }) {
  const { theme } = useEnvironment();
  return (
    <Text wrap="truncate">
      {dialogHints(dialog).map((hint) => (
        <Text key={hint.keys}>
          <Text bold color={theme.accent}>{hint.keys}</Text>
          <Text color={theme.muted}>{` ${hint.label}  `}</Text>
        </Text>
      ))}
    </Text>
  );
}
