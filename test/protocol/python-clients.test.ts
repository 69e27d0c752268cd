import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/temp-home';
import { parseEnvOutput, runCli, startServe } from './cli-process';

/** Runs a command with the environment of `paramdeck env` over a clean one (no AWS profile or token leaks in). */
function runWith(env: Record<string, string>, command: string, args: string[]) {
  const clean: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: tempHome(), ...env };
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(command, args, { env: clean }, (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

async function servedEnv() {
  const home = tempHome();
  await runCli(['init', '--home', home, '--region', 'eu-north-1']);
  const server = await startServe(['--home', home, '--port', '0']);
  return parseEnvOutput((await runCli(['env', '--home', home, '--port', String(server.port)])).stdout);
}

describe('Python AWS clients against paramdeck serve', () => {
  it('boto3 drives every SSM operation', async () => {
    const env = await servedEnv();
    const result = await runWith(env, 'python3', [resolve('test/protocol/fixtures/ssm_every_operation.py')]);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(out).toEqual({
      caller: expect.stringMatching(/^arn:aws:iam::\d{12}:user\/admin$/),
      put: 1,
      put_again: 2,
      get: 'postgres://db2',
      get_version: 'postgres://db',
      get_parameters: [['/app/name'], ['/nope']],
      by_path: ['/app/db/hosts', '/app/db/url', '/app/name'],
      describe: ['/app/db/hosts'],
      history: [
        [1, 'postgres://db'],
        [2, 'postgres://db2'],
      ],
      history_dates_are_datetimes: true,
      label: [1, []],
      get_label: 'postgres://db',
      unlabel: [['stable'], ['never']],
      tags_added: [{ Key: 'env', Value: 'dev' }],
      tags_removed: [],
      delete_parameters: [['/app/db/hosts', '/app/db/url'], ['/nope']],
      not_found: ['ParameterNotFound', 400],
    });
  });

  it('the AWS CLI puts, gets, lists by path and deletes a parameter', async () => {
    const env = await servedEnv();
    const aws = (...args: string[]) => runWith(env, 'aws', [...args, '--output', 'json']);
    const put = await aws('ssm', 'put-parameter', '--name', '/svc/api/token', '--value', 'abc 123', '--type', 'String');
    expect(put.code).toBe(0);
    expect(JSON.parse(put.stdout)).toEqual({ Version: 1, Tier: 'Standard' });
    const got = JSON.parse((await aws('ssm', 'get-parameter', '--name', '/svc/api/token')).stdout) as { Parameter: Record<string, unknown> };
    expect(got.Parameter).toMatchObject({ Name: '/svc/api/token', Value: 'abc 123', Type: 'String', Version: 1 });
    const listed = JSON.parse((await aws('ssm', 'get-parameters-by-path', '--path', '/svc', '--recursive')).stdout) as { Parameters: { Name: string }[] };
    expect(listed.Parameters.map((p) => p.Name)).toEqual(['/svc/api/token']);
    expect((await aws('ssm', 'delete-parameter', '--name', '/svc/api/token')).code).toBe(0);
    const gone = await aws('ssm', 'get-parameter', '--name', '/svc/api/token');
    expect(gone.code).toBe(255);
    expect(gone.stderr).toContain('An error occurred (ParameterNotFound) when calling the GetParameter operation');
  });
});
