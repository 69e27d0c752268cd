import type { Command } from 'commander';
import type { KeyManager, ParameterReader, ParameterWriter } from '../service/capabilities';
import { ServiceError } from '../service/errors';
import { localDemoAuditor, type DemoAuditor } from './demo-auditor';
import { DEMO_KEY_ALIAS, DEMO_ROOTS, demoTree, type DemoParameter } from './demo-tree';
import { mergedOptions } from './merged-options';
import { withTargetOptions, type TargetOptions } from './options';
import { writeOut } from './output';
import { resolveOptions } from './resolved-options';
import { runCommand } from './run';
import { withTarget } from './with-target';

/** What seeding needs of the service: reading, writing and KMS keys. */
export type DemoService = ParameterReader & ParameterWriter & KeyManager;

/** What a seeding run did; a second run creates nothing. */
export interface DemoReport {
  /** Parameters this run created (with all their versions). */
  created: string[];
  /** Demo parameters that were already there and were left as they are. */
  existing: number;
  keyArn: string;
  keyCreated: boolean;
  /** Local target only: whether the auditor principal was created now or brought up to date. */
  auditor?: 'created' | 'updated';
}

/** Progress for a UI: `done` of `total` demo parameters handled. */
export type DemoProgress = (progress: { done: number; total: number }) => void;

/**
 * Seeds the demo tree through the service, idempotently: the customer managed key and its alias
 * are created only when the alias is missing, and a parameter that exists is left alone (no
 * new version, labels or tags), so running it twice changes nothing. `auditor` (local target)
 * adds the principal who may read metadata but not decrypt what the demo key protects.
 */
export async function seedDemo(service: DemoService, options: { auditor?: DemoAuditor; onProgress?: DemoProgress } = {}): Promise<DemoReport> {
  const { keyArn, keyCreated } = await demoKey(service);
  const existing = await existingNames(service);
  const tree = demoTree();
  const created: string[] = [];
  for (const [index, parameter] of tree.entries()) {
    if (!existing.has(parameter.name) && (await createWithHistory(service, parameter))) created.push(parameter.name);
    options.onProgress?.({ done: index + 1, total: tree.length });
  }
  const auditor = options.auditor ? await options.auditor(auditorPolicy(keyArn)) : undefined;
  return { created, existing: tree.length - created.length, keyArn, keyCreated, ...(auditor ? { auditor } : {}) };
}

async function demoKey(service: DemoService): Promise<{ keyArn: string; keyCreated: boolean }> {
  const aliases = await service.listAliases().collect();
  if (aliases.error) throw aliases.error;
  if (aliases.items.some((alias) => alias.name === DEMO_KEY_ALIAS)) {
    return { keyArn: (await service.describeKey(DEMO_KEY_ALIAS)).arn, keyCreated: false };
  }
  const key = await service.createKey({
    description: 'paramdeck demo: customer managed key for the most sensitive demo secrets',
    tags: [{ key: 'managed-by', value: 'paramdeck-demo' }],
  });
  await service.createAlias(DEMO_KEY_ALIAS, key.keyId);
  return { keyArn: key.arn, keyCreated: true };
}

async function existingNames(service: DemoService): Promise<Set<string>> {
  const names = new Set<string>();
  for (const root of DEMO_ROOTS) {
    const listing = await service.listParameters({ path: root, recursive: true }).collect();
    if (listing.error) throw listing.error;
    for (const summary of listing.items) names.add(summary.name);
  }
  return names;
}

/** Creates the parameter with tags, adds its later versions, then its labels. False if someone else made it first. */
async function createWithHistory(service: DemoService, parameter: DemoParameter): Promise<boolean> {
  const keyId = parameter.customerKey ? { keyId: DEMO_KEY_ALIAS } : {};
  const [first, ...later] = parameter.values;
  try {
    await service.putParameter({
      name: parameter.name,
      value: first!,
      type: parameter.type,
      ...keyId,
      ...(parameter.description ? { description: parameter.description } : {}),
      tags: [...parameter.tags],
    });
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'ParameterAlreadyExists') return false;
    throw error;
  }
  for (const value of later) await service.putParameter({ name: parameter.name, value, type: parameter.type, ...keyId, overwrite: true });
  for (const [label, version] of Object.entries(parameter.labels ?? {})) await service.labelVersion(parameter.name, [label], version);
  return true;
}

/**
 * The auditor's identity policy: list and read every parameter's metadata (and String values),
 * see keys and the audit trail, decrypt what the default key protects, but an explicit Deny on
 * the demo key, so revealing those secrets fails with AWS's own AccessDenied.
 */
export function auditorPolicy(demoKeyArn: string): string {
  const statements = [
    {
      Sid: 'BrowseParameters',
      Effect: 'Allow',
      Action: ['ssm:DescribeParameters', 'ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath', 'ssm:GetParameterHistory', 'ssm:ListTagsForResource'],
      Resource: '*',
    },
    {
      Sid: 'SeeKeysAndTrail',
      Effect: 'Allow',
      Action: ['kms:ListKeys', 'kms:ListAliases', 'kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags', 'cloudtrail:LookupEvents'],
      Resource: '*',
    },
    { Sid: 'DecryptDefaultKeySecrets', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' },
    { Sid: 'NeverTheDemoKey', Effect: 'Deny', Action: 'kms:Decrypt', Resource: demoKeyArn },
  ];
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/** `paramdeck demo`: the sample tree for a first look, on either target. */
export function registerDemo(program: Command): void {
  withTargetOptions(program.command('demo'))
    .description('seed a realistic sample tree (apps × dev/staging/prod, keys, versions, labels, tags) and a read-only `auditor`; safe to rerun')
    .action(async (_flags: TargetOptions, command: Command) => {
      const options = mergedOptions<TargetOptions>(command);
      await runCommand(options.debug, () => runDemo(resolveOptions(options)));
    });
}

async function runDemo(options: TargetOptions): Promise<void> {
  const report = await withTarget(options, ({ service, engine }) => seedDemo(service, engine ? { auditor: localDemoAuditor(engine) } : {}));
  const lines = [
    `demo tree under ${DEMO_ROOTS.join(', ')}: created ${report.created.length} parameters, ${report.existing} were already there`,
    `customer managed key ${DEMO_KEY_ALIAS}: ${report.keyCreated ? 'created' : 'already there'}`,
    report.auditor
      ? `principal auditor (${report.auditor}): may list and read metadata, may not decrypt what ${DEMO_KEY_ALIAS} protects`
      : 'principal auditor: local target only, not created',
    'try:',
    '  paramdeck ls /checkout --recursive',
    '  paramdeck get /checkout/prod/db/password --decrypt',
    ...(report.auditor ? ['  paramdeck get /checkout/prod/api-token --decrypt --as auditor    # AccessDeniedException'] : []),
    '',
  ];
  writeOut(lines.join('\n'));
}
