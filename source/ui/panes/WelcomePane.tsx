import { Box, Text } from 'ink';
import { SafeText } from '../components/SafeText';
import { useEnvironment } from '../ui-context';

/**
 * What an empty store shows instead of an empty list: how to add a parameter, and the key that
 * loads the demo tree, so a first run is never a blank screen.
 */
export function WelcomePane({ height }: { height: number }) {
  const { label, theme, loadDemo, readOnly } = useEnvironment();
  const where = label.target === 'local' ? `The local store${label.home ? ` in ${label.home}` : ''}` : `AWS (${label.region})`;
  return (
    <Box flexDirection="column" height={height} paddingX={1}>
      <Text bold color={theme.accent}>Welcome to paramdeck</Text>
      <SafeText text={`${where} has no parameters yet.`} />
      <Text> </Text>
      {loadDemo && !readOnly ? (
        <Text>
          Press <Text bold color={theme.accent}>D</Text> to load the demo data: a few apps × dev/staging/prod, Strings,
          StringLists and SecureStrings under two keys, and an <Text bold>auditor</Text> who may not decrypt them all.
        </Text>
      ) : (
        <Text color={theme.muted}>{readOnly ? 'The demo data cannot be loaded in --read-only mode.' : 'Run `paramdeck demo` to load the demo data.'}</Text>
      )}
      <Text> </Text>
      <Text>Or add a parameter from any AWS client:</Text>
      {label.target === 'local' ? <Text color={theme.muted}>  paramdeck serve &amp;   # then, in another shell:</Text> : null}
      {label.target === 'local' ? <Text color={theme.muted}>  eval &quot;$(paramdeck env)&quot;</Text> : null}
      <Text color={theme.muted}>  aws ssm put-parameter --name /myapp/dev/greeting --value hello --type String</Text>
      <Text> </Text>
      <Text color={theme.muted}>
        {label.target === 'local' ? 'This screen notices changes to the store by itself; R refreshes now.' : 'R refreshes.'}
      </Text>
    </Box>
  );
}
