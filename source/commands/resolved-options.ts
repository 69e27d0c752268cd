import { resolveSettings } from '../config/resolve';
import { ConfigError, openSettings, SETTING_KEYS, type Settings, type SettingsFile } from '../config/settings';
import { CommandError, ExitCode } from './exit-codes';
import type { TargetOptions } from './options';

/** Target options after the settings precedence ran: the target and read-only mode are decided. */
export type ResolvedOptions<T extends TargetOptions> = T & {
  target: 'local' | 'aws';
  readOnly: boolean;
  /** Every effective setting, for commands that read more than the target (the TUI's theme, …). */
  settings: Settings;
};

/**
 * Applies the one precedence every command follows: flags, then the environment, then the
 * config file, then defaults (DESIGN.md, issue 9). Call it inside `runCommand`, so a broken
 * config file becomes one line naming the file and exit 1, not a stack trace. The region is an
 * AWS setting: for the local target only the flag counts (`init --region`), since a local store's
 * region is fixed when it is created.
 */
export function resolveOptions<T extends TargetOptions>(options: T, env: NodeJS.ProcessEnv = process.env): ResolvedOptions<T> {
  const settings = resolveSettings(
    { target: options.target, home: options.home, profile: options.profile, region: options.region, readOnly: options.readOnly },
    env,
    storedSettings(env),
  );
  const resolved: ResolvedOptions<T> = { ...options, target: settings.target, readOnly: settings.readOnly, settings };
  setOrDrop(resolved, 'home', settings.home);
  setOrDrop(resolved, 'profile', settings.profile);
  setOrDrop(resolved, 'region', settings.target === 'aws' ? settings.region : options.region);
  if (settings.auditRetentionDays !== undefined) resolved.auditRetentionDays = settings.auditRetentionDays;
  return resolved;
}

/**
 * The settings the config file holds. Only setting keys: conf keeps its own bookkeeping
 * (`__internal__`) in the same object.
 */
export function storedSettings(env: NodeJS.ProcessEnv = process.env): Partial<Settings> {
  const store = settingsFile(env).store as Record<string, unknown>;
  return Object.fromEntries(SETTING_KEYS.filter((key) => store[key] !== undefined).map((key) => [key, store[key]]));
}

/** The config file, or a CommandError naming it when it cannot be used (bad JSON, off-schema value). */
export function settingsFile(env: NodeJS.ProcessEnv = process.env): SettingsFile {
  try {
    return openSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CommandError(error.message, ExitCode.error);
    throw error;
  }
}

// Optional members stay absent rather than `undefined`, as the rest of the options are.
function setOrDrop<K extends 'home' | 'profile' | 'region'>(options: TargetOptions, key: K, value: string | undefined): void {
  if (value === undefined) delete options[key];
  else options[key] = value;
}
