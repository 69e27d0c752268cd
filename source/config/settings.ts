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

/** The JSON schema every read and write of the config file is checked against. */
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
 * The config file. conf keeps the file (atomic writes, the `migrations` run when a file written
 * by an older release is opened); paramdeck checks every read and write against SETTINGS_SCHEMA
 * itself, because conf's own check compiles the schema with ajv, which cost more start-up time
 * than everything else the TUI does before its first frame.
 */
export class SettingsFile {
  constructor(private readonly conf: Conf<Partial<Settings>>) {}

  /** Every key in the file (conf's `__internal__` bookkeeping included), checked. */
  get store(): Partial<Settings> {
    const store = this.conf.store;
    assertSettings(store);
    return store;
  }

  get<K extends keyof Settings>(key: K): Partial<Settings>[K] {
    return this.store[key];
  }

  /** Stores one setting; a value outside the schema (checked here, so any value) throws and leaves the file alone. */
  set(key: keyof Settings, value: unknown): void {
    assertSettings({ [key]: value });
    this.conf.set(key, value as never);
  }

  delete(key: keyof Settings): void {
    this.conf.delete(key);
  }
}

/**
 * Opens the config file. A broken file (bad JSON, a value outside the schema) is a ConfigError
 * naming it, never a crash.
 */
export function openSettings(env: NodeJS.ProcessEnv = process.env): SettingsFile {
  const cwd = configDirectory(env);
  try {
    const conf = new Conf<Partial<Settings>>({ projectName: 'paramdeck', cwd, projectVersion: SETTINGS_VERSION, migrations: {} });
    assertSettings(conf.store);
    return new SettingsFile(conf);
  } catch (error) {
    throw new ConfigError(join(cwd, 'config.json'), error instanceof Error ? error.message : String(error));
  }
}

/** The settings format's version; bump it with a migration when a key changes meaning. */
const SETTINGS_VERSION = '1.0.0';

type Rule = { type: string; enum?: readonly string[]; minLength?: number; pattern?: string; minimum?: number; maximum?: number };

/** Throws one message naming every key of `data` that breaks SETTINGS_SCHEMA (other keys pass). */
function assertSettings(data: Record<string, unknown>): void {
  const problems = SETTING_KEYS.flatMap((key) => {
    const value = data[key];
    const problem = value === undefined ? undefined : breach(SETTINGS_SCHEMA[key], value);
    return problem ? [`\`${key}\` ${problem}`] : [];
  });
  if (problems.length > 0) throw new Error(`Config schema violation: ${problems.join('; ')}`);
}

function breach(rule: Rule, value: unknown): string | undefined {
  if (rule.type === 'boolean') return typeof value === 'boolean' ? undefined : 'must be boolean';
  if (rule.type === 'integer') {
    if (!Number.isInteger(value)) return 'must be integer';
    const number = value as number;
    if (rule.minimum !== undefined && number < rule.minimum) return `must be >= ${rule.minimum}`;
    if (rule.maximum !== undefined && number > rule.maximum) return `must be <= ${rule.maximum}`;
    return undefined;
  }
  if (typeof value !== 'string') return 'must be string';
  if (rule.enum && !rule.enum.includes(value)) return `must be one of ${rule.enum.join(', ')}`;
  if (rule.minLength !== undefined && value.length < rule.minLength) return `must NOT have fewer than ${rule.minLength} characters`;
  if (rule.pattern !== undefined && !new RegExp(rule.pattern, 'u').test(value)) return `must match pattern "${rule.pattern}"`;
  return undefined;
}
