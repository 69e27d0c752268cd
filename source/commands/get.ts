import type { Command } from 'commander';
import type { ParameterType } from '../service/types';
import { mergedOptions } from './merged-options';
import { notePolicies, policiesJson, policiesOf, type PolicyJson } from './parameter-policies';
import { withTargetOptions, type TargetOptions } from './options';
import { displayText, jsonText, note, stdoutIsTerminal, writeOut } from './output';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';
import { withTarget } from './with-target';

/** What stands in for a SecureString's value that was not decrypted: never the ciphertext. */
const MASK = '********';

interface GetOptions extends TargetOptions {
  decrypt?: boolean;
  json?: boolean;
}

/** `get --json`: the same members every time, `value` null when it stayed masked. */
export interface GetJson {
  name: string;
  type: ParameterType;
  version: number;
  value: string | null;
  masked: boolean;
  /** The parameter's current policies; null when DescribeParameters was refused. */
  policies: PolicyJson[] | null;
}

/** `paramdeck get NAME`: one value for a script, a SecureString's only with --decrypt; its policies on stderr. */
export function registerGet(program: Command): void {
  withTargetOptions(program.command('get'))
    .description("print a parameter's value (a SecureString's only with --decrypt)")
    .argument('<name>', 'the parameter; NAME:VERSION or NAME:LABEL picks a version')
    .option('--decrypt', 'decrypt a SecureString and print its value')
    .option('--json', 'print name, type, version, value and policies as JSON')
    .action(async (name: string, _flags: GetOptions, command: Command) => {
      const options = mergedOptions<GetOptions>(command);
      await runCommand(options.debug, () => printParameter(name, resolveOptions(options)));
    });
}

async function printParameter(name: string, options: GetOptions): Promise<void> {
  await withTarget(options, async ({ service }) => {
    if (options.decrypt) {
      const revealed = await service.reveal(name);
      const policies = await policiesOf(service, revealed.name);
      const text = revealed.plaintext();
      printValue(options, { name: revealed.name, type: revealed.type, version: revealed.version, value: text, masked: false, policies: policiesJson(policies) });
      if (!options.json) notePolicies(revealed.name, policies);
      return;
    }
    const parameter = await service.getParameter(name);
    const policies = await policiesOf(service, parameter.name);
    const masked = parameter.value.kind === 'masked';
    if (masked) note(`${parameter.name} is a SecureString: its value is masked; add --decrypt to print it`);
    const value = parameter.value.kind === 'plain' ? parameter.value.text : null;
    printValue(options, { name: parameter.name, type: parameter.type, version: parameter.version, value, masked, policies: policiesJson(policies) });
    if (!options.json) notePolicies(parameter.name, policies);
  });
}

/**
 * To a pipe the value is data and goes out byte for byte, with no newline added (`> cert.pem`
 * keeps the file exact; `$(…)` is unaffected). On a terminal it is display: sanitised, one newline.
 */
function printValue(options: GetOptions, result: GetJson): void {
  if (options.json) return writeOut(jsonText(result));
  const text = result.value ?? MASK;
  writeOut(stdoutIsTerminal() ? `${displayText(text)}\n` : text);
}
