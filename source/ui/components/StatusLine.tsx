import { Box, Text } from 'ink';
import { useSpinner } from '../hooks/use-timers';
import { count } from '../render/format';
import type { Flash } from '../state/ui-state';
import { SafeText } from './SafeText';

/** What is loading right now, for the spinner line. */
export interface Loading {
  readonly what: string;
  readonly seen: number;
}

/**
 * The line above the hint bar: a flash message (errors in the danger colour with AWS's own
 * text), else what is loading with a spinner and the count so far; the list position on the right.
 */
export function StatusLine({ flash, loading, position }: { flash: Flash | undefined; loading: Loading | undefined; position: string }) {
  const frame = useSpinner(loading !== undefined);
  return (
    <Box justifyContent="space-between">
      <Box flexShrink={1}>
        {flash ? (
          <Text wrap="truncate">
            <SafeText text={flash.text} tone={flash.tone === 'error' ? 'danger' : 'accent'} />
          </Text>
        ) : loading ? (
          <Text wrap="truncate">
            <SafeText text={`${frame} loading ${loading.what}… ${count(loading.seen)}`} tone="accent" />
          </Text>
        ) : (
          <Text> </Text>
        )}
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        <Text dimColor>{position}</Text>
      </Box>
    </Box>
  );
}
