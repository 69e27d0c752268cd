import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { KMSClient } from '@aws-sdk/client-kms';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { ServiceOptions } from './options';

/** The endpoint the local target's SDK clients sign for; the in-process handler never dials it. */
export const LOCAL_ENDPOINT = 'http://paramdeck.local';

/**
 * Settings the SDK would otherwise resolve from AWS_* variables and the shared config files on
 * the first call of each client, though they mean nothing for the in-process endpoint (FIPS and
 * dual-stack endpoints, an app id, defaults mode, auth scheme order, SigV4a regions, clock skew): the
 * look-ups cost a tenth of the TUI's start-up before its first page of parameters.
 */
function inProcessSettings() {
  return {
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    userAgentAppId: '',
    defaultsMode: 'standard' as const,
    authSchemePreference: [] as string[],
    sigv4aSigningRegionSet: [] as string[],
    // Same clock on both ends: there is no skew to correct.
    disableClockSkewCorrection: true,
  };
}

/** The four SDK clients of one service instance, built once and reused for every call. */
export interface ServiceClients {
  readonly ssm: SSMClient;
  readonly kms: KMSClient;
  readonly cloudtrail: CloudTrailClient;
  readonly sts: STSClient;
  /** Closes the sockets of the clients built so far, so a command can exit without waiting on keep-alive timers. */
  destroy(): void;
}

/**
 * Stops the SDK's "will require node >= 22" notice. The SDK emits it with process.emitWarning
 * when a client is constructed; it would land in the middle of the TUI and the user cannot act
 * on it. (AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE is SDK v2's switch; v3 reads this one.)
 */
export function quietSdkWarnings(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

/**
 * The clients for `options`, each built on first use: every client shares the credentials
 * provider and handler, and a screen that shows only parameters never pays for building the
 * KMS and CloudTrail clients.
 */
export function buildClients(options: ServiceOptions): ServiceClients {
  quietSdkWarnings();
  const config = {
    region: options.region,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.requestHandler ? { requestHandler: options.requestHandler } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    maxAttempts: options.maxAttempts ?? 3,
    retryMode: options.retryMode ?? 'adaptive',
    ...(options.endpoint === LOCAL_ENDPOINT ? inProcessSettings() : {}),
  };
  const built: { ssm?: SSMClient; kms?: KMSClient; cloudtrail?: CloudTrailClient; sts?: STSClient } = {};
  return {
    get ssm() {
      return (built.ssm ??= new SSMClient(config));
    },
    get kms() {
      return (built.kms ??= new KMSClient(config));
    },
    get cloudtrail() {
      return (built.cloudtrail ??= new CloudTrailClient(config));
    },
    get sts() {
      return (built.sts ??= new STSClient(config));
    },
    destroy() {
      for (const client of Object.values(built)) client.destroy();
    },
  };
}
