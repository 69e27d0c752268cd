import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  CancelKeyDeletionCommand, CreateAliasCommand, CreateKeyCommand, DeleteAliasCommand, DescribeKeyCommand,
  DisableKeyCommand, EnableKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import {
  DescribeParametersCommand, GetParameterCommand, GetParameterHistoryCommand, GetParametersByPathCommand,
  ListTagsForResourceCommand, type Parameter as SdkParameter,
} from '@aws-sdk/client-ssm';
import { auditFetcher, Pacer } from './audit-events';
import type {
  AuditQuery, AuditReader, HistoryReader, Identity, KeyManager, KeyRotation, ListOptions, Listing, ParameterReader,
  ParameterSelector, Tag,
} from './capabilities';
import { buildClients, type ServiceClients } from './clients';
import { mapErrors, ServiceError } from './errors';
import { aliasPages, keyPages } from './key-pages';
import { DEFAULT_BACKOFF, pagedListing, type BackoffPolicy, type PageFetcher } from './listing';
import { opt, toKey, toParameter, toRevealed, toSummary, toVersion } from './mappers';
import type { ServiceOptions } from './options';
import { ParameterWrites } from './parameter-writes';
import { savingWhenComplete, type CachedListing, type ListingCacheStore } from './listing-cache';
import type { RevealedValue } from './revealed-value';
import type { AuditEvent, CallerIdentity, KmsAlias, KmsKey, Parameter, ParameterSummary, ParameterVersion } from './types';

// SSM's page-size ceilings: DescribeParameters and GetParameterHistory 50, GetParametersByPath 10.
const DESCRIBE_PAGE = 50;
const BY_PATH_PAGE = 10;
const HISTORY_PAGE = 50;

/**
 * The one implementation of every capability, on the AWS SDK v3. Both targets use it: real AWS
 * through HTTPS, the local store through the in-process request handler. Clients are built once
 * and reused; nothing it reads is cached, and decrypted text leaves only inside RevealedValue.
 */
export class SdkService extends ParameterWrites implements ParameterReader, HistoryReader, KeyManager, AuditReader, Identity {
  readonly region: string;
  private readonly clients: ServiceClients;
  private readonly backoff: BackoffPolicy;
  private readonly pacer: Pacer;
  private readonly listingCache: ListingCacheStore | undefined;

  constructor(options: ServiceOptions) {
    const clients = buildClients(options);
    super(clients.ssm, options.readOnly ?? false);
    this.clients = clients;
    this.region = options.region;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.pacer = new Pacer(options.auditIntervalMs ?? 500);
    this.listingCache = options.listingCache;
  }

  /** The aws target's last complete listing, to draw while the real one runs; undefined without a cache. */
  cachedParameters(): CachedListing | undefined {
    return this.listingCache?.load();
  }

  listParameters(query: { path?: string; recursive?: boolean } = {}, options?: ListOptions): Listing<ParameterSummary> {
    const filters = query.path === undefined
      ? undefined
      : [{ Key: 'Path', Option: query.recursive ? 'Recursive' : 'OneLevel', Values: [query.path] }];
    const listing = this.listing(async (token: string | undefined, signal) => {
      const out = await this.clients.ssm.send(
        new DescribeParametersCommand({ MaxResults: DESCRIBE_PAGE, ...opt('ParameterFilters', filters), ...opt('NextToken', token) }),
        { abortSignal: signal },
      );
      return { items: (out.Parameters ?? []).map(toSummary), ...opt('next', out.NextToken) };
    }, options);
    // Only the whole account's listing is what the cache stands for.
    return this.listingCache && !filters ? savingWhenComplete(listing, this.listingCache, () => new Date(), options) : listing;
  }

  readPath(path: string, query: { recursive?: boolean } = {}, options?: ListOptions): Listing<Parameter> {
    return this.listing(this.byPath(path, query.recursive ?? false, false, toParameter), options);
  }

  async getParameter(name: string, selector?: ParameterSelector): Promise<Parameter> {
    return toParameter(await this.fetchParameter(name, selector, false));
  }

  async describeParameter(name: string): Promise<ParameterSummary | undefined> {
    const filters = [{ Key: 'Name', Option: 'Equals', Values: [name] }];
    const out = await mapErrors(() => this.clients.ssm.send(new DescribeParametersCommand({ ParameterFilters: filters })));
    const found = out.Parameters?.[0];
    return found ? toSummary(found) : undefined;
  }

  async reveal(name: string, selector?: ParameterSelector): Promise<RevealedValue> {
    return toRevealed(await this.fetchParameter(name, selector, true));
  }

  revealPath(path: string, query: { recursive?: boolean } = {}, options?: ListOptions): Listing<RevealedValue> {
    return this.listing(this.byPath(path, query.recursive ?? false, true, toRevealed), options);
  }

