import type { CallContext } from '../context';
import type { Engine, Operation, OperationTable } from '../engine';
import type { Input } from '../input';
import { createAlias, deleteAlias, listAliases, updateAlias } from './aliases';
import { decrypt, encrypt, generateDataKey, generateDataKeyWithoutPlaintext, reEncrypt } from './cipher-operations';
import { deleteImportedKeyMaterial, getParametersForImport, importKeyMaterial } from './import';
import { createKey } from './key-create';
import { cancelKeyDeletion, disableKey, enableKey, purgeExpiredKms, scheduleKeyDeletion } from './key-lifecycle';
import { getKeyPolicy, putKeyPolicy } from './key-policy';
import { describeKey, listKeys } from './keys';
import { disableKeyRotation, enableKeyRotation, getKeyRotationStatus } from './rotation';
import { listResourceTags, tagResource, untagResource } from './tags';

type Run = (engine: Engine, ctx: CallContext, input: Input) => unknown;

/**
 * A state-changing operation: it takes the write lock and first purges what the clock has
 * expired, so deleted keys and expired material physically leave as soon as anything writes.
 */
function write(run: Run): Operation {
  return {
    writes: () => true,
    run: (engine, ctx, input) => {
      purgeExpiredKms(engine);
      return run(engine, ctx, input);
    },
  };
}

/** A read: it evaluates expiry against the clock itself and never writes. */
function read(run: Run): Operation {
  return { writes: () => false, run };
}

/** DescribeKey writes only when it may create an AWS managed key from its predefined alias. */
const describe: Operation = {
  writes: (input) => typeof input.KeyId === 'string' && /^(alias\/aws\/|arn:[^:]*:kms:[^:]*:[^:]*:alias\/aws\/)/.test(input.KeyId),
  run: (engine, ctx, input) => {
    if (describe.writes(input)) purgeExpiredKms(engine);
    return describeKey(engine, ctx, input);
  },
};

/**
 * TrentService (KMS) operations. Encrypt and the data-key operations are writes: they may apply
 * a rotation that fell due or create alias/aws/ssm. Decrypt and the listings only read.
 */
export const KMS_OPERATIONS: OperationTable = {
  CancelKeyDeletion: write(cancelKeyDeletion),
  CreateAlias: write(createAlias),
  CreateKey: write(createKey),
  Decrypt: read(decrypt),
  DeleteAlias: write(deleteAlias),
  DeleteImportedKeyMaterial: write(deleteImportedKeyMaterial),
  DescribeKey: describe,
  DisableKey: write(disableKey),
  DisableKeyRotation: write(disableKeyRotation),
  EnableKey: write(enableKey),
  EnableKeyRotation: write(enableKeyRotation),
  Encrypt: write(encrypt),
  GenerateDataKey: write(generateDataKey),
  GenerateDataKeyWithoutPlaintext: write(generateDataKeyWithoutPlaintext),
  GetKeyPolicy: read(getKeyPolicy),
  GetKeyRotationStatus: read(getKeyRotationStatus),
  GetParametersForImport: write(getParametersForImport),
  ImportKeyMaterial: write(importKeyMaterial),
  ListAliases: read(listAliases),
  ListKeys: read(listKeys),
  ListResourceTags: read(listResourceTags),
  PutKeyPolicy: write(putKeyPolicy),
  ReEncrypt: write(reEncrypt),
  ScheduleKeyDeletion: write(scheduleKeyDeletion),
  TagResource: write(tagResource),
  UntagResource: write(untagResource),
  UpdateAlias: write(updateAlias),
};
