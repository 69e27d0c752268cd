import type { SdkService } from '../service/sdk-service';
import { ServiceError } from '../service/errors';
import type { ParameterPolicy } from '../service/types';
import { isoDate, note } from './output';

/** A policy in `--json` output: its type, status, due instant (null when it never falls due) and AWS's JSON text. */
export interface PolicyJson {
  type: string;
  status: string;
  dueAt: string | null;
  text: string;
}

/**
 * The parameter's current policies, or null when they cannot be read: `get` needs only
 * GetParameter, so a principal refused DescribeParameters still gets its value, with a note.
 */
export async function policiesOf(service: SdkService, name: string): Promise<ParameterPolicy[] | null> {
  try {
    return (await service.describeParameter(name))?.policies ?? [];
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    note(`the policies of ${name} are not shown: ${error.message}`);
    return null;
  }
}

/** The JSON form of each policy. */
export function policiesJson(policies: readonly ParameterPolicy[] | null): PolicyJson[] | null {
  return policies === null ? null : policies.map((p) => ({ type: p.type, status: p.status, dueAt: isoDate(p.dueAt), text: p.text }));
}

/** One stderr line per policy, so stdout stays the value alone for a script. */
export function notePolicies(name: string, policies: readonly ParameterPolicy[] | null): void {
  for (const p of policies ?? []) {
    const due = p.dueAt ? `falls due ${p.dueAt.toISOString()}` : 'never falls due';
    const what = p.type === 'Expiration' ? ` (deletes ${name})` : '';
    note(`policy ${p.type}: ${p.status}, ${due}${what}`);
  }
}
