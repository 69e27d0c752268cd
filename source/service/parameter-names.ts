// Parameter Store's name rules (AWS user guide, "Requirements and constraints for parameter
// names"), checked before a first write so a bad name cannot stop a batch (import, promote)
// half-way. SSM checks them again; these only have to be at least as strict.
const NAME_CHARS = /^[a-zA-Z0-9_.\-/]+$/;
const MAX_LEVELS = 15;
const MAX_ARN_LENGTH = 1011;

/** Why Parameter Store would refuse `name` (a full path), or undefined when it would not. */
export function checkParameterName(name: string, region: string): string | undefined {
  if (!NAME_CHARS.test(name)) return 'a name may use only letters, digits and . - _ /';
  const segments = name.slice(1).split('/');
  if (segments.some((segment) => segment === '')) return 'a name has no empty levels (// or a trailing /)';
  if (/^(aws|ssm)/i.test(segments[0]!)) return 'a name may not begin with "aws" or "ssm" (any case)';
  if (segments.length > MAX_LEVELS) return `a name has at most ${MAX_LEVELS} levels`;
  // The ARN counts: arn:aws:ssm:<region>:<12-digit account>:parameter/<name without its slash>.
  const arnLength = `arn:aws:ssm:${region}:123456789012:parameter/`.length + name.length - 1;
  if (arnLength > MAX_ARN_LENGTH) return `the name is too long (with its ARN, at most ${MAX_ARN_LENGTH} characters)`;
  return undefined;
}