  async listTags(name: string): Promise<Tag[]> {
    const out = await mapErrors(() => this.clients.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: name })));
    return (out.TagList ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
  }

  history(name: string, options?: ListOptions): Listing<ParameterVersion> {
    return this.listing(async (token: string | undefined, signal) => {
      const out = await this.clients.ssm.send(
        new GetParameterHistoryCommand({ Name: name, WithDecryption: false, MaxResults: HISTORY_PAGE, ...opt('NextToken', token) }),
        { abortSignal: signal },
      );
      return { items: (out.Parameters ?? []).map(toVersion), ...opt('next', out.NextToken) };
    }, options);
  }

  listKeys(options?: ListOptions): Listing<KmsKey> {
    return this.listing(keyPages(this.clients.kms), options);
  }

  listAliases(query: { keyId?: string } = {}, options?: ListOptions): Listing<KmsAlias> {
    return this.listing(aliasPages(this.clients.kms, query.keyId), options);
  }

  async describeKey(keyId: string): Promise<KmsKey> {
    const out = await mapErrors(() => this.clients.kms.send(new DescribeKeyCommand({ KeyId: keyId })));
    return toKey(out.KeyMetadata ?? { KeyId: keyId });
  }

  async getKeyPolicy(keyId: string): Promise<string> {
    const out = await mapErrors(() => this.clients.kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' })));
    return out.Policy ?? '';
  }

  async getKeyRotationStatus(keyId: string): Promise<KeyRotation> {
    const out = await mapErrors(() => this.clients.kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId })));
    return {
      enabled: out.KeyRotationEnabled ?? false,
      ...opt('periodDays', out.RotationPeriodInDays),
      ...opt('nextRotation', out.NextRotationDate),
    };
  }

  async createKey(input: { description?: string; tags?: Tag[] } = {}): Promise<KmsKey> {
    this.refuseWhenReadOnly('CreateKey');
    const tags = input.tags?.map((t) => ({ TagKey: t.key, TagValue: t.value }));
    const out = await mapErrors(() => this.clients.kms.send(
      new CreateKeyCommand({ ...opt('Description', input.description), ...opt('Tags', tags) }),
    ));
    return toKey(out.KeyMetadata ?? { KeyId: '' });
  }

  async createAlias(aliasName: string, targetKeyId: string): Promise<void> {
    this.refuseWhenReadOnly('CreateAlias');
    await mapErrors(() => this.clients.kms.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: targetKeyId })));
  }

  async deleteAlias(aliasName: string): Promise<void> {
    this.refuseWhenReadOnly('DeleteAlias');
    await mapErrors(() => this.clients.kms.send(new DeleteAliasCommand({ AliasName: aliasName })));
  }

  async enableKey(keyId: string): Promise<void> {
    this.refuseWhenReadOnly('EnableKey');
    await mapErrors(() => this.clients.kms.send(new EnableKeyCommand({ KeyId: keyId })));
  }

  async disableKey(keyId: string): Promise<void> {
    this.refuseWhenReadOnly('DisableKey');
    await mapErrors(() => this.clients.kms.send(new DisableKeyCommand({ KeyId: keyId })));
  }

  async scheduleKeyDeletion(keyId: string, pendingWindowInDays?: number): Promise<{ deletionDate?: Date }> {
    this.refuseWhenReadOnly('ScheduleKeyDeletion');
    const out = await mapErrors(() => this.clients.kms.send(
      new ScheduleKeyDeletionCommand({ KeyId: keyId, ...opt('PendingWindowInDays', pendingWindowInDays) }),
    ));
    return opt('deletionDate', out.DeletionDate);
  }

  async cancelKeyDeletion(keyId: string): Promise<void> {
    this.refuseWhenReadOnly('CancelKeyDeletion');
    await mapErrors(() => this.clients.kms.send(new CancelKeyDeletionCommand({ KeyId: keyId })));
  }

  auditEvents(query: AuditQuery = {}, options?: ListOptions): Listing<AuditEvent> {
    return this.listing(auditFetcher(this.clients.cloudtrail, this.pacer, query), options);
  }

  async whoAmI(): Promise<CallerIdentity> {
    const out = await mapErrors(() => this.clients.sts.send(new GetCallerIdentityCommand({})));
    return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  }

  /** Closes the clients' sockets; the service is unusable afterwards. */
  close(): void {
    this.clients.destroy();
  }

  private listing<T, C>(fetchPage: PageFetcher<T, C>, options: ListOptions | undefined): Listing<T> {
    return pagedListing(fetchPage, options, this.backoff);
  }

  private byPath<T>(path: string, recursive: boolean, decrypt: boolean, map: (p: SdkParameter) => T): PageFetcher<T, string> {
    return async (token, signal) => {
      const out = await this.clients.ssm.send(
        new GetParametersByPathCommand({
          Path: path, Recursive: recursive, WithDecryption: decrypt, MaxResults: BY_PATH_PAGE, ...opt('NextToken', token),
        }),
        { abortSignal: signal },
      );
      return { items: (out.Parameters ?? []).map(map), ...opt('next', out.NextToken) };
    };
  }

  private async fetchParameter(name: string, selector: ParameterSelector = {}, decrypt: boolean): Promise<SdkParameter> {
    if (selector.version !== undefined && selector.label !== undefined) {
      throw new ServiceError('Invalid', 'ValidationException', 'Ask for a version or a label, not both');
    }
    const suffix = selector.version ?? selector.label;
    const out = await mapErrors(() => this.clients.ssm.send(
      new GetParameterCommand({ Name: suffix === undefined ? name : `${name}:${suffix}`, WithDecryption: decrypt }),
    ));
    if (!out.Parameter) throw new ServiceError('NotFound', 'ParameterNotFound', `Parameter ${name} not found.`);
    return out.Parameter;
  }
}
