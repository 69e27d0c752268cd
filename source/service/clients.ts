import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { KMSClient } from '@aws-sdk/client-kms';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { ServiceOptions } from './options';

/** The four SDK clients of one service instance, built once and reused for every call. */
export interface ServiceClients {
  ssm: SSMClient;
  kms: KMSClient;
  cloudtrail: CloudTrailClient;
  sts: STSClient;
}

/**
 * Stops the SDK's "will require node >= 22" notice. The SDK emits it with process.emitWarning
 * when a client is constructed; it would land in the middle of the TUI and the user cannot act
 * on it. (AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE is SDK v2's switch; v3 reads this one.)
 */
export function quietSdkWarnings(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

/** Builds the clients for `options`; every client shares the credentials provider and handler. */
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
    ...options.sdkSettings,
  };
  return {
    ssm: new SSMClient(config),
    kms: new KMSClient(config),
    cloudtrail: new CloudTrailClient(config),
    sts: new STSClient(config),
  };
}

/** Closes the clients' sockets so a command can exit without waiting on keep-alive timers. */
export function destroyClients(clients: ServiceClients): void {
  for (const client of Object.values(clients)) client.destroy();
}
