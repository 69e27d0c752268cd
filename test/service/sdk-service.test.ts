import { describe, expect, it } from 'vitest';
import type { SdkService } from '../../source/service/sdk-service';
import { awsError, serviceOn, startFakeEndpoint } from './fake-endpoint';

const ARN = 'arn:aws:kms:us-east-1:111122223333:key/';

describe('the keys listing', () => {
  it('keeps a key whose details are refused, with the reason, and drops one deleted meanwhile', async () => {
    const endpoint = await startFakeEndpoint((request) => {
      if (request.target === 'TrentService.ListKeys') {
        return { body: { Keys: ['k1', 'k2', 'k3'].map((id) => ({ KeyId: id, KeyArn: ARN + id })), Truncated: false } };
      }
      const id = String(request.body.KeyId);
      if (id === 'k2') return awsError('AccessDeniedException', `User: bob is not authorized to perform: kms:DescribeKey on resource: ${ARN}k2`);
      if (id === 'k3') return awsError('NotFoundException', `Key '${ARN}k3' does not exist`);
      return { body: { KeyMetadata: { KeyId: id, Arn: ARN + id, KeyState: 'Enabled', Enabled: true, KeyManager: 'AWS', Description: 'Default key for SSM' } } };
    });
    const result = await serviceOn(endpoint.url).listKeys().collect();
    expect(result.error).toBeUndefined();
    expect(result.items).toEqual([
      { keyId: 'k1', arn: `${ARN}k1`, state: 'Enabled', enabled: true, manager: 'AWS', description: 'Default key for SSM' },
      { keyId: 'k2', arn: `${ARN}k2`, detailsError: `User: bob is not authorized to perform: kms:DescribeKey on resource: ${ARN}k2` },
    ]);
  });

  it('follows the Marker while KMS says the list is truncated', async () => {
    const endpoint = await startFakeEndpoint((request) => {
      if (request.target === 'TrentService.ListAliases') {
        return request.body.Marker === undefined
          ? { body: { Aliases: [{ AliasName: 'alias/aws/ssm', TargetKeyId: 'k1' }], Truncated: true, NextMarker: 'm2' } }
          : { body: { Aliases: [{ AliasName: 'alias/app', TargetKeyId: 'k2' }], Truncated: false } };
      }
      return awsError('UnknownOperationException', request.target);
    });
    const aliases = (await serviceOn(endpoint.url).listAliases().collect()).items;
    expect(aliases).toEqual([{ name: 'alias/aws/ssm', targetKeyId: 'k1' }, { name: 'alias/app', targetKeyId: 'k2' }]);
    expect(endpoint.requests.map((r) => [r.body.Limit, r.body.Marker])).toEqual([[100, undefined], [100, 'm2']]);
  });
});

describe('read-only mode', () => {
  it.each<[string, (s: SdkService) => Promise<unknown>]>([
    ['putParameter', (s) => s.putParameter({ name: '/x', value: 'v', type: 'String' })],
    ['deleteParameter', (s) => s.deleteParameter('/x')],
    ['deleteParameters', (s) => s.deleteParameters(['/x'])],
    ['labelVersion', (s) => s.labelVersion('/x', ['l'])],
    ['unlabelVersion', (s) => s.unlabelVersion('/x', 1, ['l'])],
    ['tagParameter', (s) => s.tagParameter('/x', [{ key: 'k', value: 'v' }])],
    ['untagParameter', (s) => s.untagParameter('/x', ['k'])],
    ['createKey', (s) => s.createKey()],
    ['createAlias', (s) => s.createAlias('alias/x', 'k')],
    ['deleteAlias', (s) => s.deleteAlias('alias/x')],
    ['enableKey', (s) => s.enableKey('k')],
    ['disableKey', (s) => s.disableKey('k')],
    ['scheduleKeyDeletion', (s) => s.scheduleKeyDeletion('k', 7)],
    ['cancelKeyDeletion', (s) => s.cancelKeyDeletion('k')],
  ])('refuses %s without sending a request', async (_name, write) => {
    const endpoint = await startFakeEndpoint(() => ({ body: {} }));
    await expect(write(serviceOn(endpoint.url, { readOnly: true }))).rejects.toMatchObject({ kind: 'AccessDenied', code: 'ReadOnlyMode' });
    expect(endpoint.requests).toEqual([]);
  });
});

describe('single reads', () => {
  it('asks for `name:version` or `name:label`, and refuses both at once', async () => {
    const endpoint = await startFakeEndpoint(() => ({ body: { Parameter: { Name: '/x', Type: 'String', Value: 'v', Version: 1 } } }));
    const service = serviceOn(endpoint.url);
    await service.getParameter('/x', { version: 4 });
    await service.reveal('/x', { label: 'prod' });
    expect(endpoint.requests.map((r) => [r.body.Name, r.body.WithDecryption])).toEqual([['/x:4', false], ['/x:prod', true]]);
    await expect(service.getParameter('/x', { version: 1, label: 'prod' })).rejects.toMatchObject({ kind: 'Invalid' });
    expect(endpoint.requests).toHaveLength(2);
  });

  it('masks a value of a type it does not know, rather than show what may be ciphertext', async () => {
    const endpoint = await startFakeEndpoint(() => ({ body: { Parameter: { Name: '/x', Type: 'FutureSecret', Value: 'maybe-secret', Version: 1 } } }));
    expect(await serviceOn(endpoint.url).getParameter('/x')).toMatchObject({ type: 'SecureString', value: { kind: 'masked' } });
  });
});
