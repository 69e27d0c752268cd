import crypto from 'node:crypto';

/**
 * SHA-256 in one call. Node has crypto.hash from 20.12 on: it skips building a Hash object, which
 * costs more than hashing the few hundred bytes of a signed request or an audit row. Earlier Node
 * 20 releases get the Hash object.
 */
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;

export function sha256(data: string | Buffer): Buffer {
  return oneShot ? oneShot('sha256', data, 'buffer') : crypto.createHash('sha256').update(data).digest();
}

export function sha256Hex(data: string | Buffer): string {
  return oneShot ? oneShot('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex');
}
