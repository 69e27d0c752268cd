import { DEFAULT_SETTINGS, type Settings } from './settings';

/** Settings given on the command line (commander's parsed options). */
export interface SettingFlags {
  target?: 'local' | 'aws';
  profile?: string;
  region?: string;
  home?: string;
  readOnly?: boolean;
}

/**
 * The effective settings: flags, then the environment, then the config file, then defaults —
 * the order every AWS tool uses, so `AWS_PROFILE=x paramdeck` does what a user expects.
 */
export function resolveSettings(flags: SettingFlags, env: NodeJS.ProcessEnv, stored: Partial<Settings>): Settings {
  const fromEnv: Partial<Settings> = {
    target: env.PARAMDECK_TARGET === 'aws' || env.PARAMDECK_TARGET === 'local' ? env.PARAMDECK_TARGET : undefined,
    home: env.PARAMDECK_HOME || undefined,
    profile: env.AWS_PROFILE || undefined,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined,
  };
  const layers: Partial<Settings>[] = [stored, fromEnv, flags as Partial<Settings>];
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return settings;
}
