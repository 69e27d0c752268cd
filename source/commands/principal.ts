import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import type { Engine } from '../engine/engine';
import { ADMIN_PRINCIPAL } from '../engine/identity/bootstrap';
import { createAccessKey, deleteAccessKey, listAccessKeys, setAccessKeyStatus } from '../engine/identity/access-keys';
import { checkIdentityPolicy, deletePrincipalPolicy, listPrincipalPolicies, putPrincipalPolicy } from '../engine/identity/policies';
import { createPrincipal, deletePrincipal, listPrincipals, principalRow } from '../engine/identity/principals';
import { openLocalEngine } from '../target';
import { CommandError, ExitCode } from './exit-codes';
import { mergedOptions } from './merged-options';
import { withTargetOptions, type TargetOptions } from './options';
import { jsonText, writeOut } from './output';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';
import { line, table } from './text-table';

interface PrincipalOptions extends TargetOptions {
  policy?: string;
  policyName?: string;
  json?: boolean;
  create?: boolean;
  activate?: string;
  deactivate?: string;
  delete?: string;
}

/**
 * `paramdeck principal …`: the local store's identities, their access keys and their IAM-JSON
 * identity policies. This is local administration (on AWS, IAM does it), so it works on the
 * store directly; secrets are never printed here (`paramdeck env --principal NAME` prints a key).
 */
export function registerPrincipal(program: Command): void {
  const principal = program.command('principal').description('local identities, their access keys and IAM-JSON identity policies');
  const sub = (name: string, description: string) => withTargetOptions(principal.command(name)).description(description);
  const action =
    (body: (engine: Engine, args: string[], options: PrincipalOptions) => void, mutates: (options: PrincipalOptions) => boolean) =>
    async (...received: unknown[]) => {
      const command = received.at(-1) as Command;
      const options = mergedOptions<PrincipalOptions>(command);
      await runCommand(options.debug, async () => {
        const resolved = resolveOptions(options);
        if (resolved.target === 'aws') throw new CommandError('principals belong to the local store; on AWS, manage users with IAM', ExitCode.usage);
        if (mutates(resolved) && resolved.readOnly) throw new CommandError(`principal ${command.name()} is refused: paramdeck runs with --read-only`, ExitCode.accessDenied);
        const engine = await openLocalEngine(resolved);
        try {
          body(engine, received.slice(0, -2) as string[], resolved);
        } finally {
          engine.close();
        }
      });
    };

  sub('create', 'create a principal with one active access key (and an identity policy)')
    .argument('<name>', 'IAM user name: letters, digits and +=,.@_-')
    .option('--policy <file>', 'IAM JSON identity policy to attach')
    .option('--policy-name <name>', 'name of that policy (default: the file name)')
    .action(action(create, always));
  sub('attach', 'attach (or replace) an IAM JSON identity policy')
    .argument('<name>', 'the principal')
    .requiredOption('--policy <file>', 'IAM JSON identity policy')
    .option('--policy-name <name>', 'name of the policy (default: the file name); one of that name is replaced')
    .action(action((engine, [name], options) => attach(engine, name!, options), always));
  sub('detach', 'remove one identity policy from a principal')
    .argument('<name>', 'the principal')
    .argument('<policy-name>', 'the policy')
    .action(action((engine, [name, policyName]) => {
      deletePrincipalPolicy(engine, name!, policyName!);
      writeOut(line(`detached ${policyName} from ${name}`));
    }, always));
  sub('list', 'list principals with their keys and policies')
    .option('--json', 'print them as JSON, policy documents included')
    .action(action((engine, _args, options) => list(engine, options), never));
  sub('delete', 'delete a principal, its access keys and its policies')
    .argument('<name>', 'the principal')
    .action(action((engine, [name]) => remove(engine, name!), always));
  sub('keys', "list a principal's access keys, or create, activate, deactivate or delete one")
    .argument('<name>', 'the principal')
    .option('--create', 'create a new active key')
    .option('--activate <id>', 'turn a key back on')
    .option('--deactivate <id>', 'turn a key off (requests signed with it are refused)')
    .option('--delete <id>', 'delete a key')
    .action(action((engine, [name], options) => keys(engine, name!, options), changesKeys));
}

const always = () => true;
const never = () => false;
const changesKeys = (o: PrincipalOptions) => [o.create, o.activate, o.deactivate, o.delete].some((flag) => flag !== undefined);

