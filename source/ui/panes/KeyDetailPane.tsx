import { Box, Text } from 'ink';
import { DetailView } from '../components/DetailView';
import { SafeText } from '../components/SafeText';
import type { DetailLine } from '../render/detail-lines';
import type { UiState } from '../state/ui-state';
import { useEnvironment } from '../ui-context';
import { detailTextHeight } from './DetailPane';

/** One KMS key: its metadata, rotation status and key policy, scrolled with `j`/`k`. */
export function KeyDetailPane({ state, lines, height }: { state: UiState; lines: readonly DetailLine[]; height: number }) {
  const { theme } = useEnvironment();
  const resource = state.resources.keyDetail;
  const status = resource?.status === 'loading' ? 'loading…' : resource?.status === 'failed' ? 'could not load' : '';
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>Key </Text>
        <SafeText text={state.keys.selected ?? ''} tone="accent" bold />
        <Text color={resource?.status === 'failed' ? theme.danger : theme.muted}>{status ? `  ${status}` : ''}</Text>
      </Text>
      <DetailView lines={lines} scroll={state.keys.detail} height={detailTextHeight(height)} />
    </Box>
  );
}
