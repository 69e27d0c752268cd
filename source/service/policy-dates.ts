import type { ParameterInlinePolicy } from '@aws-sdk/client-ssm';
import { POLICY_TYPES, schedulePolicies, type PolicyDocument } from '../shared/parameter-policy-schedule';
import type { ParameterPolicy } from './types';

/** A policy's text as a document, or undefined when an endpoint sent something else (moto sends objects). */
function documentOf(text: unknown): PolicyDocument | undefined {
  let parsed: unknown;
  try {
    parsed = typeof text === 'string' ? JSON.parse(text) : text;
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object') return undefined;
  const { Type, Attributes } = parsed as Record<string, unknown>;
  const known = typeof Type === 'string' && (POLICY_TYPES as readonly string[]).includes(Type);
  return known && Attributes !== null && typeof Attributes === 'object' ? (parsed as PolicyDocument) : undefined;
}

/**
 * A parameter's policies with the instant each falls due, computed from their text the way the
 * local engine's sweep computes it, so the CLI and TUI show the same date for AWS and local
 * parameters. A NoChangeNotification's date needs the version's last change.
 */
export function toPolicies(policies: readonly ParameterInlinePolicy[] | undefined, lastModified: Date | undefined): ParameterPolicy[] {
  const list = policies ?? [];
  const documents = list.map((p) => documentOf(p.PolicyText));
  const schedule = schedulePolicies(documents.filter((d) => d !== undefined), lastModified?.getTime() ?? Number.NaN);
  let next = 0;
  return list.map((p, i) => {
    const dueMs = documents[i] === undefined ? undefined : schedule[next++]!.dueMs;
    const text = typeof p.PolicyText === 'string' ? p.PolicyText : JSON.stringify(p.PolicyText ?? '');
    return {
      type: typeof p.PolicyType === 'string' ? p.PolicyType : (documents[i]?.Type ?? ''),
      status: p.PolicyStatus ?? '',
      text,
      ...(dueMs === undefined || Number.isNaN(dueMs) ? {} : { dueAt: new Date(dueMs) }),
    };
  });
}
