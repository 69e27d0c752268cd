/**
 * The local KMS as other engine modules use it: SSM seals and opens SecureStrings with these, and
 * the store may purge expired KMS state. None of them authorizes; the identity layer does.
 */
export { kmsDecrypt, kmsEncrypt, kmsGenerateDataKey, type EncryptionContext, type Encrypted } from './cipher';
export { resolveKey } from './resolve';
export type { KeyRow, KeyState } from './key-row';
export { ensureAwsManagedKey, type AwsManagedService } from './aws-managed';
export { rotateKeyMaterial } from './rotation';
export { purgeExpiredKms } from './key-lifecycle';
