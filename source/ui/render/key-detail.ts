import type { KeyDetail } from '../state/ui-state';
import { errorText } from '../state/ui-state';
import { DetailBuilder, type DetailLine } from './detail-lines';
import { age, shortTime } from './format';

/** The key detail view's lines: metadata, rotation status, then the key policy. */
export function keyDetailLines(detail: KeyDetail, aliases: readonly string[], width: number, now: Date): DetailLine[] {
  const { key } = detail;
  const b = new DetailBuilder(width);
  b.field('Aliases', aliases.join('\n'));
  b.field('Key ID', key.keyId, 'accent');
  b.field('ARN', key.arn);
  b.field('State', key.state, key.state === 'Enabled' ? 'success' : 'warning');
  b.field('Manager', key.manager);
  b.field('Origin', key.origin);
  b.field('Usage', key.usage);
  b.field('Spec', key.spec);
  b.field('Description', key.description);
  b.field('Created', key.creationDate ? shortTime(key.creationDate) : undefined);
  if (key.deletionDate) b.field('Deletion date', `${shortTime(key.deletionDate)} (${age(key.deletionDate, now)})`, 'danger');
  if (detail.rotationError) b.field('Rotation', errorText(detail.rotationError), 'danger');
  else if (detail.rotation) {
    const { enabled, periodDays, next } = detail.rotation;
    const when = [periodDays ? `every ${periodDays} days` : '', next ? `next ${shortTime(next)}` : ''].filter(Boolean).join(', ');
    b.field('Rotation', enabled ? `enabled${when ? ` (${when})` : ''}` : 'disabled');
  }
  b.blank().heading('Key policy');
  if (detail.policyError) b.text(errorText(detail.policyError), 'danger');
  else b.text(prettyPolicy(detail.policy ?? ''));
  return b.lines;
}

function prettyPolicy(policy: string): string {
  try {
    return JSON.stringify(JSON.parse(policy), null, 2);
  } catch {
    return policy;
  }
}
