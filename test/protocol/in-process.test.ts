import { Readable } from 'node:stream';
import {
  DescribeParametersCommand,
  GetParameterCommand,
  GetParametersCommand,
  PutParameterCommand,
  paginateGetParametersByPath,
} from '@aws-sdk/client-ssm';
import { HttpRequest } from '@smithy/protocol-http';
import { describe, expect, it } from 'vitest';
import { InProcessHandler } from '../../source/protocol/in-process';
import { testEngine } from '../helpers/engine';
import { adminCredentials, inProcessClients, signedRequest } from './support';

describe('the in-process handler', () => {
  it('carries the real SSM client to the engine with no socket', async () => {
    const engine = testEngine();
    const { ssm } = inProcessClients(engine);
    for (let i = 1; i <= 5; i++) await ssm.send(new PutParameterCommand({ Name: `/svc/k${i}`, Value: `v${i}`, Type: 'String' }));
    await ssm.send(new PutParameterCommand({ Name: '/svc/list', Value: 'a,b', Type: 'StringList', Description: 'two' }));

    const got = await ssm.send(new GetParameterCommand({ Name: '/svc/k3' }));
    expect(got.Parameter).toMatchObject({ Name: '/svc/k3', Value: 'v3', Type: 'String', Version: 1, ARN: engine.parameterArn('/svc/k3') });
    expect(got.Parameter!.LastModifiedDate).toBeInstanceOf(Date);
    expect(got.$metadata).toMatchObject({ httpStatusCode: 200, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const names: string[] = [];
    for await (const page of paginateGetParametersByPath({ client: ssm, pageSize: 2 }, { Path: '/svc' })) {
      expect(page.Parameters!.length).toBeLessThanOrEqual(2);
      names.push(...page.Parameters!.map((p) => p.Name!));
    }
    expect(names.sort()).toEqual(['/svc/k1', '/svc/k2', '/svc/k3', '/svc/k4', '/svc/k5', '/svc/list']);

    const many = await ssm.send(new GetParametersCommand({ Names: ['/svc/k1', '/svc/missing'] }));
    expect(many.InvalidParameters).toEqual(['/svc/missing']);
    const described = await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Type', Values: ['StringList'] }] }));
    expect(described.Parameters).toMatchObject([{ Name: '/svc/list', Description: 'two', LastModifiedUser: `arn:aws:iam::${engine.accountId}:user/admin` }]);
  });

  it('surfaces engine errors as the SDK error class of the same name with status 400', async () => {
    const engine = testEngine();
    const { ssm } = inProcessClients(engine);
    await expect(ssm.send(new GetParameterCommand({ Name: '/absent' }))).rejects.toMatchObject({
      name: 'ParameterNotFound',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    await ssm.send(new PutParameterCommand({ Name: 'once', Value: 'v', Type: 'String' }));
    await expect(ssm.send(new PutParameterCommand({ Name: 'once', Value: 'w', Type: 'String' }))).rejects.toMatchObject({
      name: 'ParameterAlreadyExists',
    });
  });

  it('takes a request body as a string, bytes or a stream, and answers with a stream', async () => {
    const engine = testEngine();
    const handler = new InProcessHandler(engine);
    const signed = await signedRequest({ target: 'AmazonSSM.GetParameter', body: '{"Name":"/absent"}', credentials: adminCredentials(engine), region: engine.region });
    const text = signed.body.toString('utf8');
    for (const body of [text, new Uint8Array(Buffer.from(text)), Readable.from([Buffer.from(text.slice(0, 5)), Buffer.from(text.slice(5))])]) {
      const { response } = await handler.handle(new HttpRequest({ method: 'POST', path: '/', headers: signed.headers as Record<string, string>, body }));
      expect(response.statusCode).toBe(400);
      expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.parse(Buffer.from(response.body as Uint8Array).toString('utf8'))).toMatchObject({ __type: 'ParameterNotFound' });
    }
  });

  it('refuses to start a request whose signal is already aborted', async () => {
    const engine = testEngine();
    const handler = new InProcessHandler(engine);
    const controller = new AbortController();
    controller.abort();
    await expect(handler.handle(new HttpRequest({ method: 'POST', path: '/' }), { abortSignal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
