import { loadSharedConfigFiles } from '@smithy/core/config';

/** How a profile gets its credentials, as the switcher shows it (never the credentials themselves). */
export type ProfileKind = 'sso' | 'role' | 'keys' | 'process' | 'web-identity' | 'other';

/** One profile of the AWS config and credentials files. */
export interface AwsProfile {
  readonly name: string;
  /** The profile's own `region`, if it sets one. */
  readonly region?: string | undefined;
  readonly kind: ProfileKind;
}

/**
 * Every profile of `~/.aws/config` and `~/.aws/credentials` (or AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE), read by the SDK's own parser so `[profile x]`, `[x]` and
 * `[sso-session y]` sections mean what they mean to every AWS tool. Only names, regions and how
 * each profile signs in leave this function; key material is never read out of the entries.
 */
export async function listAwsProfiles(): Promise<AwsProfile[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)].filter(isProfileSection));
  return [...names].sort(defaultFirst).map((name) => {
    const config = configFile[name] ?? {};
    const credentials = credentialsFile[name] ?? {};
    const region = config.region ?? credentials.region;
    return { name, kind: kindOf({ ...credentials, ...config }), ...(region ? { region } : {}) };
  });
}

/** Typed sections (`sso-session.corp`, `services.x`) are not profiles. */
function isProfileSection(section: string): boolean {
  return !section.includes('.');
}

function defaultFirst(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'default') return -1;
  if (b === 'default') return 1;
  return a.localeCompare(b);
}

function kindOf(entry: Record<string, string | undefined>): ProfileKind {
  if (entry.sso_session || entry.sso_start_url) return 'sso';
  if (entry.role_arn && entry.web_identity_token_file) return 'web-identity';
  if (entry.role_arn) return 'role';
  if (entry.credential_process) return 'process';
  if (entry.aws_access_key_id) return 'keys';
  return 'other';
}
