import type { Engine } from '../engine';
import { materialExpired, type KeyRow } from './key-row';

/**
 * A key's KeyMetadata exactly as AWS's DescribeKey/CreateKey answer it, members in AWS's order;
 * optional ones (DeletionDate, ValidTo, ExpirationModel) only when they apply.
 */
export function keyMetadata(engine: Engine, key: KeyRow): Record<string, unknown> {
  const external = key.origin === 'EXTERNAL';
  const hasMaterial = key.currentVersion !== null && !materialExpired(key, engine.clock().getTime());
  return {
    AWSAccountId: engine.accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: new Date(key.createdMs),
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeyState: key.state,
    ...(key.deletionMs !== null ? { DeletionDate: new Date(key.deletionMs) } : {}),
    ...(external && hasMaterial && key.validToMs !== null ? { ValidTo: new Date(key.validToMs) } : {}),
    Origin: key.origin,
    ...(external && hasMaterial && key.expirationModel !== null ? { ExpirationModel: key.expirationModel } : {}),
    KeyManager: key.keyManager,
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false,
  };
}
