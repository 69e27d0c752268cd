import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainHash, type ChainRow } from '../../../source/engine/audit/chain';

type Covered = Omit<ChainRow, 'hash' | 'mac'>;

/** The encoding as chain.ts documents it, built the plain way: stores written by any build must keep verifying. */
function documentedHash(previous: Buffer, row: Covered): Buffer {
  const columns = ['seq', 'event_id', 'event_time_ms', 'event_source', 'event_name', 'username', 'access_key_id', 'read_only', 'resources', 'record'] as const;
  const parts = [previous];
  for (const column of columns) {
    const value = row[column];
    if (typeof value === 'bigint') {
      const integer = Buffer.alloc(9);
      integer[0] = 0x69;
      integer.writeBigInt64BE(value, 1);
      parts.push(integer);
    } else {
      const text = Buffer.from(value, 'utf8');
      const head = Buffer.alloc(5);
      head[0] = 0x74;
      head.writeUInt32BE(text.length, 1);
      parts.push(head, text);
    }
  }
  return createHash('sha256').update(Buffer.concat(parts)).digest();
}

function row(record: string, seq = 7n): Covered {
  return {
    seq, event_id: 'b870e3cc-d204-4a41-ad1c-d1061ffbe3ac', event_time_ms: 1_795_896_775_000n, event_source: 'ssm.amazonaws.com',
    event_name: 'GetParameter', username: 'admin', access_key_id: 'AKIAFAKEFAKEFAKEFAKE', read_only: 1n, resources: '[]', record,
  };
}

describe('chainHash', () => {
  it('keeps the documented encoding for every kind of text: ASCII, multi-byte, astral, a lone surrogate, empty, long', () => {
    const texts = ['{"a":1}', 'é—日本', '🔑 key', 'x\ud800y', '', 'r'.repeat(70_000), '\u0000\u001b[2J'];
    let previous: Buffer = Buffer.alloc(32);
    for (const [i, text] of texts.entries()) {
      const hash = chainHash(previous, row(text, BigInt(i + 1)));
      expect(hash.equals(documentedHash(previous, row(text, BigInt(i + 1))))).toBe(true);
      previous = hash;
    }
  });

  it('matches the documented encoding on random unicode records', () => {
    for (let i = 0; i < 200; i++) {
      const units = Array.from({ length: randomBytes(1)[0]! * 8 }, () => randomBytes(2).readUInt16BE(0));
      const text = String.fromCharCode(...units);
      const previous = randomBytes(32);
      expect(chainHash(previous, row(text)).toString('hex')).toBe(documentedHash(previous, row(text)).toString('hex'));
    }
  });
});
