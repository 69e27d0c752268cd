import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { DeleteParameterCommand, GetParameterCommand, GetParametersByPathCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { createAccessKey } from '../../source/engine/identity/access-keys';
import { createPrincipal } from '../../source/engine/identity/principals';
import { tempHome } from '../helpers/temp-home';
import { parseEnvOutput, runCli, startServe } from './cli-process';

/** SDK client settings from `paramdeck env`'s output, as a shell user would have them. */
function clientConfig(env: Record<string, string>) {
  return {
    region: env.AWS_REGION!,
    endpoint: env.AWS_ENDPOINT_URL!,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
    maxAttempts: 1,
  };
}

async function servedStore(region = 'eu-central-1') {
  const home = tempHome();
  expect((await runCli(['init', '--home', home, '--region', region])).code).toBe(0);
  const server = await startServe(['--home', home, '--port', '0']);
  const env = parseEnvOutput((await runCli(['env', '--home', home, '--port', String(server.port)])).stdout);
  return { home, server, env };
}

/** POSTs raw bytes with node:http, in one piece or (`chunked`) in 64 KiB chunks with no declared length. */
function post(url: string, body: Buffer, headers: Record<string, string>, agent?: Agent, chunked = false) {
  return new Promise<{ status: number; json: Record<string, unknown>; reused: boolean; headers: Record<string, unknown> }>((done, fail) => {
    const req = httpRequest(url, { method: 'POST', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({ status: res.statusCode!, json: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>, reused: req.reusedSocket, headers: res.headers }),
      );
    });
    // Chunked, the server may answer and close before the whole body is sent: a write error is expected then.
    req.on('error', chunked ? () => undefined : fail);
    if (!chunked) return req.end(body);
    for (let at = 0; at < body.length; at += 65536) req.write(body.subarray(at, at + 65536));
    req.end();
  });
}

