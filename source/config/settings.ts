import { join } from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';

/** The user's settings, as stored in the config file (every key optional there). */
export interface Settings {
  target: 'local' | 'aws';
  profile?: string;
  region?: string;
  home?: string;
  /** How long a revealed value stays on screen before it is masked again. */
  revealSeconds: number;
  /** How long a copied value stays on the clipboard before paramdeck clears it. */
  clipboardSeconds: number;
  theme: 'auto' | 'color' | 'mono';
  readOnly: boolean;
  /** The aws target's last profile@region contexts, most recent first, comma-separated (the switcher's list). */
  recentContexts?: string;
  /** Whether the aws target keeps its last listing in the local store to open at once. */
  metadataCache: boolean;
  /** Audit records older than this many days are pruned from the local store; unset keeps them all. */
  auditRetentionDays?: number;
}

/** Defaults when neither a flag, the environment nor the config file says otherwise. */
export const DEFAULT_SETTINGS: Readonly<Settings> = {
  target: 'local',
  revealSeconds: 30,
  clipboardSeconds: 45,
  theme: 'auto',
  readOnly: false,
  metadataCache: true,
};

/** The JSON schema conf validates every read and write against. */
export const SETTINGS_SCHEMA = {
  target: { type: 'string', enum: ['local', 'aws'] },
  profile: { type: 'string', minLength: 1 },
  region: { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-\\d+$' },
  home: { type: 'string', minLength: 1 },
  revealSeconds: { type: 'integer', minimum: 1, maximum: 3600 },
  clipboardSeconds: { type: 'integer', minimum: 1, maximum: 3600 },
  theme: { type: 'string', enum: ['auto', 'color', 'mono'] },
  readOnly: { type: 'boolean' },
  recentContexts: { type: 'string', pattern: '^[^,@\\s]*@[a-z]{2}(-[a-z]+)+-\\d+(,[^,@\\s]*@[a-z]{2}(-[a-z]+)+-\\d+)*$' },
  metadataCache: { type: 'boolean' },
  auditRetentionDays: { type: 'integer', minimum: 1, maximum: 36500 },
} as const;

/** The names `paramdeck config get|set` accepts. */
export const SETTING_KEYS = Object.keys(SETTINGS_SCHEMA) as (keyof Settings)[];

/** A config file that cannot be read or does not fit the schema: names the file. */
export class ConfigError extends Error {
  constructor(file: string, reason: string) {
    super(`the config file ${file} is not valid: ${reason}`);
    this.name = 'ConfigError';
  }
}

/** Where the config lives: PARAMDECK_CONFIG_DIR, else the OS config folder (~/.config/paramdeck). */
export function configDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.PARAMDECK_CONFIG_DIR || envPaths('paramdeck', { suffix: '' }).config;
}

/**
 * Opens the config store. conf validates the file against the schema on every read and write,
 * and runs `migrations` (keyed by the release that changes a key's meaning) when a file written
 * by an older release is opened. A broken file (bad JSON, a value outside the schema) is a
 * ConfigError naming it, never a crash.
 */
export function openSettings(env: NodeJS.ProcessEnv = process.env): Conf<Partial<Settings>> {
  const cwd = configDirectory(env);
  try {
    return new Conf<Partial<Settings>>({
      projectName: 'paramdeck',
      cwd,
      schema: SETTINGS_SCHEMA as never,
      projectVersion: SETTINGS_VERSION,
      migrations: {},
    });
  } catch (error) {
    throw new ConfigError(join(cwd, 'config.json'), error instanceof Error ? error.message : String(error));
  }
}

/** The settings format's version; bump it with a migration when a key changes meaning. */
const SETTINGS_VERSION = '1.0.0';
