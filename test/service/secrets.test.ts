import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RevealedValue } from '../../source/service/revealed-value';
import { ServiceError } from '../../source/service/errors';
import { awsError, serviceOn, startFakeEndpoint, type FakeAnswer, type FakeRequest } from './fake-endpoint';

const SECRET = 'hunter2-Zq9!multi\nline-part-two';
// Like moto, this endpoint's "ciphertext" carries the plaintext: only masking keeps it off screen.
const FAKE_CIPHERTEXT = `kms:alias/aws/ssm:${SECRET}`;

function answer(request: FakeRequest): FakeAnswer {
  const decrypt = request.body.WithDecryption === true;
  const value = decrypt ? SECRET : FAKE_CIPHERTEXT;
  const parameter = { Name: '/app/db/password', Type: 'SecureString', Value: value, Version: 2, ARN: 'arn:aws:ssm:us-east-1:111122223333:parameter/app/db/password' };
  switch (request.target) {
    case 'AmazonSSM.PutParameter':
      return request.body.Overwrite ? { body: { Version: 2, Tier: 'Standard' } } : awsError('ValidationException', `Value '${String(request.body.Value)}' at 'value' failed to satisfy constraint`);
    case 'AmazonSSM.GetParameter':
      return { body: { Parameter: parameter } };
    case 'AmazonSSM.GetParametersByPath':
      return { body: { Parameters: [parameter] } };
    case 'AmazonSSM.GetParameterHistory':
      return { body: { Parameters: [{ ...parameter, Labels: ['prod'] }] } };
    default:
      return awsError('UnknownOperationException', request.target);
  }
}

/** Every channel a line could reach the terminal or a log through. */
function captureOutput(): () => string {
  const seen: unknown[] = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void seen.push(...args));
  }
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: unknown) => (seen.push(chunk), true));
  }
  const onWarning = (warning: Error): void => void seen.push(warning.message);
  process.on('warning', onWarning);
  afterEach(() => void process.off('warning', onWarning));
  return () => seen.map((item) => (typeof item === 'string' ? item : inspect(item, { depth: 10 }))).join('\n');
}

function everyRendering(value: unknown): string {
  return [String(value), `${value as string}`, JSON.stringify(value), inspect(value, { depth: 10, showHidden: true })].join('\n');
}

describe('plaintext stays inside RevealedValue', () => {
  let output: () => string;
  beforeEach(() => {
    output = captureOutput();
  });
  afterEach(() => vi.restoreAllMocks());

  it('never carries a SecureString text in a fetched, listed or historical value', async () => {
    const service = serviceOn((await startFakeEndpoint(answer)).url);
    const fetched = await service.getParameter('/app/db/password');
    const listed = await service.readPath('/app', { recursive: true }).collect();
    const history = await service.history('/app/db/password').collect();
    expect(fetched.value).toEqual({ kind: 'masked' });
    expect(listed.items[0]?.value).toEqual({ kind: 'masked' });
    expect(history.items[0]).toMatchObject({ value: { kind: 'masked' }, labels: ['prod'] });
    for (const item of [fetched, listed, history]) expect(everyRendering(item)).not.toContain('hunter2');
  });

  it('hands the text out only through plaintext(), whatever prints the holder', async () => {
    const service = serviceOn((await startFakeEndpoint(answer)).url);
    const revealed = await service.reveal('/app/db/password', { version: 2 });
    expect(revealed).toBeInstanceOf(RevealedValue);
    expect(revealed.plaintext()).toBe(SECRET);
    expect(revealed).toMatchObject({ name: '/app/db/password', type: 'SecureString', version: 2 });
    expect(everyRendering(revealed)).not.toContain('hunter2');
    expect(everyRendering(revealed)).not.toContain('line-part-two');
    const all = await service.revealPath('/app').collect();
    expect(all.items.map((r) => r.plaintext())).toEqual([SECRET]);
    expect(everyRendering(all)).not.toContain('hunter2');
  });

  it('keeps a value the endpoint echoes out of the error a failed write throws', async () => {
    const service = serviceOn((await startFakeEndpoint(answer)).url);
    const failure = await service.putParameter({ name: '/app/db/password', value: SECRET, type: 'SecureString' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ServiceError);
    expect(failure).toMatchObject({ kind: 'Invalid', code: 'ValidationException' });
    expect((failure as ServiceError).message).toBe("Value '****' at 'value' failed to satisfy constraint");
    const error = failure as ServiceError;
    for (const text of [error.message, error.stack ?? '', everyRendering(error)]) {
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('line-part-two');
    }
  });

  it('prints, logs and warns nothing on any path, so no secret can reach a terminal', async () => {
    const service = serviceOn((await startFakeEndpoint(answer)).url);
    await service.putParameter({ name: '/app/db/password', value: SECRET, type: 'SecureString', overwrite: true });
    await service.putParameter({ name: '/app/db/password', value: SECRET, type: 'SecureString' }).catch(() => undefined);
    (await service.reveal('/app/db/password')).plaintext();
    await service.getParameter('/app/db/password');
    await service.revealPath('/app').collect();
    expect(output()).toBe('');
  });
});
