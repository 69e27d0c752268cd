import type { Engine } from '../../engine';
import { optionalBlob, optionalStringMap, requiredString, type Input } from '../../input';
import { resolveKeyCreatingManaged } from '../../kms/aws-managed';
import { readBlobHeader } from '../../kms/crypto';
import { aliasArn, loadKey, type KeyRow } from '../../kms/key-row';
import { resolveKey } from '../../kms/resolve';
import type { Permission } from '../authorize';
import { resolved, type PermissionTable } from './resolved';

/** A permission on a KMS key: its key policy decides together with identity policies. */
export function onKey(action: string, key: KeyRow, encryptionContext?: Readonly<Record<string, string>>): Permission {
  return {
    action: `kms:${action}`,
    resource: key.arn,
    resourceName: key.arn,
    resourceType: 'AWS::KMS::Key',
    keyPolicy: key.policy,
    ...(encryptionContext ? { encryptionContext } : {}),
  };
}

/** The key a ciphertext blob names, if it is one of ours (the operation refuses it otherwise). */
export function keyOfBlob(engine: Engine, blob: Buffer): KeyRow | undefined {
  return resolved(() => loadKey(engine, readBlobHeader(blob).keyId));
}

function context(input: Input, member: string): Readonly<Record<string, string>> {
  return resolved(() => optionalStringMap(input, member)) ?? {};
}

/** An operation on the key its KeyId names (creating alias/aws/ssm's key where the operation would). */
function keyOperation(action: string, resolve: (engine: Engine, keyId: string) => KeyRow = resolveKey, contextMember?: string) {
  return (engine: Engine, input: Input): Permission[] => {
    const key = resolved(() => resolve(engine, requiredString(input, 'KeyId')));
    return key ? [onKey(action, key, contextMember ? context(input, contextMember) : undefined)] : [];
  };
}

/** An action with no resource: identity policies alone decide. */
function unscoped(action: string) {
  return (): Permission[] => [{ action: `kms:${action}`, resource: '*' }];
}

/**
 * Alias operations need the action on the alias (identity policies) and on each key involved
 * (key policy and identity policies), as the KMS Developer Guide's "Controlling access to aliases" says.
 */
function aliasOperation(action: string, keys: readonly ('alias' | 'target')[]) {
  return (engine: Engine, input: Input): Permission[] => {
    const name = resolved(() => requiredString(input, 'AliasName'));
    // The operation refuses reserved alias/aws/ names itself (NotAuthorizedException), as KMS does first.
    if (name === undefined || name.startsWith('alias/aws/')) return [];
    const out: Permission[] = [{ action: `kms:${action}`, resource: aliasArn(engine, name) }];
    for (const which of keys) {
      const key = resolved(() => resolveKey(engine, which === 'alias' ? name : requiredString(input, 'TargetKeyId')));
      if (key) out.push(onKey(action, key));
    }
    return out;
  };
}

function decryptFrom(action: string, contextMember: string) {
  return (engine: Engine, input: Input): Permission[] => {
    const blob = resolved(() => optionalBlob(input, 'CiphertextBlob'));
    const key = blob && keyOfBlob(engine, blob);
    return key ? [onKey(action, key, context(input, contextMember))] : [];
  };
}

/**
 * The IAM action each TrentService operation needs (kms:<Operation>) and the key it is on.
 * Decrypt and ReEncrypt are authorized on the key the ciphertext names; ReEncrypt needs
 * kms:ReEncryptFrom there and kms:ReEncryptTo on the destination.
 */
export const KMS_PERMISSIONS: PermissionTable = {
  CancelKeyDeletion: keyOperation('CancelKeyDeletion'),
  CreateAlias: aliasOperation('CreateAlias', ['target']),
  CreateKey: unscoped('CreateKey'),
  Decrypt: decryptFrom('Decrypt', 'EncryptionContext'),
  DeleteAlias: aliasOperation('DeleteAlias', ['alias']),
  DeleteImportedKeyMaterial: keyOperation('DeleteImportedKeyMaterial'),
  DescribeKey: keyOperation('DescribeKey', resolveKeyCreatingManaged),
  DisableKey: keyOperation('DisableKey'),
  DisableKeyRotation: keyOperation('DisableKeyRotation'),
  EnableKey: keyOperation('EnableKey'),
  EnableKeyRotation: keyOperation('EnableKeyRotation'),
  Encrypt: keyOperation('Encrypt', resolveKeyCreatingManaged, 'EncryptionContext'),
  GenerateDataKey: keyOperation('GenerateDataKey', resolveKeyCreatingManaged, 'EncryptionContext'),
  GenerateDataKeyWithoutPlaintext: keyOperation('GenerateDataKeyWithoutPlaintext', resolveKeyCreatingManaged, 'EncryptionContext'),
  GetKeyPolicy: keyOperation('GetKeyPolicy'),
  GetKeyRotationStatus: keyOperation('GetKeyRotationStatus'),
  GetParametersForImport: keyOperation('GetParametersForImport'),
  ImportKeyMaterial: keyOperation('ImportKeyMaterial'),
  ListAliases: unscoped('ListAliases'),
  ListKeys: unscoped('ListKeys'),
  ListResourceTags: keyOperation('ListResourceTags'),
  PutKeyPolicy: keyOperation('PutKeyPolicy'),
  ReEncrypt: (engine, input) => {
    const to = resolved(() => resolveKeyCreatingManaged(engine, requiredString(input, 'DestinationKeyId')));
    return [...decryptFrom('ReEncryptFrom', 'SourceEncryptionContext')(engine, input), ...(to ? [onKey('ReEncryptTo', to, context(input, 'DestinationEncryptionContext'))] : [])];
  },
  ScheduleKeyDeletion: keyOperation('ScheduleKeyDeletion'),
  TagResource: keyOperation('TagResource'),
  UntagResource: keyOperation('UntagResource'),
  UpdateAlias: aliasOperation('UpdateAlias', ['alias', 'target']),
};
