import { Text } from 'ink';
import { useEnvironment } from '../ui-context';

/** The mask: always eight bullets, so its width says nothing about the secret's length. */
export const MASK = '••••••••';

/**
 * The only thing a SecureString's value ever renders as. It takes no value at all: there is
 * nothing here a bug could print by mistake.
 */
export function Masked({ width, inverse }: { readonly width?: number | undefined; readonly inverse?: boolean | undefined }) {
  const { theme } = useEnvironment();
  const pad = width === undefined ? '' : ' '.repeat(Math.max(0, width - MASK.length));
  return <Text color={theme.secret} inverse={inverse}>{(width !== undefined && width < MASK.length ? MASK.slice(0, width) : MASK) + pad}</Text>;
}
