import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { CallContext } from './context';
import { DATABASE_FILE, openDatabase, type Db } from './database';
import { AwsError } from './errors';
import { ensureHome } from './home';
import { asInput, type Input } from './input';
import { ROOT_KEY_FILE, createRootKeyFile, newRootKey, type Keyring } from './keyring';
import { recordKeyCheck, unlockRootKey } from './root-key-check';
import { bootstrapIdentity } from './identity/bootstrap';
import { startAuditTrail } from './audit/chain';
import { runCall } from './audit/run-call';
import { forgetRemembered } from './cache/remembered';
import { sweepDuePolicies } from './parameters/policy-sweep';
import { OPERATION_TABLES, type ServiceName } from './operations';
import { inTransaction } from './transaction';

/** How to open a local store. */
export interface EngineOptions {
  home: string;
  clock?: Clock;
  /** Region fixed at creation; ignored when the store exists. */
  region?: string;
  /** Account id fixed at creation (12 digits); random when absent. */
  accountId?: string;
  /** Unlocks a passphrase-wrapped root key; at creation, wraps the new root key under it. */
  passphrase?: string;
}

/** One engine operation: how it is run and whether it needs the write lock. */
export interface Operation {
  /** True when the call changes state, so it runs in BEGIN IMMEDIATE (calls that decrypt do too, for their audit). */
  writes(input: Input): boolean;
  run(engine: Engine, ctx: CallContext, input: Input): unknown;
}

/** An AWS service's operations by name. */
export type OperationTable = Readonly<Record<string, Operation>>;

/**
 * The embedded Parameter Store + KMS: one SQLite store, one root key, one account and region.
 * Every call goes through `dispatch`, which runs it in one transaction so an action and its
 * audit record commit together or not at all.
 */
export class Engine {
  private constructor(
    readonly home: string,
    readonly db: Db,
    readonly keyring: Keyring,
    readonly clock: Clock,
    readonly accountId: string,
    readonly region: string,
  ) {}

  /** Opens the store at `home`, creating it (root key, account, `admin`) on first use. */
  static open(options: EngineOptions): Engine {
    const { home } = options;
    ensureHome(home);
    const keyFile = join(home, ROOT_KEY_FILE);
    const storeExists = existsSync(join(home, DATABASE_FILE));
    let createdKey: Buffer | undefined;
    if (!existsSync(keyFile)) {
      if (storeExists) throw new Error(`${keyFile} is missing: the store at ${home} cannot be decrypted without it`);
      createdKey = newRootKey();
      createRootKeyFile(home, createdKey, options.passphrase);
    }
    const db = openDatabase(home);
    try {
      // A key just created is used as is: unwrapping it again would cost a second scrypt run.
      const keyring = unlockRootKey(home, db, options.passphrase, createdKey);
      const meta = readMeta(db) ?? initializeMeta(db, options);
      const engine = new Engine(home, db, keyring, options.clock ?? systemClock, meta.accountId, meta.region);
      engine.transaction(() => {
        if (bootstrapIdentity(engine)) startAuditTrail(engine);
        recordKeyCheck(engine);
      });
      // Policies that fell due while no process had the store open are carried out first. A
      // sweep that cannot run (a trail that does not verify, a busy store) waits for the next
      // open: the store must still open, for `audit verify` above all.
      try {
        sweepDuePolicies(engine);
      } catch {
        // Nothing was changed: the sweep's transaction rolled back.
      }
      return engine;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Runs `fn` in BEGIN IMMEDIATE: the write lock is taken first, so reads inside are current. */
  transaction<T>(fn: () => T): T {
    return inTransaction(this.db, 'immediate', fn);
  }

  /**
   * Runs one AWS operation for `ctx`'s principal: authorized first, audited in the same
   * transaction (audit/run-call.ts). Unknown names are UnknownOperationException.
   */
  dispatch(service: ServiceName, operation: string, body: unknown, ctx: CallContext): unknown {
    const table: OperationTable = OPERATION_TABLES[service];
    const op = Object.hasOwn(table, operation) ? table[operation] : undefined;
    if (!op) throw new AwsError('UnknownOperationException', `Unknown operation ${operation}`);
    return runCall(this, { service, operation, op, input: asInput(body), ctx });
  }

  /** The ARN of a parameter, as AWS writes it: no doubled slash for names that start with one. */
  parameterArn(name: string): string {
    return `arn:aws:ssm:${this.region}:${this.accountId}:parameter/${name.startsWith('/') ? name.slice(1) : name}`;
  }

  /** Changes whenever another connection commits: the UI's cheap "something changed" signal. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  close(): void {
    forgetRemembered(this);
    if (this.db.open) this.db.close();
  }
}

interface StoreMeta {
  accountId: string;
  region: string;
}

function readMeta(db: Db): StoreMeta | undefined {
  const rows = db.prepare('SELECT key, value FROM store_meta').all() as { key: string; value: string }[];
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const accountId = map.get('account_id');
  const region = map.get('region');
  return accountId && region ? { accountId, region } : undefined;
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function initializeMeta(db: Db, options: EngineOptions): StoreMeta {
  const region = options.region ?? 'us-east-1';
  if (!REGION_PATTERN.test(region)) throw new Error(`${region} is not a region name (like us-east-1)`);
  const accountId = options.accountId ?? String(randomInt(100_000, 1_000_000)) + String(randomInt(100_000, 1_000_000));
  if (!/^\d{12}$/.test(accountId)) throw new Error(`${accountId} is not a 12-digit account id`);
  return db.transaction(() => {
    // Another process may have initialised the store between our read and this lock.
    const existing = readMeta(db);
    if (existing) return existing;
    const insert = db.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?)');
    insert.run('account_id', accountId);
    insert.run('region', region);
    return { accountId, region };
  }).immediate();
}
