import { Box, Text } from 'ink';
import type { CallerIdentity } from '../../service/types';
import { PANES, type PaneId } from '../state/ui-state';
import { useEnvironment } from '../ui-context';
import { SafeText } from './SafeText';

const PANE_TITLES: Record<PaneId, string> = { parameters: 'Parameters', keys: 'Keys', audit: 'Audit' };

/**
 * The top two lines: where the app is pointed and as whom (the store's account and principal,
 * or the AWS profile and region, then the identity STS reports), a read-only badge, and the
 * pane tabs with their number keys.
 */
export function Header({ pane, identity }: { pane: PaneId; identity: CallerIdentity | undefined }) {
  const { label, theme, readOnly } = useEnvironment();
  const facts =
    label.target === 'local'
      ? ['local', label.region, `account ${label.account ?? '-'}`, `as ${label.principal ?? '-'}`]
      : ['aws', label.profile ? `profile ${label.profile}` : 'default credentials', label.region];
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold color={theme.accent}>paramdeck</Text>
        <Text color={theme.muted}> · </Text>
        <SafeText text={facts.join(' · ')} />
        {identity ? <Text color={theme.muted}> · </Text> : null}
        {identity ? <SafeText text={identity.arn} tone="muted" /> : null}
        {readOnly ? <Text> <Text color={theme.warning} inverse bold> READ-ONLY </Text></Text> : null}
      </Text>
      <Text wrap="truncate">
        {PANES.map((id, i) => (
          <Text key={id}>
            {i > 0 ? <Text color={theme.muted}> │ </Text> : null}
            <Text inverse={id === pane} bold={id === pane} color={id === pane ? theme.accent : undefined}>{` ${i + 1} ${PANE_TITLES[id]} `}</Text>
          </Text>
        ))}
      </Text>
    </Box>
  );
}
