import { pruneAuditTrail } from './engine/audit/prune';
import { Engine } from './engine/engine';
import { resolveHome } from './engine/home';
import { ADMIN_PRINCIPAL } from './engine/identity/bootstrap';
import { firstActiveKey } from './engine/identity/access-keys';
import { InProcessHandler } from './protocol/in-process';
import { MetadataCacheStore } from './engine/metadata-cache/store';
import type { ListingCacheStore } from './service/listing-cache';
import { SdkService } from './service/sdk-service';
import type { ParameterSummary, ParameterType } from './service/types';
import { awsServiceOptions, localServiceOptions } from './service/options';
import { passphraseFor } from './commands/passphrase';
import type { TargetOptions } from './commands/options';

/**
 * The one composition root: builds what a command needs for the chosen target. Only this file
 * and `commands/` wiring may open the engine directly. `creation` applies only when the store is
 * new (`init --region`, `init --passphrase`).
 */
export async function openLocalEngine(
  options: Pick<TargetOptions, 'home' | 'auditRetentionDays'>,
  creation: { region?: string; passphrase?: string } = {},
): Promise<Engine> {
  const home = resolveHome(options.home);
  const passphrase = creation.passphrase ?? (await passphraseFor(home));
  const engine = Engine.open({ home, ...creation, ...(passphrase ? { passphrase } : {}) });
  try {
    // Retention (the auditRetentionDays setting) is applied as the store opens, about once a day:
    // pruneAuditTrail waits until the oldest record is a day past the limit, and leaves alone a
    // trail that does not verify (`audit verify` and `audit prune` say why).
    if (options.auditRetentionDays !== undefined) pruneAuditTrail(engine, options.auditRetentionDays, { onlyIfDayBehind: true });
    return engine;
  } catch (error) {
    engine.close();
    throw error;
  }
}

/** Who and where the service talks to: what the TUI header shows. */
export interface TargetLabel {
  target: 'local' | 'aws';
  region: string;
  /** Local: the store's account and the `--as` principal. */
  account?: string;
  principal?: string;
  home?: string;
  /** AWS: the profile in use, if any. */
  profile?: string;
}

/** A ready service for one target, and how to let go of it. */
export interface OpenedTarget {
  service: SdkService;
  label: TargetLabel;
  /**
   * Local only: a number that changes when another process commits to the store (SQLite's
   * data_version), so the UI can refresh when `serve` or a script writes.
   */
  changeSignal?: () => number;
  /** Local only: the open store, for local-only administration (`demo`'s principal). The UI never uses it. */
  engine?: Engine;
  close(): void;
}

/** Opens the target the flags choose: the embedded store (default) or real AWS. */
export async function openTarget(options: TargetOptions): Promise<OpenedTarget> {
  const readOnly = options.readOnly ?? false;
  if (options.target === 'aws') {
    const aws = await awsServiceOptions({ profile: options.profile, region: options.region, endpointUrl: options.endpointUrl });
    const profile = options.profile ?? process.env.AWS_PROFILE;
    const cache = options.metadataCache ? MetadataCacheStore.open(resolveHome(options.home)) : undefined;
    const scope = `${profile ?? 'default'} ${aws.region} ${options.endpointUrl ?? ''}`.trimEnd();
    const service = new SdkService({ ...aws, readOnly, ...(cache ? { listingCache: listingCacheStore(cache, scope) } : {}) });
    return {
      service,
      label: { target: 'aws', region: service.region, ...(profile ? { profile } : {}) },
      close: () => {
        service.close();
        cache?.close();
      },
    };
  }
  const engine = await openLocalEngine(options);
  try {
    const principal = options.as ?? ADMIN_PRINCIPAL;
    const key = firstActiveKey(engine, principal);
    const service = new SdkService({
      ...localServiceOptions({
        requestHandler: new InProcessHandler(engine),
        credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey },
        region: engine.region,
      }),
      readOnly,
    });
    return {
      service,
      label: { target: 'local', region: engine.region, account: engine.accountId, principal, home: engine.home },
      changeSignal: () => engine.dataVersion(),
      engine,
      close: () => {
        service.close();
        engine.close();
      },
    };
  } catch (error) {
    engine.close();
    throw error;
  }
}

/** The service's view of the cache: one scope (profile, region, endpoint) of the store's table. */
function listingCacheStore(cache: MetadataCacheStore, scope: string): ListingCacheStore {
  return {
    load: () => {
      const saved = cache.load(scope);
      if (!saved) return undefined;
      const items = saved.rows.map(
        (row): ParameterSummary => ({
          name: row.name,
          type: row.type as ParameterType,
          version: row.version,
          policies: [],
          ...(row.tier === undefined ? {} : { tier: row.tier }),
          ...(row.keyId === undefined ? {} : { keyId: row.keyId }),
          ...(row.lastModifiedMs === undefined ? {} : { lastModifiedDate: new Date(row.lastModifiedMs) }),
          ...(row.description === undefined ? {} : { description: row.description }),
        }),
      );
      return { items, savedAt: new Date(saved.savedAtMs) };
    },
    save: (items, savedAt) =>
      cache.save(
        scope,
        items.map((item) => ({
          name: item.name,
          type: item.type,
          version: item.version,
          tier: item.tier,
          keyId: item.keyId,
          lastModifiedMs: item.lastModifiedDate?.getTime(),
          description: item.description,
        })),
        savedAt.getTime(),
      ),
  };
}
