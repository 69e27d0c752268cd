import { listAwsProfiles, type AwsProfile } from '../service/aws-profiles';
import type { ContextChoice } from '../ui/ui-context';
import { settingsFile } from './resolved-options';

/** How many contexts the switcher remembers. */
const RECENT = 8;

/** A context as the config remembers it: `profile@region`, the profile empty for the default chain. */
interface Remembered {
  profile?: string | undefined;
  region: string;
}

/** The switcher's list: the contexts used last (most recent first), then every profile of the AWS config files. */
export async function contextChoices(current: Remembered): Promise<ContextChoice[]> {
  const recent = readRecent().filter((c) => !same(c, current));
  const profiles = await listAwsProfiles();
  return [
    ...recent.map((c) => ({ ...c, label: labelOf(c), detail: 'recent' })),
    ...profiles.map((p) => ({ ...(p.name === 'default' ? {} : { profile: p.name }), region: p.region ?? current.region, label: labelOf({ profile: p.name, region: p.region ?? current.region }), detail: detailOf(p) })),
  ];
}

/** Puts `context` first in the remembered list (the config file's `recentContexts`). */
export function rememberContext(context: Remembered): void {
  const list = [context, ...readRecent().filter((c) => !same(c, context))].slice(0, RECENT);
  settingsFile().set('recentContexts', list.map((c) => `${c.profile ?? ''}@${c.region}`).join(','));
}

function readRecent(): Remembered[] {
  const value = settingsFile().get('recentContexts');
  if (typeof value !== 'string' || value === '') return [];
  return value.split(',').map((entry) => {
    const at = entry.lastIndexOf('@');
    const profile = entry.slice(0, at);
    return { ...(profile ? { profile } : {}), region: entry.slice(at + 1) };
  });
}

function same(a: Remembered, b: Remembered): boolean {
  return (a.profile ?? 'default') === (b.profile ?? 'default') && a.region === b.region;
}

function labelOf(context: Remembered): string {
  return `${context.profile ?? 'default'} · ${context.region}`;
}

function detailOf(profile: AwsProfile): string {
  const how = { sso: 'SSO', role: 'assume role', keys: 'access keys', process: 'credential process', 'web-identity': 'web identity', other: '' }[profile.kind];
  return [how, profile.region ? '' : '(no region of its own)'].filter(Boolean).join(' ');
}
