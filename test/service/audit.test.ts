import { describe, expect, it } from 'vitest';
import { Pacer, toAuditEvent } from '../../source/service/audit-events';
import { awsError, serviceOn, startFakeEndpoint, type FakeAnswer, type FakeRequest } from './fake-endpoint';

const ACCOUNT = '111122223333';
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;

function decryptEvent(id: string, parameter: string | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const detail = {
    eventTime: '2026-03-01T10:00:00Z',
    eventSource: 'kms.amazonaws.com',
    eventName: 'Decrypt',
    awsRegion: 'us-east-1',
    sourceIPAddress: 'ssm.amazonaws.com',
    userAgent: 'ssm.amazonaws.com',
    userIdentity: { type: 'IAMUser', arn: ALICE, userName: 'alice', accessKeyId: 'AKIAALICE', invokedBy: 'ssm.amazonaws.com' },
    requestParameters: parameter ? { encryptionContext: { PARAMETER_ARN: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter${parameter}` } } : { keyId: 'k' },
    resources: [{ type: 'AWS::KMS::Key', ARN: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1` }],
    readOnly: true,
    ...extra,
  };
  return { EventId: id, EventName: 'Decrypt', EventSource: 'kms.amazonaws.com', EventTime: 1772359200, Username: 'alice', CloudTrailEvent: JSON.stringify(detail) };
}

function ssmEvent(id: string, eventName: string, requestParameters: Record<string, unknown>): Record<string, unknown> {
  const detail = { eventSource: 'ssm.amazonaws.com', eventName, userIdentity: { arn: ALICE }, requestParameters, sourceIPAddress: '203.0.113.9' };
  return { EventId: id, EventName: eventName, EventSource: 'ssm.amazonaws.com', EventTime: 1772359100, ReadOnly: 'true', CloudTrailEvent: JSON.stringify(detail) };
}

// Decrypt events come in two pages; SSM events in one.
function trail(request: FakeRequest): FakeAnswer {
  const [attribute] = request.body.LookupAttributes as { AttributeKey: string; AttributeValue: string }[];
  if (attribute?.AttributeKey === 'EventName' && attribute.AttributeValue === 'Decrypt') {
    if (request.body.NextToken === undefined) {
      return { body: { Events: [decryptEvent('d1', '/app/db/password'), decryptEvent('d2', undefined)], NextToken: 'page2' } };
    }
    return { body: { Events: [decryptEvent('d3', '/app/api-key', { errorCode: 'AccessDenied', errorMessage: 'not authorized' })] } };
  }
  return {
    body: {
      Events: [
        ssmEvent('s1', 'GetParameter', { name: '/app/db/password:3', withDecryption: true }),
        ssmEvent('s2', 'GetParameters', { names: ['/app/api-key', 'plain-name'] }),
        ssmEvent('s3', 'DescribeParameters', {}),
      ],
    },
  };
}

describe('the audit reader', () => {
  it('reads Decrypt events first, then SSM calls, one lookup attribute and 50 events per call', async () => {
    const endpoint = await startFakeEndpoint(trail);
    const events = (await serviceOn(endpoint.url).auditEvents().collect()).items;
    expect(events.map((e) => e.id)).toEqual(['d1', 'd3', 's1', 's2', 's3']);
    expect(endpoint.requests.map((r) => [r.target, r.body.LookupAttributes, r.body.MaxResults, r.body.NextToken])).toEqual([
      ['CloudTrail_20131101.LookupEvents', [{ AttributeKey: 'EventName', AttributeValue: 'Decrypt' }], 50, undefined],
      ['CloudTrail_20131101.LookupEvents', [{ AttributeKey: 'EventName', AttributeValue: 'Decrypt' }], 50, 'page2'],
      ['CloudTrail_20131101.LookupEvents', [{ AttributeKey: 'EventSource', AttributeValue: 'ssm.amazonaws.com' }], 50, undefined],
    ]);
  });

  it('ties a Decrypt to its parameter through the PARAMETER_ARN encryption context', async () => {
    const endpoint = await startFakeEndpoint(trail);
    const [first, denied] = (await serviceOn(endpoint.url).auditEvents().collect()).items;
    expect(first).toEqual({
      id: 'd1', time: new Date('2026-03-01T10:00:00Z'), eventName: 'Decrypt', eventSource: 'kms.amazonaws.com',
      principalArn: ALICE, username: 'alice', accessKeyId: 'AKIAALICE', sourceIp: 'ssm.amazonaws.com', userAgent: 'ssm.amazonaws.com',
      invokedBy: 'ssm.amazonaws.com', region: 'us-east-1', readOnly: true, parameterNames: ['/app/db/password'],
      keyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1`,
    });
    expect(denied).toMatchObject({ parameterNames: ['/app/api-key'], errorCode: 'AccessDenied', errorMessage: 'not authorized' });
  });

  it('keeps only the events of one parameter, whatever way the event names it', async () => {
    const endpoint = await startFakeEndpoint(trail);
    const service = serviceOn(endpoint.url);
    const byName = async (parameterName: string): Promise<string[]> =>
      (await service.auditEvents({ parameterName }).collect()).items.map((e) => e.id);
    expect(await byName('/app/db/password')).toEqual(['d1', 's1']);
    expect(await byName('/app/api-key')).toEqual(['d3', 's2']);
    expect(await byName('plain-name')).toEqual(['s2']);
  });

  it('pages lazily: nothing is fetched beyond what the consumer has read', async () => {
    const endpoint = await startFakeEndpoint(trail);
    const iterator = serviceOn(endpoint.url).auditEvents({ startTime: new Date('2026-03-01T00:00:00Z') })[Symbol.asyncIterator]();
    await iterator.next();
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.body.StartTime).toBe(Date.parse('2026-03-01T00:00:00Z') / 1000);
    await iterator.return?.();
  });

  it('spaces its calls to stay under CloudTrail’s two requests a second', async () => {
    // Measured where the pacer releases each call: under load timers fire late, not early (bar
    // the pacer's millisecond clock), so gaps only grow; arrival times at a server would mix in
    // network jitter.
    const pacer = new Pacer(150);
    const released: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      await pacer.wait(undefined);
      released.push(performance.now());
    }
    for (let i = 1; i < released.length; i += 1) expect(released[i]! - released[i - 1]!).toBeGreaterThanOrEqual(145);
    const endpoint = await startFakeEndpoint(trail);
    await serviceOn(endpoint.url, { auditIntervalMs: 150 }).auditEvents().collect();
    expect(endpoint.requests.length).toBeGreaterThan(1);
  });

  it('ends with the events so far and the error when CloudTrail refuses', async () => {
    const endpoint = await startFakeEndpoint((request, index) => (index === 0 ? trail(request) : awsError('AccessDeniedException', 'no cloudtrail:LookupEvents')));
    const result = await serviceOn(endpoint.url).auditEvents().collect();
    expect(result.items.map((e) => e.id)).toEqual(['d1']);
    expect(result.error).toMatchObject({ kind: 'AccessDenied', message: 'no cloudtrail:LookupEvents' });
  });

  it('survives an event whose CloudTrailEvent is not JSON', () => {
    expect(toAuditEvent({ EventId: 'x', EventName: 'GetParameter', EventSource: 'ssm.amazonaws.com', CloudTrailEvent: '{not json' })).toEqual({
      id: 'x', time: new Date(0), eventName: 'GetParameter', eventSource: 'ssm.amazonaws.com', parameterNames: [],
    });
  });
});
