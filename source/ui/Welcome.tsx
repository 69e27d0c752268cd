import { Box, Text, useApp, useInput } from 'ink';
import { terminalSafe } from '../text/terminal-safe';

/** What the first screen knows about the store it opened. */
export interface WelcomeProps {
  home: string;
  accountId: string;
  region: string;
  parameterCount: number;
}

/** The first screen until the browser panes land: where the store is and how to use it now. */
export function Welcome({ home, accountId, region, parameterCount }: WelcomeProps) {
  const { exit } = useApp();
  useInput((input, key) => {
    if (input === 'q' || key.escape) exit();
  });
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>paramdeck · local store</Text>
      <Text>
        {terminalSafe(home)} · account {accountId} · {region} · {parameterCount} parameter{parameterCount === 1 ? '' : 's'}
      </Text>
      <Box marginTop={1} flexDirection="column">
        <Text>The browser panes are being built. Today the store answers real AWS clients:</Text>
        <Text>  paramdeck serve &amp;</Text>
        <Text>  eval "$(paramdeck env)"</Text>
        <Text>  aws ssm put-parameter --name /demo/greeting --value hello --type String</Text>
        <Text>  aws ssm get-parameters-by-path --path / --recursive</Text>
      </Box>
      <Box marginTop={1}>
        <Text dimColor>q quit</Text>
      </Box>
    </Box>
  );
}
