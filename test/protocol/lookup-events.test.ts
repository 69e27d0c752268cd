import { CloudTrailClient, LookupEventsCommand, paginateLookupEvents, type LookupAttributeKey } from '@aws-sdk/client-cloudtrail';
import { GetParameterCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { manualClock } from '../../source/engine/clock';
import type { Engine } from '../../source/engine/engine';
import { firstActiveKey } from '../../source/engine/identity/access-keys';
import { putPrincipalPolicy } from '../../source/engine/identity/policies';
import { createPrincipal } from '../../source/engine/identity/principals';
import { startHttpServer } from '../../source/protocol/http-server';
import { InProcessHandler } from '../../source/protocol/in-process';
import { testEngine } from '../helpers/engine';
import { adminCredentials, inProcessClients, send, signedRequest, type Credentials } from './support';

const MINUTE = 60_000;

function cloudtrail(engine: Engine, credentials: Credentials = adminCredentials(engine)): CloudTrailClient {
  return new CloudTrailClient({ region: engine.region, endpoint: 'http://local.paramdeck', credentials, requestHandler: new InProcessHandler(engine), maxAttempts: 1 });
}

/** A principal with these statements and its credentials. */
function user(engine: Engine, name: string, ...statements: object[]): Credentials {
  createPrincipal(engine, name);
  if (statements.length > 0) putPrincipalPolicy(engine, name, 'p', JSON.stringify({ Version: '2012-10-17', Statement: statements }));
  const key = firstActiveKey(engine, name);
  return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}

/**
 * A store with some history, a minute apart: admin writes a String and a SecureString, bob reads
 * the secret (a GetParameter and SSM's kms Decrypt), then is denied a put.
 */
async function history() {
  // Half past a second: records keep whole seconds, so a range bound a minute after one record never equals it.
  const clock = manualClock(Math.floor(Date.now() / 1000) * 1000 - 10 * MINUTE + 500);
  const engine = testEngine({ clock });
  const admin = inProcessClients(engine).ssm;
  const bobKeys = user(engine, 'bob', { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' });
  const bob = inProcessClients(engine, bobKeys).ssm;
  await admin.send(new PutParameterCommand({ Name: '/app/url', Value: 'https://x', Type: 'String' }));
  clock.advance(MINUTE);
  await admin.send(new PutParameterCommand({ Name: '/app/db/password', Value: 'pw', Type: 'SecureString' }));
  clock.advance(MINUTE);
  await bob.send(new GetParameterCommand({ Name: '/app/db/password', WithDecryption: true }));
  clock.advance(MINUTE);
  await expect(bob.send(new PutParameterCommand({ Name: '/app/x', Value: 'v', Type: 'String' }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  return { engine, clock, bobKeys };
}

describe('CloudTrail LookupEvents over the audit trail', () => {
  it('lists events newest first, each with the CloudTrail record as a JSON string', async () => {
    const { engine, bobKeys } = await history();
    const out = await cloudtrail(engine).send(new LookupEventsCommand({}));
    expect(out.Events!.map((e) => [e.EventSource, e.EventName, e.Username, e.ReadOnly])).toEqual([
      ['ssm.amazonaws.com', 'PutParameter', 'bob', 'false'],
      ['ssm.amazonaws.com', 'GetParameter', 'bob', 'true'],
      ['kms.amazonaws.com', 'Decrypt', 'bob', 'true'],
      ['ssm.amazonaws.com', 'PutParameter', 'admin', 'false'],
      ['kms.amazonaws.com', 'Encrypt', 'admin', 'true'],
      ['ssm.amazonaws.com', 'PutParameter', 'admin', 'false'],
    ]);
    expect(out.NextToken).toBeUndefined();
    const decrypt = out.Events![2]!;
    expect(decrypt.AccessKeyId).toBe(bobKeys.accessKeyId);
    expect(decrypt.EventTime).toBeInstanceOf(Date);
    expect(decrypt.Resources).toEqual([{ ResourceType: 'AWS::KMS::Key', ResourceName: expect.stringMatching(/^arn:aws:kms:.*:key\//) }]);
    const record = JSON.parse(decrypt.CloudTrailEvent!) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(record).toMatchObject({ eventID: decrypt.EventId, eventName: 'Decrypt', userIdentity: { invokedBy: 'ssm.amazonaws.com' } });
    expect(record.requestParameters.encryptionContext.PARAMETER_ARN).toBe(engine.parameterArn('/app/db/password'));
    expect(JSON.parse(out.Events![0]!.CloudTrailEvent!)).toMatchObject({ errorCode: 'AccessDenied' });
  });

  it.each<[LookupAttributeKey, (e: { bob: string; eventId: string }) => string, string[]]>([
    ['EventName', () => 'Decrypt', ['Decrypt']],
    ['EventSource', () => 'kms.amazonaws.com', ['Decrypt', 'Encrypt']],
    ['Username', () => 'bob', ['PutParameter', 'GetParameter', 'Decrypt']],
    ['AccessKeyId', ({ bob }) => bob, ['PutParameter', 'GetParameter', 'Decrypt']],
    ['ReadOnly', () => 'false', ['PutParameter', 'PutParameter', 'PutParameter']],
    ['ResourceType', () => 'AWS::KMS::Key', ['Decrypt', 'Encrypt']],
    ['ResourceName', () => '/app/db/password', ['GetParameter', 'PutParameter']],
    ['EventId', ({ eventId }) => eventId, ['GetParameter']],
  ])('filters on one %s', async (key, value, names) => {
    const { engine, bobKeys } = await history();
    const client = cloudtrail(engine);
    const eventId = (await client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetParameter' }] }))).Events![0]!.EventId!;
    const out = await client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: key, AttributeValue: value({ bob: bobKeys.accessKeyId, eventId }) }] }));
    expect(out.Events!.map((e) => e.EventName)).toEqual(names);
  });

  it('pages with NextToken and limits by StartTime and EndTime', async () => {
    const { engine, clock } = await history();
    const client = cloudtrail(engine);
    const pages: string[][] = [];
    for await (const page of paginateLookupEvents({ client, pageSize: 4 }, {})) pages.push(page.Events!.map((e) => e.EventName!));
    expect(pages.map((p) => p.length)).toEqual([4, 2]);
    const start = new Date(clock().getTime() - 2 * MINUTE);
    const end = new Date(clock().getTime() - MINUTE);
    const ranged = await client.send(new LookupEventsCommand({ StartTime: start, EndTime: end }));
    expect(ranged.Events!.map((e) => e.EventName)).toEqual(['GetParameter', 'Decrypt']);
    const first = await client.send(new LookupEventsCommand({ MaxResults: 1 }));
    await expect(client.send(new LookupEventsCommand({ MaxResults: 1, NextToken: first.NextToken, StartTime: start }))).rejects.toMatchObject({
      name: 'InvalidNextTokenException',
    });
  });

  it.each([
    ['two lookup attributes', { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'a' }, { AttributeKey: 'Username', AttributeValue: 'b' }] }, 'InvalidLookupAttributesException'],
    ['a ReadOnly value that is not true or false', { LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'maybe' }] }, 'InvalidLookupAttributesException'],
    ['MaxResults over 50', { MaxResults: 51 }, 'InvalidMaxResultsException'],
    ['a StartTime after the EndTime', { StartTime: new Date(2026, 1, 2), EndTime: new Date(2026, 1, 1) }, 'InvalidTimeRangeException'],
    ['a forged NextToken', { NextToken: 'eyJvIjoiTG9va3VwRXZlbnRzIn0.AAAA' }, 'InvalidNextTokenException'],
  ])('refuses %s', async (_name, input, code) => {
    const engine = testEngine();
    await expect(cloudtrail(engine).send(new LookupEventsCommand(input as never))).rejects.toMatchObject({ name: code, $metadata: { httpStatusCode: 400 } });
  });

  it('needs cloudtrail:LookupEvents, and records the denial', async () => {
    const engine = testEngine();
    const reader = user(engine, 'reader', { Effect: 'Allow', Action: 'cloudtrail:LookupEvents', Resource: '*' });
    const other = user(engine, 'other', { Effect: 'Allow', Action: 'ssm:*', Resource: '*' });
    await expect(cloudtrail(engine, other).send(new LookupEventsCommand({}))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: `User: arn:aws:iam::${engine.accountId}:user/other is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action`,
    });
    const out = await cloudtrail(engine, reader).send(new LookupEventsCommand({}));
    expect(out.Events!.map((e) => [e.EventSource, e.EventName, e.Username])).toEqual([['cloudtrail.amazonaws.com', 'LookupEvents', 'other']]);
  });

  it('answers the fully qualified target boto3 and the AWS CLI send, and serves over HTTP', async () => {
    const { engine } = await history();
    const credentials = adminCredentials(engine);
    const target = 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents';
    const body = JSON.stringify({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'Decrypt' }] });
    const answer = await send(engine, await signedRequest({ target, body, credentials, region: engine.region, service: 'cloudtrail' }));
    expect(answer.status).toBe(200);
    const events = answer.json.Events as { EventName: string; EventTime: number }[];
    expect(events.map((e) => e.EventName)).toEqual(['Decrypt']);
    expect(typeof events[0]!.EventTime).toBe('number');

    const server = await startHttpServer(engine, { host: '127.0.0.1', port: 0 });
    onTestFinished(() => server.close());
    const overHttp = new CloudTrailClient({ region: engine.region, endpoint: server.url, credentials, maxAttempts: 1 });
    expect((await overHttp.send(new LookupEventsCommand({ MaxResults: 2 }))).Events).toHaveLength(2);
  });
});
