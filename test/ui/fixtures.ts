import { manualClock } from '../../source/engine/clock';
import type { Engine } from '../../source/engine/engine';
import { call } from '../helpers/engine';

/** The store's fixed account, so ARNs in frames never change. */
export const ACCOUNT = '123456789012';
/** When the sample store was written. */
export const WRITTEN = Date.UTC(2026, 0, 1, 12, 0, 0);
/** The app's "now": three days after the writes, so ages read `3 days ago`. */
export const NOW = new Date(Date.UTC(2026, 0, 4, 12, 0, 0));

/** A clock that starts at WRITTEN and moves a minute per write, so each write has its own time. */
export function sampleClock() {
  return manualClock(WRITTEN);
}

interface Put {
  name: string;
  value: string;
  type?: 'String' | 'StringList' | 'SecureString';
  description?: string;
  keyId?: string;
}

/** A realistic little tree: folders, every type, a customer managed key, versions, labels, tags, hostile text. */
export function seedSample(engine: Engine, advance: (ms: number) => void): void {
  const put = (p: Put, overwrite = false) => {
    advance(60_000);
    call(engine, 'ssm', 'PutParameter', {
      Name: p.name, Value: p.value, Type: p.type ?? 'String', Overwrite: overwrite,
      ...(p.description ? { Description: p.description } : {}), ...(p.keyId ? { KeyId: p.keyId } : {}),
    });
  };
  advance(60_000);
  const created = call(engine, 'kms', 'CreateKey', { Description: 'payments secrets' }) as { KeyMetadata: { KeyId: string } };
  call(engine, 'kms', 'CreateAlias', { AliasName: 'alias/payments', TargetKeyId: created.KeyMetadata.KeyId });
  put({ name: '/payments/prod/db/url', value: 'postgres://db.prod.internal:5432/payments', description: 'Primary database URL' });
  put({ name: '/payments/prod/db/password', value: 'first-secret', type: 'SecureString', keyId: 'alias/payments', description: 'Database password' });
  put({ name: '/payments/prod/db/password', value: 'second-secret', type: 'SecureString', keyId: 'alias/payments', description: 'Database password' }, true);
  call(engine, 'ssm', 'LabelParameterVersion', { Name: '/payments/prod/db/password', ParameterVersion: 2, Labels: ['live'] });
  call(engine, 'ssm', 'LabelParameterVersion', { Name: '/payments/prod/db/password', ParameterVersion: 1, Labels: ['previous'] });
  call(engine, 'ssm', 'AddTagsToResource', {
    ResourceType: 'Parameter', ResourceId: '/payments/prod/db/password', Tags: [{ Key: 'team', Value: 'payments' }, { Key: 'env', Value: 'prod' }],
  });
  put({ name: '/payments/prod/api/origins', value: 'https://shop.example,https://admin.example', type: 'StringList' });
  put({ name: '/payments/staging/db/url', value: 'postgres://db.staging.internal:5432/payments' });
  put({ name: '/payments/staging/db/password', value: 'staging-secret', type: 'SecureString', description: 'Staging password' });
  put({
    name: '/search/prod/motd',
    value: 'Welcome to search.\nThis second line is deliberately long so that it has to wrap at the edge of an eighty column terminal rather than be cut.',
    description: 'Banner shown at login',
  });
  put({ name: '/search/prod/hostile', value: 'before\u001b[2Jafter \u202eevil', description: 'Escape sequences stay visible' });
  put({ name: 'plain-name', value: 'lives at the root' });
}
