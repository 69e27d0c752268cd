import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../source/engine/clock';
import { createAccessKey, setAccessKeyStatus } from '../../source/engine/identity/access-keys';
import { createPrincipal } from '../../source/engine/identity/principals';
import { handleRequest } from '../../source/protocol/handle-request';
import { InProcessHandler } from '../../source/protocol/in-process';
import { testEngine } from '../helpers/engine';
import { adminCredentials, inProcessClients, send, signedRequest, type SignOptions } from './support';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const MINUTE = 60_000;
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

function setup() {
  const engine = testEngine({ clock: manualClock(NOW), region: 'eu-west-1' });
  const credentials = adminCredentials(engine);
  const base: SignOptions = { target: 'AmazonSSM.GetParameter', body: '{"Name":"/x"}', credentials, region: 'eu-west-1', signingDate: new Date(NOW) };
  return { engine, credentials, base };
}

type Request = Awaited<ReturnType<typeof signedRequest>>;

/** Each refusal: how the request is spoiled, and the shape name and message AWS answers with. */
const REFUSALS: { name: string; build: (s: ReturnType<typeof setup>) => Promise<Request>; type: string; message: string | RegExp }[] = [
  {
    name: 'no Authorization header',
    build: async ({ base }) => {
      const request = await signedRequest(base);
      delete (request.headers as Record<string, string>).authorization;
      return request;
    },
    type: 'MissingAuthenticationTokenException',
    message: 'Missing Authentication Token',
  },
  {
    name: 'an unknown access key',
    build: ({ base }) => signedRequest({ ...base, credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x'.repeat(40) } }),
    type: 'UnrecognizedClientException',
    message: INVALID_TOKEN,
  },
  {
    name: 'an inactive access key',
    build: ({ engine, base, credentials }) => {
      setAccessKeyStatus(engine, credentials.accessKeyId, 'Inactive');
      return signedRequest(base);
    },
    type: 'UnrecognizedClientException',
    message: INVALID_TOKEN,
  },
  {
    name: 'a session token the store never issued',
    build: ({ base }) => signedRequest({ ...base, extraHeaders: { 'x-amz-security-token': 'FwoGZXIvYXdzEXAMPLE' } }),
    type: 'UnrecognizedClientException',
    message: INVALID_TOKEN,
  },
  {
    name: 'the wrong secret',
    build: ({ base, credentials }) => signedRequest({ ...base, credentials: { ...credentials, secretAccessKey: 'y'.repeat(40) } }),
    type: 'InvalidSignatureException',
    message: MISMATCH,
  },
  {
    name: "another principal's secret with this key id",
    build: ({ engine, base, credentials }) => {
      createPrincipal(engine, 'bob');
      const bob = createAccessKey(engine, 'bob');
      return signedRequest({ ...base, credentials: { ...credentials, secretAccessKey: bob.secretAccessKey } });
    },
    type: 'InvalidSignatureException',
    message: MISMATCH,
  },
  {
    name: 'a date more than 15 minutes old',
    build: ({ base }) => signedRequest({ ...base, signingDate: new Date(NOW - 16 * MINUTE) }),
    type: 'InvalidSignatureException',
    message: 'Signature expired: 20260601T114400Z is now earlier than 20260601T114500Z (20260601T120000Z - 15 min.)',
  },
  {
    name: 'a date more than 15 minutes ahead',
    build: ({ base }) => signedRequest({ ...base, signingDate: new Date(NOW + 16 * MINUTE) }),
    type: 'InvalidSignatureException',
    message: 'Signature not yet current: 20260601T121600Z is still later than 20260601T121500Z (20260601T120000Z + 15 min.)',
  },
  {
    name: "a region other than the store's",
    build: ({ base }) => signedRequest({ ...base, region: 'us-east-1' }),
    type: 'InvalidSignatureException',
    message: "Credential should be scoped to a valid region, not 'us-east-1'. This store's region is 'eu-west-1'.",
  },
  {
    name: 'a credential scoped to another service',
    build: ({ base }) => signedRequest({ ...base, service: 'kms' }),
    type: 'InvalidSignatureException',
    message: "Credential should be scoped to correct service: 'ssm'.",
  },
  {
    name: 'a body changed after signing (payload hash header signed)',
    build: async ({ base }) => ({ ...(await signedRequest(base)), body: Buffer.from('{"Name":"/y"}') }),
    type: 'InvalidSignatureException',
    message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
  },
  {
    name: 'a body changed after signing (no payload hash header, as boto3 signs)',
    build: async ({ base }) => ({ ...(await signedRequest({ ...base, omitPayloadHash: true })), body: Buffer.from('{"Name":"/y"}') }),
    type: 'InvalidSignatureException',
    message: MISMATCH,
  },
  {
    name: 'a payload hash header that is not the hash of the body',
    build: ({ base }) => signedRequest({ ...base, extraHeaders: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }),
    type: 'InvalidSignatureException',
    message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
  },
  {
    name: 'a header changed after signing',
    build: async ({ base }) => {
      const request = await signedRequest(base);
      return { ...request, headers: { ...request.headers, 'x-amz-target': 'AmazonSSM.DeleteParameter' } };
    },
    type: 'InvalidSignatureException',
    message: MISMATCH,
  },
  {
    name: 'a signature over headers that leaves out Host',
    build: async ({ base }) => {
      const request = await signedRequest(base);
      const headers = request.headers as Record<string, string>;
      headers.authorization = headers.authorization!.replace('host;', '');
      return request;
    },
    type: 'IncompleteSignatureException',
    message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
  },
  {
    name: 'an Authorization header without a signature',
    build: async ({ base }) => {
      const request = await signedRequest(base);
      const headers = request.headers as Record<string, string>;
      headers.authorization = headers.authorization!.replace(/, Signature=[0-9a-f]+/, '');
      return request;
    },
    type: 'IncompleteSignatureException',
    message: "Authorization header requires 'Signature' parameter.",
  },
  {
    name: 'a malformed x-amz-date',
    build: async ({ base }) => {
      const request = await signedRequest(base);
      return { ...request, headers: { ...request.headers, 'x-amz-date': '2026-06-01T12:00:00Z' } };
    },
    type: 'IncompleteSignatureException',
    message: /^Date must be in ISO-8601 'basic format'/,
  },
  ...['20260230T120000Z', '20260601T246000Z', '20261301T120000Z'].map((date) => ({
    name: `an x-amz-date that does not exist (${date})`,
    build: async ({ base }: { base: Parameters<typeof signedRequest>[0] }) => {
      const request = await signedRequest(base);
      return { ...request, headers: { ...request.headers, 'x-amz-date': date } };
    },
    type: 'IncompleteSignatureException',
    message: new RegExp(`^Date must be in ISO-8601 'basic format'. Got '${date}'`),
  })),
];

describe('SigV4 authentication', () => {
  it.each(REFUSALS)('refuses $name with $type (HTTP 403)', async ({ build, type, message }) => {
    const state = setup();
    const answer = await send(state.engine, await build(state));
    expect(answer.status).toBe(403);
    expect(answer.json.__type).toBe(type);
    if (typeof message === 'string') expect(answer.json.message).toBe(message);
    else expect(answer.json.message).toMatch(message);
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts a request signed 14 minutes either side of the store clock', async () => {
    const { engine, base } = setup();
    for (const offset of [-14 * MINUTE, 14 * MINUTE]) {
      const answer = await send(engine, await signedRequest({ ...base, target: 'AmazonSSM.NoSuchOperation', signingDate: new Date(NOW + offset) }));
      // Authentication passed: the refusal is about the operation, not the signature.
      expect(answer.json.__type).toBe('UnknownOperationException');
    }
  });

  it('lets the real SDK through and refuses it with a wrong secret or an unknown key', async () => {
    const engine = testEngine({ region: 'eu-west-1' });
    const good = inProcessClients(engine);
    const identity = await good.sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:iam::${engine.accountId}:user/admin`);

    const credentials = adminCredentials(engine);
    const wrongSecret = inProcessClients(engine, { ...credentials, secretAccessKey: 'z'.repeat(40) });
    await expect(wrongSecret.ssm.send(new GetParameterCommand({ Name: '/x' }))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      message: MISMATCH,
      $metadata: { httpStatusCode: 403 },
    });
    const unknown = inProcessClients(engine, { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'z'.repeat(40) });
    await expect(unknown.ssm.send(new GetParameterCommand({ Name: '/x' }))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      $metadata: { httpStatusCode: 403 },
    });
    const wrongRegion = inProcessClients(engine, credentials, 'us-west-2');
    await expect(wrongRegion.ssm.send(new GetParameterCommand({ Name: '/x' }))).rejects.toThrow(/store's region is 'eu-west-1'/);
  });

  it('lets an SDK whose clock is off correct it from the Date header and retry, as with AWS', async () => {
    const engine = testEngine({ clock: manualClock(Date.now() + 40 * MINUTE) });
    const config = { region: engine.region, endpoint: 'http://local.paramdeck', credentials: adminCredentials(engine), requestHandler: new InProcessHandler(engine), maxAttempts: 2 };
    const answer = await new STSClient(config).send(new GetCallerIdentityCommand({}));
    expect(answer.$metadata.attempts).toBe(2);
    expect(answer.Account).toBe(engine.accountId);
  });

  it('answers awsQuery refusals with an XML ErrorResponse in STS terms', async () => {
    const { engine, credentials } = setup();
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const request = await signedRequest({ body, credentials: { ...credentials, secretAccessKey: 'q'.repeat(40) }, region: 'eu-west-1', service: 'sts', signingDate: new Date(NOW), contentType: 'application/x-www-form-urlencoded; charset=utf-8' });
    const answer = await handleRequest(engine, request);
    expect(answer.status).toBe(403);
    expect(answer.headers['content-type']).toBe('text/xml');
    expect(answer.body).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(answer.body).toContain(`<RequestId>${answer.headers['x-amzn-RequestId']}</RequestId>`);
    const missing = await handleRequest(engine, { ...request, headers: { ...request.headers, authorization: undefined } });
    expect(missing.body).toContain('<Code>MissingAuthenticationToken</Code>');
    expect(missing.body).toContain('<Message>Request is missing Authentication Token</Message>');
  });
});
