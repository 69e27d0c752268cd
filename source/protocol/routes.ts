import { OPERATION_TABLES, type ServiceName } from '../engine/operations';

/** Where a request goes: the engine service that runs it and the name SigV4 scopes it to. */
export interface Route {
  /** The engine's service name (a key of OPERATION_TABLES once that service exists there). */
  readonly service: string;
  /** The service name in the client's credential scope (`…/<region>/<signingName>/aws4_request`). */
  readonly signingName: string;
  readonly operation: string;
}

/**
 * X-Amz-Target prefixes of the JSON 1.1 services. CloudTrail arrives in two spellings: the JS
 * SDK sends the short one, boto3 and the AWS CLI the fully qualified one.
 */
const JSON_TARGET_PREFIXES: Readonly<Record<string, { service: string; signingName: string }>> = {
  AmazonSSM: { service: 'ssm', signingName: 'ssm' },
  TrentService: { service: 'kms', signingName: 'kms' },
  CloudTrail_20131101: { service: 'cloudtrail', signingName: 'cloudtrail' },
  'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101': { service: 'cloudtrail', signingName: 'cloudtrail' },
};

/** The awsQuery actions answered here (STS only), with the API version each must name. */
export const QUERY_ACTIONS: Readonly<Record<string, { signingName: string; version: string }>> = {
  GetCallerIdentity: { signingName: 'sts', version: '2011-06-15' },
};

/** The route of an `X-Amz-Target` header, or undefined for a target no service here answers. */
export function jsonRoute(target: string): Route | undefined {
  const dot = target.lastIndexOf('.');
  if (dot <= 0 || dot === target.length - 1) return undefined;
  const prefix = target.slice(0, dot);
  const known = Object.hasOwn(JSON_TARGET_PREFIXES, prefix) ? JSON_TARGET_PREFIXES[prefix] : undefined;
  return known && { ...known, operation: target.slice(dot + 1) };
}

/** True when the engine runs this service (every routed one does; the check keeps the types honest). */
export function isEngineService(service: string): service is ServiceName {
  return Object.hasOwn(OPERATION_TABLES, service);
}
