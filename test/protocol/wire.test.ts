import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { decodeBlobs, toWire } from '../../source/protocol/json-codec';
import { handleRequest } from '../../source/protocol/handle-request';
import { jsonRoute } from '../../source/protocol/routes';
import { testEngine } from '../helpers/engine';
import { adminCredentials, inProcessClients, send, signedRequest } from './support';

function setup() {
  const engine = testEngine();
  return { engine, credentials: adminCredentials(engine) };
}

describe('the JSON 1.1 wire', () => {
  const MALFORMED: { name: string; target?: string; body?: string; contentType?: string; type: string; status: number }[] = [
    { name: 'an unknown service prefix', target: 'AmazonS3.GetObject', type: 'UnknownOperationException', status: 400 },
    { name: 'a target without an operation', target: 'AmazonSSM', type: 'UnknownOperationException', status: 400 },
    { name: 'no X-Amz-Target', type: 'UnknownOperationException', status: 400 },
    { name: 'an unknown SSM operation', target: 'AmazonSSM.LaunchRockets', type: 'UnknownOperationException', status: 400 },
    { name: 'a CloudTrail operation the engine does not run', target: 'CloudTrail_20131101.CreateTrail', type: 'UnknownOperationException', status: 400 },
    { name: 'a content type that is not AWS JSON', target: 'AmazonSSM.GetParameter', contentType: 'application/json', type: 'UnknownOperationException', status: 400 },
    { name: 'a body that is not JSON', target: 'AmazonSSM.GetParameter', body: '{"Name": ', type: 'SerializationException', status: 400 },
    { name: 'a JSON array body', target: 'AmazonSSM.GetParameter', body: '[1,2]', type: 'SerializationException', status: 400 },
    { name: 'a JSON string body', target: 'AmazonSSM.GetParameter', body: '"x"', type: 'SerializationException', status: 400 },
    { name: 'a JSON null body', target: 'AmazonSSM.GetParameter', body: 'null', type: 'SerializationException', status: 400 },
    { name: 'a KMS blob that is not base64', target: 'TrentService.Encrypt', body: '{"KeyId":"alias/x","Plaintext":"not base64!"}', type: 'SerializationException', status: 400 },
    { name: 'a KMS blob that is a number', target: 'TrentService.Decrypt', body: '{"CiphertextBlob":42}', type: 'SerializationException', status: 400 },
  ];

  it.each(MALFORMED)('refuses $name with $type', async ({ target, body, contentType, type, status }) => {
    const { engine, credentials } = setup();
    const service = target?.startsWith('TrentService') ? 'kms' : target?.startsWith('CloudTrail') ? 'cloudtrail' : 'ssm';
    const answer = await send(engine, await signedRequest({ target, body, contentType, credentials, region: engine.region, service }));
    expect(answer).toMatchObject({ status, json: { __type: type } });
    expect(typeof answer.json.message).toBe('string');
    expect(answer.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('never echoes a Plaintext that is not base64', async () => {
    const { engine, credentials } = setup();
    const body = '{"KeyId":"alias/x","Plaintext":"hunter2-secret!"}';
    const answer = await send(engine, await signedRequest({ target: 'TrentService.Encrypt', body, credentials, region: engine.region, service: 'kms' }));
    expect(answer.json.message).toBe('Value of Plaintext is not valid base64-encoded binary data.');
  });

  it('serves POST / only', async () => {
    const { engine, credentials } = setup();
    const request = await signedRequest({ target: 'AmazonSSM.GetParameter', credentials, region: engine.region });
    for (const variant of [{ ...request, method: 'GET' }, { ...request, path: '/other' }]) {
      expect(await send(engine, variant)).toMatchObject({ status: 404, json: { __type: 'UnknownOperationException' } });
    }
  });

  it('turns an unexpected fault into InternalFailure (500) with no detail', async () => {
    const { engine, credentials } = setup();
    const request = await signedRequest({ target: 'AmazonSSM.GetParameter', credentials, region: engine.region });
    const seen: unknown[] = [];
    engine.db.close();
    const answer = await handleRequest(engine, request, { onInternalError: (error) => seen.push(error) });
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body)).toEqual({
      __type: 'InternalFailure',
      message: 'The request processing has failed because of an unknown error, exception or failure.',
    });
    expect(answer.body).not.toMatch(/database|sqlite|at |\.ts/i);
    expect(seen).toHaveLength(1);
  });
});

describe('STS GetCallerIdentity (awsQuery)', () => {
  it('names the signing principal through the real SDK, needing no permission', async () => {
    const { engine } = setup();
    const { sts } = inProcessClients(engine);
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: engine.accountId, Arn: `arn:aws:iam::${engine.accountId}:user/admin` });
    expect(identity.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(identity.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown action or version with InvalidAction in XML', async () => {
    const { engine, credentials } = setup();
    const form = 'application/x-www-form-urlencoded; charset=utf-8';
    for (const body of ['Action=AssumeRole&Version=2011-06-15', 'Action=GetCallerIdentity&Version=2010-01-01']) {
      const answer = await handleRequest(engine, await signedRequest({ body, contentType: form, credentials, region: engine.region, service: 'sts' }));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(/<Code>InvalidAction<\/Code>\s*<Message>Could not find operation \w+ for version [\d-]+<\/Message>/);
    }
  });
});

describe('routing', () => {
  it.each([
    ['AmazonSSM.GetParameter', { service: 'ssm', signingName: 'ssm', operation: 'GetParameter' }],
    ['TrentService.Decrypt', { service: 'kms', signingName: 'kms', operation: 'Decrypt' }],
    ['CloudTrail_20131101.LookupEvents', { service: 'cloudtrail', signingName: 'cloudtrail', operation: 'LookupEvents' }],
    ['com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents', { service: 'cloudtrail', signingName: 'cloudtrail', operation: 'LookupEvents' }],
    ['AmazonSSM.', undefined],
    ['.GetParameter', undefined],
    ['DynamoDB_20120810.GetItem', undefined],
    ['constructor.GetParameter', undefined],
  ])('routes %s', (target, route) => {
    expect(jsonRoute(target)).toEqual(route);
  });
});

describe('JSON codec', () => {
  it('writes dates as epoch seconds and bytes as base64, at any depth, leaving out undefined members', () => {
    const out = toWire({
      LastModifiedDate: new Date(1_700_000_000_123),
      CiphertextBlob: Buffer.from('hello'),
      Nested: [{ At: new Date(0), Raw: new Uint8Array([1, 2, 3]), Gone: undefined }],
      Count: 3,
      Flag: false,
    });
    expect(out).toEqual({ LastModifiedDate: 1_700_000_000.123, CiphertextBlob: 'aGVsbG8=', Nested: [{ At: 0, Raw: 'AQID' }], Count: 3, Flag: false });
  });

  it('decodes the blob members of KMS operations, nested ones too, and only those', () => {
    const input = { CiphertextBlob: 'AQID', Recipient: { AttestationDocument: 'aGk=' }, EncryptionContext: { a: 'AQID' } };
    decodeBlobs('kms', 'Decrypt', input);
    expect(input.CiphertextBlob).toEqual(Buffer.from([1, 2, 3]));
    expect(input.Recipient.AttestationDocument).toEqual(Buffer.from('hi'));
    expect(input.EncryptionContext.a).toBe('AQID');
    const ssm = { Value: 'AQID' };
    decodeBlobs('ssm', 'PutParameter', ssm);
    expect(ssm.Value).toBe('AQID');
  });
});
