import { SSMClient, type SSMClientConfig } from '@aws-sdk/client-ssm';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { LOCAL_ENDPOINT, quietSdkWarnings } from './clients';
import { ServiceError } from './errors';
import type { BackoffPolicy } from './listing';
import type { ListingCacheStore } from './listing-cache';

/** Static keys or a provider (the node chain, SSO, assume-role), as every SDK client takes them. */
export type Credentials = NonNullable<SSMClientConfig['credentials']>;

/** An SDK request handler: the in-process one for the local target, or HTTP agent settings. */
export type RequestHandler = NonNullable<SSMClientConfig['requestHandler']>;

/** Everything the service needs to reach one target; the composition root builds it. */
export interface ServiceOptions {
  region: string;
  credentials?: Credentials;
  /** A fixed endpoint for every service; without it the SDK's own resolution (AWS_ENDPOINT_URL_*). */
  endpoint?: string;
  requestHandler?: RequestHandler;
  profile?: string;
  /** SDK attempts per request, first try included. */
  maxAttempts?: number;
  retryMode?: 'standard' | 'adaptive';
  /** Backoff of listings once the SDK gives up on a throttled page. */
  backoff?: BackoffPolicy;
  /** Least time between two CloudTrail LookupEvents calls (AWS allows 2 per second). */
  auditIntervalMs?: number;
  /** `--read-only`: every write is refused before a request is sent. */
  readOnly?: boolean;
  /** The aws target's listing cache (stale-while-revalidate); absent when switched off or local. */
  listingCache?: ListingCacheStore;
}

/** The flags that choose how to reach real AWS (DESIGN.md, "Command line"). */
export interface AwsTargetFlags {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  maxAttempts?: number;
}

export { LOCAL_ENDPOINT } from './clients';

// A bastion's slow link drops connections and throttles bursts: a few adaptive retries (which
// also slow the client down under throttling) and timeouts that end a dead connection in
// seconds, not the SDK's default quarter of an hour.
const AWS_MAX_ATTEMPTS = 5;
const AWS_HTTP: RequestHandler = { connectionTimeout: 10_000, requestTimeout: 60_000 };

// The credential chain warns with console.warn when both AWS_PROFILE and static env keys are
// set; inside the TUI that line would tear the screen. A logger that is not the SDK's NoOpLogger
// takes the warning instead, and the header shows whose credentials are in use.
const SILENT_LOGGER = { debug() {}, info() {}, warn() {}, error() {}, trace() {} };

/**
 * Options for `--target aws`: credentials from the standard chain for `--profile` or AWS_PROFILE
 * (SSO and assume-role profiles included), region from the flag, AWS_REGION, AWS_DEFAULT_REGION
 * and then the profile, endpoint from `--endpoint-url` or else the SDK's AWS_ENDPOINT_URL(_SSM…).
 */
export async function awsServiceOptions(flags: AwsTargetFlags = {}): Promise<ServiceOptions> {
  const profile = flags.profile ?? nonEmpty(process.env.AWS_PROFILE);
  const region = flags.region ?? nonEmpty(process.env.AWS_REGION) ?? nonEmpty(process.env.AWS_DEFAULT_REGION) ?? (await profileRegion(profile));
  return {
    region,
    credentials: fromNodeProviderChain({ ...(profile ? { profile } : {}), logger: SILENT_LOGGER }),
    ...(profile ? { profile } : {}),
    ...(flags.endpointUrl ? { endpoint: flags.endpointUrl } : {}),
    requestHandler: AWS_HTTP,
    maxAttempts: flags.maxAttempts ?? AWS_MAX_ATTEMPTS,
    retryMode: 'adaptive',
  };
}

/** Options for `--target local`: the in-process handler, the `--as` principal's keys, the store's region. */
export function localServiceOptions(input: { requestHandler: RequestHandler; credentials: Credentials; region: string }): ServiceOptions {
  // The local trail has no CloudTrail request quota to respect: no pacing between pages.
  return { ...input, endpoint: LOCAL_ENDPOINT, retryMode: 'standard', auditIntervalMs: 0 };
}

// The SDK's own region chain reads the profile's `region` (config, then credentials file) and
// the instance metadata of an EC2 bastion; a throwaway client runs it without a request.
async function profileRegion(profile: string | undefined): Promise<string> {
  quietSdkWarnings();
  const probe = new SSMClient({ ...(profile ? { profile } : {}), logger: SILENT_LOGGER });
  try {
    return await probe.config.region();
  } catch {
    const where = profile ? `in profile ${profile}` : 'in your AWS config';
    throw new ServiceError('Invalid', 'MissingRegion', `No AWS region: pass --region, set AWS_REGION, or set region ${where}`);
  } finally {
    probe.destroy();
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
