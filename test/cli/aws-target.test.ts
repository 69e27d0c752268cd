import { describe, expect, it } from 'vitest';
import { parseEnvOutput, startServe } from '../protocol/cli-process';
import { sandbox, seed } from './cli';

describe('the scripting commands on --target aws (paramdeck serve standing in for AWS)', () => {
  it('get, ls, export and import speak to the endpoint through the SDK, with nothing but their own output', async () => {
    const box = sandbox();
    seed(box.home, [
      { name: '/svc/url', value: 'https://svc.example' },
      { name: '/svc/token', value: 'aws-side-secret', type: 'SecureString' },
    ]);
    const server = await startServe(['--home', box.home, '--port', '0']);
    const aws = parseEnvOutput((await box.run(['env', '--port', String(server.port)])).stdout);
    // AWS_PROFILE pointing nowhere must not matter when keys are in the environment.
    const env = { ...aws, AWS_CONFIG_FILE: `${box.dir}/none`, AWS_SHARED_CREDENTIALS_FILE: `${box.dir}/none` };
    const run = (args: string[], input?: string) =>
      box.run([...args, '--target', 'aws', '--endpoint-url', server.url], { noHome: true, env, ...(input === undefined ? {} : { input }) });

    expect(await run(['get', '/svc/url'])).toEqual({ code: 0, stdout: 'https://svc.example', stderr: '' });
    expect(await run(['get', '/svc/token', '--decrypt'])).toEqual({ code: 0, stdout: 'aws-side-secret', stderr: '' });
    expect(await run(['ls', '/svc'])).toEqual({ code: 0, stdout: '/svc/token\n/svc/url\n', stderr: '' });
    const exported = await run(['export', '/svc', '--format', 'dotenv']);
    expect(exported.stdout).toBe("URL='https://svc.example'\n");
    expect(exported.stderr).toBe('paramdeck: left out 1 SecureString parameter; add --decrypt to include it\n');
    expect(await run(['import', '/copy', '-'], exported.stdout)).toEqual({ code: 0, stdout: 'created /copy/URL (String, version 1)\n', stderr: '' });
    const missing = await run(['get', '/svc/none']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toMatch(/^paramdeck: ParameterNotFound: /);
    const demo = await run(['demo']);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('principal auditor: local target only, not created');
  });

  it('exits 3 when the endpoint refuses the credentials', async () => {
    const box = sandbox();
    const server = await startServe(['--home', box.home, '--port', '0']);
    const env = { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'x'.repeat(40), AWS_REGION: 'us-east-1' };
    const run = await box.run(['ls', '--target', 'aws', '--endpoint-url', server.url], { noHome: true, env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^paramdeck: UnrecognizedClientException: /);
  });
});
