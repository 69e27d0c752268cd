import type { ParameterInput } from '../service/capabilities';
import type { ParameterSummary } from '../service/types';

/** One PutParameter an import will make, and the parameter it adds a version to, if any. */
export interface PlannedPut {
  input: ParameterInput;
  existing?: ParameterSummary;
}

// Parameter Store's limits (AWS user guide, "Requirements and constraints for parameter names",
// and the tier limits), checked before the first write so a bad line cannot stop an import
// half-way. SSM checks them again; these only have to be at least as strict.
const NAME_CHARS = /^[a-zA-Z0-9_.\-/]+$/;
const MAX_LEVELS = 15;
const MAX_ARN_LENGTH = 1011;
const STANDARD_MAX = 4096;
const ADVANCED_MAX = 8192;

/**
 * Everything wrong with a planned import, one message per problem, naming the parameter and
 * never quoting a value. Empty when every put should succeed.
 */
export function checkImport(plan: readonly PlannedPut[], region: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { input, existing } of plan) {
    const canonical = input.name.replace(/^\/(?=[^/]*$)/, '');
    if (seen.has(canonical)) problems.push(`${input.name} appears twice in the file`);
    seen.add(canonical);
    const nameProblem = checkParameterName(input.name, region);
    if (nameProblem) problems.push(`${input.name}: ${nameProblem}`);
    if (input.value.length === 0) problems.push(`${input.name}: the value is empty, and Parameter Store keeps no empty values`);
    const limit = existing?.tier === 'Advanced' ? ADVANCED_MAX : STANDARD_MAX;
    if (input.value.length > limit) {
      problems.push(`${input.name}: the value has ${input.value.length} characters; a ${existing?.tier === 'Advanced' ? 'Advanced' : 'Standard'} parameter holds at most ${limit}`);
    }
  }
  return problems;
}

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
