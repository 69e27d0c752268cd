import { describe, expect, it } from 'vitest';
import { packCall, unpackCalls, type CallMessage, type PackedCalls } from '../../source/protocol/thread-messages';

function call(id: number, userAgent: string): CallMessage {
  return {
    id,
    service: id % 2 === 0 ? 'ssm' : 'kms',
    operation: id % 2 === 0 ? 'GetParameter' : 'Decrypt',
    body: JSON.stringify({ Name: `/app/p${id}`, WithDecryption: true }),
    ctx: {
      principal: { name: `user${id}`, arn: `arn:aws:iam::123456789012:user/user${id}`, userId: `AIDAFAKE${id}`, accountId: '123456789012' },
      accessKeyId: `AKIAFAKE${id}`,
      sourceIp: '127.0.0.1',
      userAgent,
      requestId: `00000000-0000-4000-8000-00000000000${id}`,
    },
  };
}

describe('calls packed for the engine thread', () => {
  it('come out as they went in, in order, after a structured clone as postMessage makes', () => {
    const calls = [call(0, 'aws-cli/2'), call(1, ''), call(2, 'é 🔑 \u0000')];
    const batch: PackedCalls = [];
    for (const c of calls) packCall(batch, c);
    expect(unpackCalls(structuredClone(batch))).toEqual(calls);
  });

  it('an empty batch is no call', () => {
    expect(unpackCalls([])).toEqual([]);
  });
});
