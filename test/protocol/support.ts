import { createHash } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { KMSClient } from '@aws-sdk/client-kms';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { Engine } from '../../source/engine/engine';
import { firstActiveKey } from '../../source/engine/identity/access-keys';
import { handleRequest, type WireResponse } from '../../source/protocol/handle-request';
import { InProcessHandler } from '../../source/protocol/in-process';

/** Credentials as an SDK takes them. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The admin's credentials on `engine`. */
export function adminCredentials(engine: Engine): Credentials {
  const key = firstActiveKey(engine, 'admin');
  return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}

/** Real SDK clients wired to `engine` in-process, as the TUI will be; no retries so refusals show at once. */
export function inProcessClients(engine: Engine, credentials = adminCredentials(engine), region = engine.region) {
  const config = { region, endpoint: 'http://local.paramdeck', credentials, requestHandler: new InProcessHandler(engine), maxAttempts: 1 };
  return { ssm: new SSMClient(config), kms: new KMSClient(config), sts: new STSClient(config) };
}

/** What a hand-signed request may vary, to exercise each refusal. */
export interface SignOptions {
  target?: string;
  body?: string;
  credentials: Credentials;
  region: string;
  service?: string;
  signingDate?: Date;
  contentType?: string;
  extraHeaders?: Record<string, string>;
  /** Sign without x-amz-content-sha256, as boto3 does for JSON services. */
  omitPayloadHash?: boolean;
}

/** A request signed exactly as the JS SDK signs one, ready for handleRequest. */
export async function signedRequest(options: SignOptions) {
  const body = options.body ?? '{}';
  const headers: Record<string, string> = {
    host: 'localhost:4583',
    'content-type': options.contentType ?? 'application/x-amz-json-1.1',
    'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
    ...options.extraHeaders,
  };
  if (options.omitPayloadHash) delete headers['x-amz-content-sha256'];
  if (options.target !== undefined) headers['x-amz-target'] = options.target;
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service: options.service ?? 'ssm',
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: !options.omitPayloadHash,
  });
  const signed = await signer.sign(new HttpRequest({ method: 'POST', hostname: 'localhost', path: '/', headers, body }), {
    signingDate: options.signingDate ?? new Date(),
  });
  return { method: 'POST', path: '/', headers: { ...signed.headers }, body: Buffer.from(body, 'utf8'), sourceIp: '127.0.0.1' };
}

/** A parsed JSON answer: status, error shape name and message (when it is an error). */
export interface JsonAnswer {
  status: number;
  requestId: string | undefined;
  json: Record<string, unknown>;
}

/** Sends a wire request to `engine` and parses the JSON answer. */
export async function send(engine: Engine, request: Parameters<typeof handleRequest>[1]): Promise<JsonAnswer> {
  return parse(await handleRequest(engine, request));
}

function parse(answer: WireResponse): JsonAnswer {
  return { status: answer.status, requestId: answer.headers['x-amzn-RequestId'], json: JSON.parse(answer.body) as Record<string, unknown> };
}
