import type { Tag } from '../service/capabilities';
import type { ParameterType } from '../service/types';

/** The customer managed key the demo's most sensitive secrets are encrypted under. */
export const DEMO_KEY_ALIAS = 'alias/paramdeck-demo';

/** One parameter of the demo tree, with its whole history. */
export interface DemoParameter {
  name: string;
  type: ParameterType;
  /** Oldest first: each value becomes one version. */
  values: readonly string[];
  /** Encrypted under DEMO_KEY_ALIAS instead of the default key (alias/aws/ssm). */
  customerKey?: boolean;
  description?: string;
  /** Labels and the version each points at. */
  labels?: Readonly<Record<string, number>>;
  tags: readonly Tag[];
}

/** The top-level paths the demo owns: what it lists to find what is already there. */
export const DEMO_ROOTS = ['/checkout', '/billing', '/search', '/shared'] as const;

const APPS = [
  { app: 'checkout', owner: 'team-payments', port: '5432', flags: 'one-click-buy,apple-pay,saved-carts' },
  { app: 'billing', owner: 'team-finance', port: '5432', flags: 'sepa-direct-debit,invoice-pdf-v2' },
  { app: 'search', owner: 'team-discovery', port: '9200', flags: 'semantic-ranking,typo-tolerance' },
] as const;
const ENVS = ['dev', 'staging', 'prod'] as const;

// Fake, obviously-demo secrets; a quote, a dollar and a backslash show how export quotes them.
const DB_PASSWORDS: Record<string, string> = { dev: 'dev-only-not-secret', staging: "st4ging-'quoted'-$HOME", prod: 'pr0d-Zx9#q\\w!demo' };

/** The whole demo tree: a few apps × dev/staging/prod, plus settings every app shares. */
export function demoTree(): DemoParameter[] {
  const tree: DemoParameter[] = [];
  for (const { app, owner, port, flags } of APPS) {
    for (const env of ENVS) {
      const base = `/${app}/${env}`;
      const tags: Tag[] = [
        { key: 'app', value: app },
        { key: 'env', value: env },
        { key: 'owner', value: owner },
        { key: 'managed-by', value: 'paramdeck-demo' },
      ];
      const host = env === 'prod' ? `${app}-prod.cluster-c7x2m4.us-east-1.rds.amazonaws.com` : `${app}-${env}.db.internal`;
      const web = env === 'prod' ? 'example.com' : `${env}.example.com`;
      tree.push(
        { name: `${base}/db/host`, type: 'String', values: [host], description: `Primary database of ${app} (${env})`, tags },
        { name: `${base}/db/port`, type: 'String', values: [port], tags },
        {
          name: `${base}/db/password`,
          type: 'SecureString',
          // Production's password was rotated once; the labels say which is which.
          values: env === 'prod' ? [`${DB_PASSWORDS.prod}-2023`, `${DB_PASSWORDS.prod}`] : [`${DB_PASSWORDS[env]}`],
          customerKey: env === 'prod',
          description: env === 'prod' ? 'Rotated yearly; encrypted under the customer managed key' : 'Database password',
          ...(env === 'prod' ? { labels: { previous: 1, current: 2 } } : {}),
          tags,
        },
        {
          name: `${base}/api-token`,
          type: 'SecureString',
          values: [`demo_tok_${app}_${env}_8f14e45fceea167a`],
          customerKey: true,
          description: 'Third-party API token (customer managed key: the auditor may not decrypt it)',
          tags,
        },
        { name: `${base}/allowed-origins`, type: 'StringList', values: [`https://${web},https://admin.${web}`], tags },
        { name: `${base}/feature-flags`, type: 'StringList', values: env === 'dev' ? [flags, `${flags},experimental-ui`] : [flags], tags },
        { name: `${base}/log-level`, type: 'String', values: env === 'prod' ? ['info', 'debug', 'warn'] : ['debug'], tags },
        {
          name: `${base}/release`,
          type: 'String',
          values: ['1.4.0', '1.4.1', '1.5.0'],
          description: 'Deployed release; labels mark the stable and the canary version',
          labels: env === 'prod' ? { stable: 2, canary: 3 } : env === 'staging' ? { stable: 3 } : {},
          tags,
        },
      );
    }
  }
  const shared: Tag[] = [
    { key: 'owner', value: 'team-platform' },
    { key: 'managed-by', value: 'paramdeck-demo' },
  ];
  tree.push(
    { name: '/shared/region', type: 'String', values: ['us-east-1'], tags: shared },
    { name: '/shared/sentry/dsn', type: 'SecureString', values: ['https://0123456789abcdef@o0.ingest.example.io/42'], tags: shared },
    {
      name: '/shared/smtp/password',
      type: 'SecureString',
      values: ['smtp-demo-first', 'smtp-demo-second'],
      customerKey: true,
      labels: { current: 2 },
      tags: shared,
    },
  );
  return tree;
}