describe('paramdeck serve', () => {
  it('prints its real address for --port 0 and serves the SDK over HTTP', async () => {
    const { server, env } = await servedStore();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    const ssm = new SSMClient(clientConfig(env));
    await ssm.send(new PutParameterCommand({ Name: '/app/db/url', Value: 'postgres://db', Type: 'String' }));
    await ssm.send(new PutParameterCommand({ Name: '/app/db/user', Value: 'app', Type: 'String' }));
    const got = await ssm.send(new GetParameterCommand({ Name: '/app/db/url' }));
    expect(got.Parameter).toMatchObject({ Name: '/app/db/url', Value: 'postgres://db', Version: 1, Type: 'String' });
    expect(got.Parameter!.LastModifiedDate).toBeInstanceOf(Date);
    const listed = await ssm.send(new GetParametersByPathCommand({ Path: '/app', Recursive: true }));
    expect(listed.Parameters!.map((p) => p.Name).sort()).toEqual(['/app/db/url', '/app/db/user']);
    await ssm.send(new DeleteParameterCommand({ Name: '/app/db/url' }));
    await expect(ssm.send(new GetParameterCommand({ Name: '/app/db/url' }))).rejects.toMatchObject({
      name: 'ParameterNotFound',
      $metadata: { httpStatusCode: 400 },
    });
    const sts = new STSClient(clientConfig(env));
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toMatch(/:user\/admin$/);
    const wrong = new SSMClient({ ...clientConfig(env), credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: 'w'.repeat(40) } });
    await expect(wrong.send(new GetParameterCommand({ Name: '/app/db/user' }))).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('refuses a body over 1 MiB with 413 and an AWS-shaped error, and keeps serving', async () => {
    const { server } = await servedStore();
    const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.PutParameter' };
    for (const chunked of [false, true]) {
      const big = await post(`${server.url}/`, Buffer.alloc(1024 * 1024 + 1, 0x20), headers, undefined, chunked);
      expect(big.status).toBe(413);
      expect(big.json).toEqual({ __type: 'RequestEntityTooLargeException', message: 'Request body must not exceed 1048576 bytes.' });
      expect(big.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const small = await post(`${server.url}/`, Buffer.from('{}'), headers);
    expect(small).toMatchObject({ status: 403, json: { __type: 'MissingAuthenticationTokenException' } });
  });

  it('keeps connections alive between requests', async () => {
    const { server } = await servedStore();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.GetParameter' };
    const first = await post(`${server.url}/`, Buffer.from('{}'), headers, agent);
    const second = await post(`${server.url}/`, Buffer.from('{}'), headers, agent);
    agent.destroy();
    expect([first.reused, second.reused]).toEqual([false, true]);
  });

  it('shuts down cleanly on SIGTERM and SIGINT, closing the store', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const { home, server, env } = await servedStore();
      await new SSMClient(clientConfig(env)).send(new PutParameterCommand({ Name: 'kept', Value: 'v', Type: 'String' }));
      expect(await server.stop(signal)).toBe(0);
      // The last connection to close checkpoints and removes the WAL: the engine was closed.
      expect(existsSync(join(home, 'paramdeck.db-wal'))).toBe(false);
      const engine = Engine.open({ home });
      expect(engine.db.prepare('SELECT name FROM parameters').all()).toEqual([{ name: 'kept' }]);
      engine.close();
    }
  });

  it('refuses a non-loopback host unless --allow-remote, then warns that traffic is plain HTTP', async () => {
    const home = tempHome();
    const refused = await runCli(['serve', '--home', home, '--host', '0.0.0.0', '--port', '0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/0\.0\.0\.0 is not a loopback address.*--allow-remote/);
    const server = await startServe(['--home', home, '--host', '0.0.0.0', '--port', '0', '--allow-remote']);
    expect(server.url).toBe(`http://0.0.0.0:${server.port}`);
    expect(server.stderr()).toMatch(/warning: serving on 0\.0\.0\.0 over plain HTTP/);
  });

  it('refuses a port that is not one with a usage error', async () => {
    const result = await runCli(['serve', '--home', tempHome(), '--port', '70000']);
    expect(result.code).toBe(2);
  });
});

describe('paramdeck init and env', () => {
  it('init creates the store with the given region, prints where it is, and keeps the region after', async () => {
    const home = tempHome();
    const created = await runCli(['init', '--home', home, '--region', 'ap-southeast-2']);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(new RegExp(`^created a new store in ${home}\\naccount: \\d{12}\\nregion:  ap-southeast-2\\n$`));
    const again = await runCli(['init', '--home', home, '--region', 'us-west-2']);
    expect(again.stdout).toContain('region:  ap-southeast-2');
    expect(again.stderr).toMatch(/region was fixed when it was created/);
  });

  it('env prints five shell-quoted export lines that sh can source', async () => {
    const home = tempHome();
    await runCli(['init', '--home', home, '--region', 'eu-west-3']);
    const result = await runCli(['env', '--home', home, '--port', '5999', '--host', '::1']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.map((line) => line.split('=')[0])).toEqual([
      'export AWS_ACCESS_KEY_ID',
      'export AWS_SECRET_ACCESS_KEY',
      'export AWS_REGION',
      'export AWS_DEFAULT_REGION',
      'export AWS_ENDPOINT_URL',
    ]);
    const sourced = await new Promise<string>((done, fail) => {
      execFile('sh', ['-c', `${result.stdout}\nprintf '%s|%s|%s' "$AWS_REGION" "$AWS_ENDPOINT_URL" "$AWS_SECRET_ACCESS_KEY"`], (error, stdout) =>
        error ? fail(error) : done(stdout),
      );
    });
    const env = parseEnvOutput(result.stdout);
    expect(sourced).toBe(`eu-west-3|http://[::1]:5999|${env.AWS_SECRET_ACCESS_KEY}`);
    expect(env.AWS_ACCESS_KEY_ID).toMatch(/^AKIA[A-Z2-7]{16}$/);
  });

  it("env --principal prints that principal's key; an unknown one exits 4", async () => {
    const home = tempHome();
    const engine = Engine.open({ home });
    createPrincipal(engine, 'ci');
    const key = createAccessKey(engine, 'ci');
    engine.close();
    const env = parseEnvOutput((await runCli(['env', '--home', home, '--principal', 'ci'])).stdout);
    expect(env).toMatchObject({ AWS_ACCESS_KEY_ID: key.accessKeyId, AWS_SECRET_ACCESS_KEY: key.secretAccessKey, AWS_ENDPOINT_URL: 'http://127.0.0.1:4583' });
    const unknown = await runCli(['env', '--home', home, '--principal', 'nobody']);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toBe('paramdeck: The user with name nobody cannot be found.\n');
  });
});
