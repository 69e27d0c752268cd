import { Text } from 'ink';
import { count } from '../render/format';
import type { TextFilter } from '../state/text-filter';
import { useEnvironment } from '../ui-context';
import { SafeText } from './SafeText';

/** The `/` prompt: what is typed, a cursor while editing, and how many entries match. */
export function FilterPrompt({ filter, matches }: { filter: TextFilter; matches: number }) {
  const { theme } = useEnvironment();
  return (
    <Text wrap="truncate">
      <Text bold color={theme.accent}>/</Text>
      <SafeText text={filter.query} />
      {filter.editing ? <Text inverse> </Text> : null}
      <Text color={theme.muted}>{`  ${count(matches)} match${matches === 1 ? '' : 'es'}${filter.editing ? ' · enter open · esc clear' : ' · esc clear'}`}</Text>
    </Text>
  );
}
