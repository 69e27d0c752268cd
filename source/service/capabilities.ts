import type { ServiceError } from './errors';
import type { RevealedValue } from './revealed-value';
import type {
  AuditEvent, CallerIdentity, KmsAlias, KmsKey, Parameter, ParameterSummary, ParameterType, ParameterVersion,
} from './types';

/** What a listing tells its caller while it runs, so a slow or throttled link is visible. */
export type ListingProgress =
  | { kind: 'page'; pages: number; items: number }
  | { kind: 'throttled'; code: string; retry: number; retries: number; delayMs: number };

/** Per-listing controls: cancel with `signal`, watch with `onProgress`. */
export interface ListOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ListingProgress) => void;
}

/** Everything a listing delivered, and why it stopped early if it did. */
export interface ListingResult<T> {
  items: T[];
  error?: ServiceError;
  cancelled: boolean;
}

/**
 * A paged answer the UI can draw page by page. Iterating never throws a service failure: the
 * pages before it are delivered, then iteration ends and `error` says what went wrong. Each
 * iteration starts from the first page.
 */
export interface Listing<T> extends AsyncIterable<T[]> {
  /** Why the last iteration stopped before the last page (after backing off when throttled). */
  readonly error: ServiceError | undefined;
  /** True when the last iteration stopped because its signal was aborted. */
  readonly cancelled: boolean;
  /** Iterates to the end and returns every item with the outcome; never rejects. */
  collect(): Promise<ListingResult<T>>;
}

/** Picks one version of a parameter, by number or by label (not both). */
export interface ParameterSelector {
  version?: number;
  label?: string;
}

/** A resource tag. */
export interface Tag {
  key: string;
  value: string;
}

/** Browsing parameters; SecureString text is reachable only through `reveal`/`revealPath`. */
export interface ParameterReader {
  /** Streams metadata (DescribeParameters) of every parameter, or of those under `path`. */
  listParameters(query?: { path?: string; recursive?: boolean }, options?: ListOptions): Listing<ParameterSummary>;
  /** Streams parameters with their values (SecureStrings masked) under `path`. */
  readPath(path: string, query?: { recursive?: boolean }, options?: ListOptions): Listing<Parameter>;
  getParameter(name: string, selector?: ParameterSelector): Promise<Parameter>;
  /** One parameter's metadata (tier, policies…), or undefined when there is none by that name. */
  describeParameter(name: string): Promise<ParameterSummary | undefined>;
  /** Decrypts one value (GetParameter WithDecryption): the user asked to see or copy it. */
  reveal(name: string, selector?: ParameterSelector): Promise<RevealedValue>;
  /** Decrypts every value under `path` (export --decrypt): the user asked for all of them. */
  revealPath(path: string, query?: { recursive?: boolean }, options?: ListOptions): Listing<RevealedValue>;
  listTags(name: string): Promise<Tag[]>;
}

/** What a new parameter or a new version is made of. */
export interface ParameterInput {
  name: string;
  value: string;
  type: ParameterType;
  description?: string;
  keyId?: string;
  overwrite?: boolean;
  tier?: 'Standard' | 'Advanced' | 'Intelligent-Tiering';
  allowedPattern?: string;
  dataType?: string;
  tags?: Tag[];
  /** Parameter policies as SSM's JSON array text (Advanced tier only). */
  policies?: string;
}

/** Changing parameters; absent in --read-only mode. */
export interface ParameterWriter {
  putParameter(input: ParameterInput): Promise<{ version: number; tier?: string }>;
  deleteParameter(name: string): Promise<void>;
  /** Deletes in batches of ten; names that did not exist come back in `invalid`. */
  deleteParameters(names: readonly string[]): Promise<{ deleted: string[]; invalid: string[] }>;
  /** Moves `labels` onto `version` (the latest when absent); refused labels come back. */
  labelVersion(name: string, labels: readonly string[], version?: number): Promise<{ version?: number; invalidLabels: string[] }>;
  unlabelVersion(name: string, version: number, labels: readonly string[]): Promise<{ removed: string[]; invalid: string[] }>;
  tagParameter(name: string, tags: readonly Tag[]): Promise<void>;
  untagParameter(name: string, keys: readonly string[]): Promise<void>;
}

/** A parameter's versions, newest last as SSM returns them. */
export interface HistoryReader {
  history(name: string, options?: ListOptions): Listing<ParameterVersion>;
}

/** Looking at KMS keys and aliases. */
export interface KeyReader {
  /** Streams keys with their details; a key whose details are refused still appears. */
  listKeys(options?: ListOptions): Listing<KmsKey>;
  listAliases(query?: { keyId?: string }, options?: ListOptions): Listing<KmsAlias>;
  describeKey(keyId: string): Promise<KmsKey>;
  /** The key policy document (JSON text) the key's detail view shows. */
  getKeyPolicy(keyId: string): Promise<string>;
  getKeyRotationStatus(keyId: string): Promise<KeyRotation>;
}

/** Whether KMS rotates a key's material automatically, and when it next will. */
export interface KeyRotation {
  enabled: boolean;
  periodDays?: number;
  nextRotation?: Date;
}

/** Managing KMS keys; absent in --read-only mode. */
export interface KeyManager extends KeyReader {
  createKey(input?: { description?: string; tags?: Tag[] }): Promise<KmsKey>;
  createAlias(aliasName: string, targetKeyId: string): Promise<void>;
  deleteAlias(aliasName: string): Promise<void>;
  enableKey(keyId: string): Promise<void>;
  disableKey(keyId: string): Promise<void>;
  scheduleKeyDeletion(keyId: string, pendingWindowInDays?: number): Promise<{ deletionDate?: Date }>;
  cancelKeyDeletion(keyId: string): Promise<void>;
}

/** One CloudTrail lookup attribute: CloudTrail accepts exactly one per request. */
export interface AuditLookup {
  attribute: 'EventId' | 'EventName' | 'ReadOnly' | 'Username' | 'ResourceType' | 'ResourceName' | 'EventSource' | 'AccessKeyId';
  value: string;
}

/**
 * Which events to read: lookups run one after another, filters apply on the client. KMS events
 * that name no parameter (S3's or EBS's use of a key) are left out: they say nothing about secrets here.
 */
export interface AuditQuery {
  /** Default: Decrypt events first (who read which secret), then every SSM call. */
  lookups?: AuditLookup[];
  /** Keeps only events that touched this parameter. */
  parameterName?: string;
  startTime?: Date;
  endTime?: Date;
}

/** The access trail (CloudTrail LookupEvents, on AWS or the local endpoint). */
export interface AuditReader {
  auditEvents(query?: AuditQuery, options?: ListOptions): Listing<AuditEvent>;
}

/** Who the credentials belong to. */
export interface Identity {
  whoAmI(): Promise<CallerIdentity>;
}
