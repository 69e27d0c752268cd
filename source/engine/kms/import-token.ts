import { constants, createHmac, createPrivateKey, generateKeyPairSync, privateDecrypt, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { Engine } from '../engine';
import { AwsError } from '../errors';
import { invalidCiphertext } from './crypto';
import type { KeyRow } from './key-row';

/**
 * Import tokens for BYOK. A token is self-describing and authenticated:
 *
 *   version (1) | token id (16) | valid-to ms (8, big-endian) | HMAC-SHA256 (32)
 *
 * The MAC (a root-derived key) covers the fields and the KMS key's ARN, so a token for another key
 * or a forged one is InvalidImportTokenException, and an expired one is recognised as expired even
 * after its row has been purged. The row holds the RSA wrapping private key, sealed by the root key.
 */

const TOKEN_VERSION = 1;
const TOKEN_ID_BYTES = 16;
const TOKEN_BYTES = 1 + TOKEN_ID_BYTES + 8 + 32;
/** AWS's validity of a public key and import token pair. */
const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** RSA wrapping key sizes by WrappingKeySpec. */
export const WRAPPING_KEY_BITS = { RSA_2048: 2048, RSA_3072: 3072, RSA_4096: 4096 } as const;
/** The OAEP hash of each supported WrappingAlgorithm. */
export const WRAPPING_HASHES = { RSAES_OAEP_SHA_256: 'sha256', RSAES_OAEP_SHA_1: 'sha1' } as const;

/** A supported wrapping algorithm. */
export type WrappingAlgorithm = keyof typeof WRAPPING_HASHES;

/** Creates a wrapping key pair and its token for `key`; the private half is stored sealed. */
export function issueImportToken(engine: Engine, key: KeyRow, algorithm: WrappingAlgorithm, bits: number): { token: Buffer; publicKey: Buffer; validTo: Date } {
  const pair = generateKeyPairSync('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  const tokenId = randomBytes(TOKEN_ID_BYTES);
  const validToMs = engine.clock().getTime() + TOKEN_TTL_MS;
  try {
    const sealed = engine.keyring.seal(pair.privateKey, privateKeyAad(tokenId, key.arn));
    engine.db
      .prepare('INSERT INTO kms_import_tokens (token_id, key_id, wrapping_algorithm, sealed_private_key, valid_to_ms) VALUES (?, ?, ?, ?, ?)')
      .run(tokenId, key.keyId, algorithm, sealed, validToMs);
  } finally {
    pair.privateKey.fill(0);
  }
  const body = Buffer.alloc(1 + TOKEN_ID_BYTES + 8);
  body[0] = TOKEN_VERSION;
  tokenId.copy(body, 1);
  body.writeBigUInt64BE(BigInt(validToMs), 1 + TOKEN_ID_BYTES);
  return { token: Buffer.concat([body, tokenMac(engine, body, key.arn)]), publicKey: pair.publicKey, validTo: new Date(validToMs) };
}

/**
 * Checks a token presented with ImportKeyMaterial for `key` and returns its private key and
 * algorithm: InvalidImportTokenException for a token that is not ours or not this key's,
 * ExpiredImportTokenException once its 24 hours have passed by the engine clock.
 */
export function redeemImportToken(engine: Engine, key: KeyRow, token: Buffer): { privateKey: KeyObject; algorithm: WrappingAlgorithm } {
  if (token.length !== TOKEN_BYTES || token[0] !== TOKEN_VERSION) throw invalidToken();
  const body = token.subarray(0, TOKEN_BYTES - 32);
  if (!timingSafeEqual(token.subarray(TOKEN_BYTES - 32), tokenMac(engine, body, key.arn))) throw invalidToken();
  if (Number(body.readBigUInt64BE(1 + TOKEN_ID_BYTES)) <= engine.clock().getTime()) {
    throw new AwsError('ExpiredImportTokenException', 'The import token has expired. Call GetParametersForImport for a new public key and import token.');
  }
  const tokenId = body.subarray(1, 1 + TOKEN_ID_BYTES);
  const row = engine.db
    .prepare('SELECT wrapping_algorithm, sealed_private_key FROM kms_import_tokens WHERE token_id = ? AND key_id = ?')
    .get(tokenId, key.keyId) as { wrapping_algorithm: WrappingAlgorithm; sealed_private_key: Buffer } | undefined;
  if (!row) throw invalidToken();
  const der = engine.keyring.open(row.sealed_private_key, privateKeyAad(tokenId, key.arn));
  try {
    return { privateKey: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), algorithm: row.wrapping_algorithm };
  } finally {
    der.fill(0);
  }
}

/** Unwraps EncryptedKeyMaterial with RSA-OAEP; bytes that do not unwrap are InvalidCiphertextException. */
export function unwrapKeyMaterial(privateKey: KeyObject, algorithm: WrappingAlgorithm, wrapped: Buffer): Buffer {
  try {
    return privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: WRAPPING_HASHES[algorithm] }, wrapped);
  } catch {
    throw invalidCiphertext();
  }
}

function tokenMac(engine: Engine, body: Buffer, arn: string): Buffer {
  const macKey = engine.keyring.deriveKey('kms-import-token');
  try {
    return createHmac('sha256', macKey).update(body).update(`\0${arn}`, 'utf8').digest();
  } finally {
    macKey.fill(0);
  }
}

function privateKeyAad(tokenId: Buffer, arn: string): string {
  return `paramdeck:kms-import-wrapping-key:${tokenId.toString('hex')}:${arn}`;
}

function invalidToken(): AwsError {
  return new AwsError('InvalidImportTokenException', 'The import token is invalid or is associated with a different KMS key.');
}
