import type { ParameterInput } from '../service/capabilities';
import { checkParameterName } from '../service/parameter-names';
import type { ParameterSummary } from '../service/types';

/** One PutParameter an import will make, and the parameter it adds a version to, if any. */
export interface PlannedPut {
  input: ParameterInput;
  existing?: ParameterSummary;
}

// Parameter Store's tier limits (names: service/parameter-names.ts), checked before the first
// write so a bad line cannot stop an import half-way. SSM checks them again; these only have to
// be at least as strict.
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
