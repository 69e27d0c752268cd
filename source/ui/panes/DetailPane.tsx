import { Box, Text } from 'ink';
import { DetailView } from '../components/DetailView';
import { SafeText } from '../components/SafeText';
import type { DetailLine } from '../render/detail-lines';
import type { UiState } from '../state/ui-state';
import { useEnvironment } from '../ui-context';

/** Lines the detail view's text may use under its title. */
export function detailTextHeight(height: number): number {
  return Math.max(1, height - 1);
}

/**
 * One parameter at full width: all metadata, labels, tags, description, and the value (shown
 * for String and StringList, masked for SecureString), scrolled with `j`/`k` when it is long.
 */
export function DetailPane({ state, lines, height }: { state: UiState; lines: readonly DetailLine[]; height: number }) {
  const { theme } = useEnvironment();
  const view = state.parameters;
  const resource = state.resources.detail;
  const status = resource?.status === 'loading' ? 'loading…' : resource?.status === 'failed' ? 'could not load' : '';
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>Parameter </Text>
        <SafeText text={view.selected ?? ''} tone="accent" bold />
        <Text color={resource?.status === 'failed' ? theme.danger : theme.muted}>{status ? `  ${status}` : ''}</Text>
      </Text>
      <DetailView lines={lines} scroll={view.detail} height={detailTextHeight(height)} />
    </Box>
  );
}
