import { describe, expect, it } from 'vitest';
import { forgetRemembered, remembered, type CacheBucket } from '../../../source/engine/cache/remembered';
import { setAccessKeyStatus } from '../../../source/engine/identity/access-keys';
import { contextFor, testEngine } from '../../helpers/engine';

/** A bucket of secrets, as unsealed key material is: each forgotten value is wiped. */
function secretBucket(): CacheBucket<Buffer> {
  return { name: 'test secrets', wipe: (value) => value.fill(0) };
}

describe('remembered values', () => {
  it('are loaded once while the watched tables stay as they are', () => {
    const engine = testEngine();
    const bucket = secretBucket();
    let loads = 0;
    const load = () => {
      loads += 1;
      return Buffer.from('material');
    };
    const first = remembered(engine, bucket, 'k', load);
    expect(remembered(engine, bucket, 'k', load)).toBe(first);
    // A write to a table nobody remembers (the parameters) changes nothing.
    engine.dispatch('ssm', 'PutParameter', { Name: 'plain', Value: 'v', Type: 'String' }, contextFor(engine));
    expect(remembered(engine, bucket, 'k', load)).toBe(first);
    expect(loads).toBe(1);
  });

  it('are forgotten and wiped once a watched table changes, and loaded again', () => {
    const engine = testEngine();
    const bucket = secretBucket();
    const first = remembered(engine, bucket, 'k', () => Buffer.from('material'));
    setAccessKeyStatus(engine, contextFor(engine).accessKeyId, 'Active');
    const second = remembered(engine, bucket, 'k', () => Buffer.from('material'));
    expect(second).not.toBe(first);
    expect(first.equals(Buffer.alloc(first.length))).toBe(true);
    expect(second.toString()).toBe('material');
  });

  it('are wiped when the engine lets go of them, as it does on close', () => {
    const engine = testEngine();
    const kept = remembered(engine, secretBucket(), 'k', () => Buffer.from('material'));
    forgetRemembered(engine);
    expect(kept.equals(Buffer.alloc(kept.length))).toBe(true);
  });

  it('keep nothing from a load that fails', () => {
    const engine = testEngine();
    const bucket = secretBucket();
    expect(() => remembered(engine, bucket, 'k', () => { throw new Error('corrupt'); })).toThrow('corrupt');
    expect(remembered(engine, bucket, 'k', () => Buffer.from('material')).toString()).toBe('material');
  });

  it('stay bounded under a flood of distinct keys, wiping what they drop', () => {
    const engine = testEngine();
    const bucket = secretBucket();
    const values = Array.from({ length: 1025 }, (_, i) => remembered(engine, bucket, `k${i}`, () => Buffer.from(`v${i}`)));
    expect(values[0]!.equals(Buffer.alloc(values[0]!.length))).toBe(true);
    expect(values[1024]!.toString()).toBe('v1024');
  });
});
