import { Argument, type Command } from 'commander';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, SETTING_KEYS, SETTINGS_SCHEMA, configDirectory, type Settings, type SettingsFile } from '../config/settings';
import { CommandError, ExitCode } from './exit-codes';
import { mergedOptions } from './merged-options';
import { displayText, jsonText, writeOut } from './output';
import { settingsFile, storedSettings } from './resolved-options';
import { runCommand } from './run';

type SettingKey = keyof Settings;

interface ConfigOptions {
  debug?: boolean;
  json?: boolean;
}

/** What each key means, shown by `config --help`; the README's table says the same. */
const MEANINGS: Record<SettingKey, string> = {
  target: 'default target when neither --target nor PARAMDECK_TARGET says',
  profile: 'AWS profile for the aws target (AWS_PROFILE and --profile win)',
  region: 'AWS region for the aws target (AWS_REGION, AWS_DEFAULT_REGION and --region win)',
  home: 'local store folder (PARAMDECK_HOME and --home win)',
  revealSeconds: 'seconds a revealed value stays on screen',
  clipboardSeconds: 'seconds before a copied value is cleared from the clipboard',
  theme: 'auto (colour unless NO_COLOR), color or mono',
  readOnly: 'true hides and refuses every mutating action, as --read-only does',
  recentContexts: 'aws target: the last profile@region contexts the TUI switched to (P), most recent first',
  metadataCache: 'aws target: keep the last listing (metadata, never values) in the local store and open from it',
  auditRetentionDays: 'days the local audit trail keeps records (unset: forever); older ones are pruned',
};

/** `paramdeck config get|set|unset|path`: the settings file, validated against its schema. */
export function registerConfig(program: Command): void {
  const config = program
    .command('config')
    .description('show or change settings (a JSON file validated against a schema)')
    .addHelpText('after', `\nKeys:\n${SETTING_KEYS.map((key) => `  ${key.padEnd(20)}${MEANINGS[key]}`).join('\n')}\n`);
  const key = () => new Argument('<key>', 'a setting name').choices(SETTING_KEYS);

  config
    .command('get')
    .description('print a setting (the file\'s value, else the default), or every setting')
    .addArgument(new Argument('[key]', 'a setting name').choices(SETTING_KEYS))
    .option('--json', 'print as JSON')
    .action(async (name: SettingKey | undefined, _flags: ConfigOptions, command: Command) => {
      const options = mergedOptions<ConfigOptions>(command);
      await runCommand(options.debug, () => printSettings(name, options));
    });
  config
    .command('set')
    .description('store a setting in the config file')
    .addArgument(key())
    .argument('<value>', 'the new value')
    .action(async (name: SettingKey, value: string, _flags: ConfigOptions, command: Command) => {
      await runCommand(mergedOptions<ConfigOptions>(command).debug, () => setSetting(name, value));
    });
  config
    .command('unset')
    .description('remove a setting from the config file (its default applies again)')
    .addArgument(key())
    .action(async (name: SettingKey, _flags: ConfigOptions, command: Command) => {
      await runCommand(mergedOptions<ConfigOptions>(command).debug, () => {
        editSettings((settings) => settings.delete(name));
      });
    });
  config
    .command('path')
    .description('print where the config file is (it works even when the file is broken)')
    .action(() => writeOut(`${displayText(configPath())}\n`));
}

function printSettings(name: SettingKey | undefined, options: ConfigOptions): void {
  const effective: Partial<Settings> = { ...DEFAULT_SETTINGS, ...storedSettings() };
  if (name !== undefined) {
    const value = effective[name];
    if (options.json) return writeOut(jsonText(value ?? null));
    if (value !== undefined) writeOut(`${displayText(String(value))}\n`);
    return;
  }
  if (options.json) return writeOut(jsonText(Object.fromEntries(SETTING_KEYS.map((key) => [key, effective[key] ?? null]))));
  writeOut(SETTING_KEYS.map((key) => `${key}=${displayText(String(effective[key] ?? ''))}\n`).join(''));
}

function setSetting(name: SettingKey, text: string): void {
  const value = parseValue(name, text);
  editSettings((settings) => {
    try {
      settings.set(name, value);
    } catch {
      throw new CommandError(`invalid value for ${name}: expected ${accepted(name)}`, ExitCode.usage);
    }
  });
}

/** Opens the file (a broken one is one clear line naming it) and applies `change`. */
function editSettings(change: (settings: SettingsFile) => void): void {
  change(settingsFile());
}

/** The command line gives text; the schema decides whether it is a number, a boolean or a string. */
function parseValue(name: SettingKey, text: string): unknown {
  const schema = SETTINGS_SCHEMA[name] as { type: string };
  if (schema.type === 'integer') {
    if (!/^-?\d+$/.test(text)) throw new CommandError(`invalid value for ${name}: expected ${accepted(name)}`, ExitCode.usage);
    return Number(text);
  }
  if (schema.type === 'boolean') {
    if (text !== 'true' && text !== 'false') throw new CommandError(`invalid value for ${name}: expected true or false`, ExitCode.usage);
    return text === 'true';
  }
  return text;
}

/** What a key accepts, in words, from the same schema the file is checked against. */
function accepted(name: SettingKey): string {
  const schema = SETTINGS_SCHEMA[name] as { type: string; enum?: readonly string[]; minimum?: number; maximum?: number };
  if (schema.enum) return `one of ${schema.enum.join(', ')}`;
  if (schema.type === 'integer') return `a whole number from ${schema.minimum} to ${schema.maximum}`;
  if (schema.type === 'boolean') return 'true or false';
  if (name === 'region') return 'an AWS region such as eu-west-1';
  return 'a non-empty text';
}

function configPath(): string {
  return join(configDirectory(), 'config.json');
}
