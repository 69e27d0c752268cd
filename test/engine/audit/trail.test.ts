import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../source/engine/clock';
import { Engine } from '../../../source/engine/engine';
import { verifyAuditTrail } from '../../../source/engine/audit/verify';
import { call, contextFor, testEngine } from '../../helpers/engine';
import { ACCOUNT, REGION, auditEvents, failureOf, identityEngine, parameterArn, principal, type Answer } from '../identity/support';

const SECRET = 'p4ssw0rd-never-logged';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function count(engine: Engine): number {
  return (engine.db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
}

describe('what the audit trail records', () => {
  it('writes one CloudTrail 1.08 record for a state change, with every member AWS writes', () => {
    const engine = identityEngine();
    const admin = { ...contextFor(engine), sourceIp: '192.0.2.10', userAgent: 'aws-cli/2.15', requestId: 'b3d5e1c2-0000-4000-8000-000000000001' };
    call(engine, 'ssm', 'PutParameter', { Name: '/app/url', Value: 'https://x', Type: 'String', Tags: [{ Key: 'team', Value: 'core' }] }, admin);
    const [event] = auditEvents(engine);
    expect(event).toEqual({
      eventVersion: '1.08',
      userIdentity: { type: 'IAMUser', principalId: admin.principal.userId, arn: admin.principal.arn, accountId: ACCOUNT, accessKeyId: admin.accessKeyId, userName: 'admin' },
      eventTime: '2026-03-01T12:00:00Z',
      eventSource: 'ssm.amazonaws.com',
      eventName: 'PutParameter',
      awsRegion: REGION,
      sourceIPAddress: '192.0.2.10',
      userAgent: 'aws-cli/2.15',
      requestParameters: { name: '/app/url', type: 'String', tags: [{ key: 'team', value: 'core' }] },
      responseElements: { version: 1, tier: 'Standard' },
      requestID: 'b3d5e1c2-0000-4000-8000-000000000001',
      eventID: expect.stringMatching(UUID),
      readOnly: false,
      resources: [{ accountId: ACCOUNT, type: 'AWS::SSM::Parameter', ARN: parameterArn('/app/url') }],
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: 'Management',
    });
  });

  it('records writes, decrypts and denials, and not plain reads', () => {
    const engine = identityEngine();
    call(engine, 'ssm', 'PutParameter', { Name: '/r/plain', Value: 'v', Type: 'String' });
    const key = (call(engine, 'kms', 'CreateKey', {}) as Answer).KeyMetadata as Answer;
    expect(auditEvents(engine).map((e) => e.eventName)).toEqual(['PutParameter', 'CreateKey']);
    call(engine, 'ssm', 'GetParameter', { Name: '/r/plain' });
    call(engine, 'ssm', 'DescribeParameters', {});
    call(engine, 'kms', 'DescribeKey', { KeyId: key.KeyId });
    call(engine, 'kms', 'ListKeys', {});
    expect(count(engine)).toBe(2);
    const blob = (call(engine, 'kms', 'Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from(SECRET) }) as Answer).CiphertextBlob;
    call(engine, 'kms', 'Decrypt', { CiphertextBlob: blob });
    call(engine, 'ssm', 'GetParameter', { Name: '/r/plain', WithDecryption: true });
    const nobody = principal(engine, 'nobody');
    failureOf(() => call(engine, 'ssm', 'DescribeParameters', {}, nobody));
    expect(auditEvents(engine).map((e) => [e.eventSource, e.eventName, e.readOnly, e.errorCode ?? 'ok'])).toEqual([
      ['ssm.amazonaws.com', 'PutParameter', false, 'ok'],
      ['kms.amazonaws.com', 'CreateKey', false, 'ok'],
      ['kms.amazonaws.com', 'Encrypt', true, 'ok'],
      ['kms.amazonaws.com', 'Decrypt', true, 'ok'],
      ['ssm.amazonaws.com', 'GetParameter', true, 'ok'],
      ['ssm.amazonaws.com', 'DescribeParameters', true, 'AccessDenied'],
    ]);
  });

  it('never records a value, a plaintext, a ciphertext or a data key', () => {
    const engine = identityEngine();
    const key = (call(engine, 'kms', 'CreateKey', {}) as Answer).KeyMetadata as Answer;
    call(engine, 'ssm', 'PutParameter', { Name: '/s/one', Value: SECRET, Type: 'SecureString' });
    call(engine, 'ssm', 'PutParameter', { Name: '/s/two', Value: SECRET, Type: 'SecureString', KeyId: key.KeyId, Tier: 'Advanced' });
    call(engine, 'ssm', 'GetParametersByPath', { Path: '/s', WithDecryption: true });
    const sealed = call(engine, 'kms', 'Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from(SECRET) }) as Answer;
    const opened = call(engine, 'kms', 'Decrypt', { CiphertextBlob: sealed.CiphertextBlob }) as Answer;
    const dataKey = call(engine, 'kms', 'GenerateDataKey', { KeyId: key.KeyId, KeySpec: 'AES_256' }) as Answer;
    failureOf(() => call(engine, 'ssm', 'PutParameter', { Name: '/s/one', Value: SECRET, Type: 'SecureString' }));
    const text = JSON.stringify(auditEvents(engine));
    for (const secret of [SECRET, Buffer.from(SECRET).toString('base64'), (sealed.CiphertextBlob as Buffer).toString('base64'), (dataKey.Plaintext as Buffer).toString('base64')]) {
      expect(text).not.toContain(secret);
    }
    expect(opened.Plaintext.toString()).toBe(SECRET);
    expect(auditEvents(engine).filter((e) => e.eventName === 'Decrypt' && e.userIdentity.invokedBy === 'ssm.amazonaws.com')).toHaveLength(2);
  });

  it('commits a failed write’s record while rolling the write back', () => {
    const engine = identityEngine();
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const error = failureOf(() => call(engine, 'ssm', 'PutParameter', { Name: '/t/x', Value: 'v', Type: 'String', Tags: tags }));
    expect(error.code).toBe('TooManyTagsError');
    expect(failureOf(() => call(engine, 'ssm', 'GetParameter', { Name: '/t/x' })).code).toBe('ParameterNotFound');
    expect(auditEvents(engine)).toEqual([expect.objectContaining({ eventName: 'PutParameter', errorCode: 'TooManyTagsError', errorMessage: error.message, responseElements: null })]);
  });

  it('fails the action when its record cannot be written', () => {
    const engine = identityEngine();
    call(engine, 'ssm', 'PutParameter', { Name: '/a/one', Value: 'v', Type: 'String' });
    engine.db.prepare('UPDATE audit_head SET count = count + 1').run();
    expect(() => call(engine, 'ssm', 'PutParameter', { Name: '/a/two', Value: 'v', Type: 'String' })).toThrow(/audit trail head does not verify/);
    expect(failureOf(() => call(engine, 'ssm', 'GetParameter', { Name: '/a/two' })).code).toBe('ParameterNotFound');
    expect(call(engine, 'ssm', 'GetParameter', { Name: '/a/one' })).toMatchObject({ Parameter: { Value: 'v' } });
    engine.db.prepare('DELETE FROM audit_head').run();
    expect(() => call(engine, 'ssm', 'DeleteParameter', { Name: '/a/one' })).toThrow(/no head row/);
    expect(call(engine, 'ssm', 'GetParameter', { Name: '/a/one' })).toMatchObject({ Parameter: { Value: 'v' } });
  });

  it('keeps one chain when two connections to the store append in turn', () => {
    const clock = manualClock(Date.UTC(2026, 2, 1));
    const first = testEngine({ clock });
    const second = Engine.open({ home: first.home, clock });
    try {
      for (let i = 0; i < 20; i++) {
        const engine = i % 2 === 0 ? first : second;
        call(engine, 'ssm', 'PutParameter', { Name: `/c/p${i}`, Value: 'v', Type: 'String' });
      }
      expect(verifyAuditTrail(first)).toEqual({ ok: true, count: 20 });
      expect(verifyAuditTrail(second)).toEqual({ ok: true, count: 20 });
      expect((first.db.prepare('SELECT count FROM audit_head').get() as { count: number }).count).toBe(20);
    } finally {
      second.close();
    }
  });
});