/** A policy file's text and the name it is attached under. */
function readPolicyFile(file: string, policyName: string | undefined): { name: string; document: string } {
  let document: string;
  try {
    document = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const fromFile = basename(file, extname(file)).replace(/[^\w+=,.@-]/g, '-');
  return { name: policyName ?? (fromFile || 'policy'), document };
}

function create(engine: Engine, [name]: string[], options: PrincipalOptions): void {
  const policy = options.policy === undefined ? undefined : readPolicyFile(options.policy, options.policyName);
  // Checked before anything is created, so a bad policy leaves no principal behind.
  if (policy) checkIdentityPolicy(policy.document);
  const { principal, key } = engine.transaction(() => {
    const made = createPrincipal(engine, name!);
    if (policy) putPrincipalPolicy(engine, made.name, policy.name, policy.document);
    return { principal: made, key: createAccessKey(engine, made.name) };
  });
  writeOut(line(`created ${principal.name} (${principal.arn})`));
  writeOut(line(`access key ${key.accessKeyId}: \`paramdeck env --principal ${principal.name}\` prints it with its secret`));
  writeOut(line(policy ? `policy ${policy.name} attached` : 'no policy attached: every request is denied until one is (`paramdeck principal attach`)'));
}

function attach(engine: Engine, name: string, options: PrincipalOptions): void {
  const policy = readPolicyFile(options.policy!, options.policyName);
  putPrincipalPolicy(engine, name, policy.name, policy.document);
  writeOut(line(`attached ${policy.name} to ${principalRow(engine, name).name}`));
}

function list(engine: Engine, options: PrincipalOptions): void {
  const rows = listPrincipals(engine).map((p) => ({ ...p, keys: listAccessKeys(engine, p.name), policies: listPrincipalPolicies(engine, p.name) }));
  if (options.json) {
    const out = rows.map((p) => ({
      name: p.name,
      arn: p.arn,
      userId: p.userId,
      created: p.created.toISOString(),
      accessKeys: p.keys.map((k) => ({ accessKeyId: k.accessKeyId, status: k.status, created: k.created.toISOString() })),
      policies: p.policies.map((policy) => ({ name: policy.name, document: policy.document })),
    }));
    writeOut(jsonText(out));
    return;
  }
  writeOut(
    table(
      ['NAME', 'ARN', 'KEYS', 'POLICIES', 'CREATED'],
      rows.map((p) => [
        p.name,
        p.arn,
        `${p.keys.filter((k) => k.status === 'Active').length}/${p.keys.length} active`,
        p.policies.map((policy) => policy.name).join(', ') || '(none: denied everything)',
        p.created.toISOString(),
      ]),
    ),
  );
}

function remove(engine: Engine, name: string): void {
  if (principalRow(engine, name).name === ADMIN_PRINCIPAL) {
    throw new CommandError(`${ADMIN_PRINCIPAL} is the store's built-in principal and cannot be deleted`);
  }
  deletePrincipal(engine, name);
  writeOut(line(`deleted ${name}, its access keys and its policies`));
}

function keys(engine: Engine, name: string, options: PrincipalOptions): void {
  const changes = [options.create, options.activate, options.deactivate, options.delete].filter((o) => o !== undefined).length;
  if (changes > 1) throw new CommandError('give one of --create, --activate, --deactivate and --delete', ExitCode.usage);
  const owned = (id: string) => {
    if (!listAccessKeys(engine, name).some((k) => k.accessKeyId === id)) throw new CommandError(`${name} has no access key ${id}`, ExitCode.notFound);
    return id;
  };
  if (options.create) {
    const key = createAccessKey(engine, name);
    writeOut(line(`created access key ${key.accessKeyId} for ${key.userName}`));
  } else if (options.activate !== undefined) {
    setAccessKeyStatus(engine, owned(options.activate), 'Active');
  } else if (options.deactivate !== undefined) {
    setAccessKeyStatus(engine, owned(options.deactivate), 'Inactive');
  } else if (options.delete !== undefined) {
    deleteAccessKey(engine, name, options.delete);
  }
  const listed = listAccessKeys(engine, name);
  writeOut(table(['ACCESS KEY ID', 'STATUS', 'CREATED'], listed.map((k) => [k.accessKeyId, k.status, k.created.toISOString()])));
}
