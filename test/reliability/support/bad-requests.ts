import { signedRequest, type Credentials, type SignOptions } from '../../protocol/support';
import type { RawRequest } from './http-send';

/** What the bad requests are built from: the seeded store's names, keys and credentials. */
export interface BadInputFixture {
  region: string;
  admin: Credentials;
  /** A principal with no policy: every call is denied. */
  nobody: Credentials;
  /** An access key that was deactivated. */
  inactive: Credentials;
  cmk: string;
  disabledKey: string;
  pendingDeletionKey: string;
  /** base64 of a Decrypt-able blob under `cmk`, encrypted with context {purpose: "bad-input"}. */
  ciphertext: string;
  existing: string;
}

/** One malformed or invalid request and the AWS error type (and HTTP status) it must get. */
export interface BadRequest {
  name: string;
  build(f: BadInputFixture): Promise<RawRequest>;
  type: string;
  status?: number;
}

type Extra = Partial<Omit<SignOptions, 'target' | 'body'>>;

/** A request signed properly by `admin` (unless `extra` says otherwise): only its content is wrong. An empty target sends none (awsQuery). */
export async function signed(f: BadInputFixture, target: string, body: unknown, extra: Extra = {}): Promise<RawRequest> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const service = target.startsWith('TrentService.') ? 'kms' : 'ssm';
  const request = await signedRequest({ credentials: f.admin, region: f.region, service, target: target || undefined, body: text, ...extra });
  return { headers: request.headers as Record<string, string>, body: request.body };
}

const ssm = (operation: string, input: unknown, extra?: Extra) => (f: BadInputFixture) => signed(f, `AmazonSSM.${operation}`, input, extra);
const kms = (operation: string, input: unknown | ((f: BadInputFixture) => unknown)) => (f: BadInputFixture) =>
  signed(f, `TrentService.${operation}`, typeof input === 'function' ? (input as (f: BadInputFixture) => unknown)(f) : input);

/** Names, sizes, types, selectors, filters and page tokens: SSM's own validation. */
export const SSM_BAD_REQUESTS: BadRequest[] = [
  { name: 'empty name', build: ssm('PutParameter', { Name: '', Value: 'v', Type: 'String' }), type: 'ValidationException' },
  { name: 'name with a space', build: ssm('PutParameter', { Name: '/bad name', Value: 'v', Type: 'String' }), type: 'ValidationException' },
  { name: 'name with a control character', build: ssm('PutParameter', { Name: '/bad\u0007name', Value: 'v', Type: 'String' }), type: 'ValidationException' },
  { name: 'a path in the public /aws namespace', build: ssm('PutParameter', { Name: '/aws/x', Value: 'v', Type: 'String' }), type: 'AccessDeniedException' },
  { name: 'one-level name prefixed aws', build: ssm('PutParameter', { Name: 'AWSthing', Value: 'v', Type: 'String' }), type: 'ValidationException' },
  { name: 'name prefixed ssm', build: ssm('PutParameter', { Name: 'ssm-thing', Value: 'v', Type: 'String' }), type: 'ValidationException' },
  { name: 'relative name with a slash', build: ssm('PutParameter', { Name: 'a/b', Value: 'v', Type: 'String' }), type: 'ValidationException' },
  { name: '16 levels', build: ssm('PutParameter', { Name: `/${Array.from({ length: 16 }, (_, i) => `l${i}`).join('/')}`, Value: 'v', Type: 'String' }), type: 'HierarchyLevelLimitExceededException' },
  { name: 'name of 2,049 characters', build: ssm('PutParameter', { Name: `/${'n'.repeat(2048)}`, Value: 'v', Type: 'String' }), type: 'ValidationException' },
  { name: 'GetParameter without a name', build: ssm('GetParameter', {}), type: 'ValidationException' },
  { name: 'a name that does not exist', build: ssm('GetParameter', { Name: '/bad-input/nope' }), type: 'ParameterNotFound' },
  { name: 'empty value', build: ssm('PutParameter', { Name: '/bad-input/new', Value: '', Type: 'String' }), type: 'ValidationException' },
  { name: 'Standard value of 4,097 characters', build: ssm('PutParameter', { Name: '/bad-input/new', Value: 'v'.repeat(4097), Type: 'String' }), type: 'ValidationException' },
  { name: 'Advanced value of 8,193 characters', build: ssm('PutParameter', { Name: '/bad-input/new', Value: 'v'.repeat(8193), Type: 'String', Tier: 'Advanced' }), type: 'ValidationException' },
  { name: 'description of 1,025 characters', build: ssm('PutParameter', { Name: '/bad-input/new', Value: 'v', Type: 'String', Description: 'd'.repeat(1025) }), type: 'ValidationException' },
  { name: 'type Integer', build: ssm('PutParameter', { Name: '/bad-input/new', Value: 'v', Type: 'Integer' }), type: 'ValidationException' },
  { name: 'a new parameter without a type', build: ssm('PutParameter', { Name: '/bad-input/new', Value: 'v' }), type: 'ValidationException' },
  { name: 'tier Premium', build: ssm('PutParameter', { Name: '/bad-input/new', Value: 'v', Type: 'String', Tier: 'Premium' }), type: 'ValidationException' },
  { name: 'an existing name without Overwrite', build: (f) => ssm('PutParameter', { Name: f.existing, Value: 'v', Type: 'String' })(f), type: 'ParameterAlreadyExists' },
  { name: 'Overwrite with Tags', build: (f) => ssm('PutParameter', { Name: f.existing, Value: 'v', Type: 'String', Overwrite: true, Tags: [{ Key: 'k', Value: 'v' }] })(f), type: 'ValidationException' },
  { name: 'value not matching AllowedPattern', build: ssm('PutParameter', { Name: '/bad-input/new', Value: 'abc', Type: 'String', AllowedPattern: '^\\d+$' }), type: 'ParameterPatternMismatchException' },
  { name: 'version selector past the last version', build: (f) => ssm('GetParameter', { Name: `${f.existing}:99` })(f), type: 'ParameterVersionNotFound' },
  { name: 'label selector nobody set', build: (f) => ssm('GetParameter', { Name: `${f.existing}:nolabel` })(f), type: 'ParameterVersionNotFound' },
  { name: 'two selectors', build: (f) => ssm('GetParameter', { Name: `${f.existing}:1:2` })(f), type: 'ValidationException' },
  { name: 'GetParameters with 11 names', build: ssm('GetParameters', { Names: Array.from({ length: 11 }, (_, i) => `/n${i}`) }), type: 'ValidationException' },
  { name: 'label a version that does not exist', build: (f) => ssm('LabelParameterVersion', { Name: f.existing, ParameterVersion: 99, Labels: ['x'] })(f), type: 'ParameterVersionNotFound' },
  { name: 'label a parameter that does not exist', build: ssm('LabelParameterVersion', { Name: '/bad-input/nope', Labels: ['x'] }), type: 'ParameterNotFound' },
  { name: 'delete a parameter that does not exist', build: ssm('DeleteParameter', { Name: '/bad-input/nope' }), type: 'ParameterNotFound' },
  // The model's pattern for Key refuses it before SSM's own check would.
  { name: 'unknown filter key', build: ssm('DescribeParameters', { ParameterFilters: [{ Key: 'Bogus', Values: ['x'] }] }), type: 'ValidationException' },
  { name: 'Label filter on DescribeParameters', build: ssm('DescribeParameters', { ParameterFilters: [{ Key: 'Label', Values: ['x'] }] }), type: 'InvalidFilterKey' },
  { name: 'filter without values', build: ssm('DescribeParameters', { ParameterFilters: [{ Key: 'Type' }] }), type: 'InvalidFilterValue' },
  { name: 'unknown filter option', build: ssm('DescribeParameters', { ParameterFilters: [{ Key: 'Name', Option: 'Weird', Values: ['x'] }] }), type: 'InvalidFilterOption' },
  // AWS's own quirk: a value outside the enum is InvalidFilterOption.
  { name: 'unknown Type filter value', build: ssm('DescribeParameters', { ParameterFilters: [{ Key: 'Type', Values: ['Integer'] }] }), type: 'InvalidFilterOption' },
  { name: 'Filters and ParameterFilters together', build: ssm('DescribeParameters', { Filters: [{ Key: 'Name', Values: ['x'] }], ParameterFilters: [{ Key: 'Name', Values: ['x'] }] }), type: 'ValidationException' },
  { name: 'Path filter on GetParametersByPath', build: ssm('GetParametersByPath', { Path: '/bad-input', ParameterFilters: [{ Key: 'Path', Values: ['/x'] }] }), type: 'InvalidFilterKey' },
  { name: 'path without a leading slash', build: ssm('GetParametersByPath', { Path: 'bad-input' }), type: 'ValidationException' },
  { name: 'MaxResults 0', build: ssm('DescribeParameters', { MaxResults: 0 }), type: 'ValidationException' },
  { name: 'MaxResults 51', build: ssm('DescribeParameters', { MaxResults: 51 }), type: 'ValidationException' },
  { name: 'garbage DescribeParameters token', build: ssm('DescribeParameters', { NextToken: 'not-a-token' }), type: 'InvalidNextToken' },
  { name: 'garbage GetParametersByPath token', build: ssm('GetParametersByPath', { Path: '/bad-input', NextToken: 'AAAA' }), type: 'InvalidNextToken' },
  { name: 'garbage GetParameterHistory token', build: (f) => ssm('GetParameterHistory', { Name: f.existing, NextToken: '{"x":1}' })(f), type: 'InvalidNextToken' },
  { name: 'SecureString under an alias that does not exist', build: ssm('PutParameter', { Name: '/bad-input/new', Value: 'v', Type: 'SecureString', KeyId: 'alias/nope' }), type: 'InvalidKeyId' },
  { name: 'SecureString under a key id that is no key', build: ssm('PutParameter', { Name: '/bad-input/new', Value: 'v', Type: 'SecureString', KeyId: 'not-a-key' }), type: 'InvalidKeyId' },
  { name: 'SecureString under a disabled key', build: (f) => ssm('PutParameter', { Name: '/bad-input/new', Value: 'v', Type: 'SecureString', KeyId: f.disabledKey })(f), type: 'InvalidKeyId' },
];

/** KMS's key ids, blobs and states. */
export const KMS_BAD_REQUESTS: BadRequest[] = [
  { name: 'DescribeKey of an alias that does not exist', build: kms('DescribeKey', { KeyId: 'alias/nope' }), type: 'NotFoundException' },
  { name: 'DescribeKey of an empty key id', build: kms('DescribeKey', { KeyId: '' }), type: 'ValidationException' },
  { name: 'Encrypt under an unknown key id', build: kms('Encrypt', { KeyId: '00000000-0000-4000-8000-000000000000', Plaintext: 'AA==' }), type: 'NotFoundException' },
  { name: 'Encrypt under a disabled key', build: kms('Encrypt', (f: BadInputFixture) => ({ KeyId: f.disabledKey, Plaintext: 'AA==' })), type: 'DisabledException' },
  { name: 'Encrypt under a key pending deletion', build: kms('Encrypt', (f: BadInputFixture) => ({ KeyId: f.pendingDeletionKey, Plaintext: 'AA==' })), type: 'KMSInvalidStateException' },
  { name: 'Encrypt of 4,097 bytes', build: kms('Encrypt', (f: BadInputFixture) => ({ KeyId: f.cmk, Plaintext: Buffer.alloc(4097).toString('base64') })), type: 'ValidationException' },
  { name: 'Encrypt of nothing', build: kms('Encrypt', (f: BadInputFixture) => ({ KeyId: f.cmk, Plaintext: '' })), type: 'ValidationException' },
  { name: 'Plaintext that is not base64', build: kms('Encrypt', (f: BadInputFixture) => ({ KeyId: f.cmk, Plaintext: '!!not base64!!' })), type: 'SerializationException' },
  { name: 'Decrypt of random bytes', build: kms('Decrypt', { CiphertextBlob: Buffer.from('random bytes, not a ciphertext').toString('base64') }), type: 'InvalidCiphertextException' },
  { name: 'Decrypt with the wrong encryption context', build: kms('Decrypt', (f: BadInputFixture) => ({ CiphertextBlob: f.ciphertext, EncryptionContext: { purpose: 'other' } })), type: 'InvalidCiphertextException' },
  { name: 'Decrypt without its encryption context', build: kms('Decrypt', (f: BadInputFixture) => ({ CiphertextBlob: f.ciphertext })), type: 'InvalidCiphertextException' },
  { name: 'Decrypt of a flipped bit', build: kms('Decrypt', (f: BadInputFixture) => ({ CiphertextBlob: flipLastBit(f.ciphertext), EncryptionContext: { purpose: 'bad-input' } })), type: 'InvalidCiphertextException' },
  { name: 'Decrypt naming another key', build: kms('Decrypt', (f: BadInputFixture) => ({ CiphertextBlob: f.ciphertext, EncryptionContext: { purpose: 'bad-input' }, KeyId: 'alias/aws/ssm' })), type: 'IncorrectKeyException' },
  { name: 'GenerateDataKey of 2,000 bytes', build: kms('GenerateDataKey', (f: BadInputFixture) => ({ KeyId: f.cmk, NumberOfBytes: 2000 })), type: 'ValidationException' },
  { name: 'GenerateDataKey of no size', build: kms('GenerateDataKey', (f: BadInputFixture) => ({ KeyId: f.cmk })), type: 'ValidationException' },
  { name: 'alias without alias/', build: kms('CreateAlias', (f: BadInputFixture) => ({ AliasName: 'mine', TargetKeyId: f.cmk })), type: 'ValidationException' },
  { name: 'alias in the reserved aws/ space', build: kms('CreateAlias', (f: BadInputFixture) => ({ AliasName: 'alias/aws/mine', TargetKeyId: f.cmk })), type: 'NotAuthorizedException' },
  { name: 'deletion window of 3 days', build: kms('ScheduleKeyDeletion', (f: BadInputFixture) => ({ KeyId: f.cmk, PendingWindowInDays: 3 })), type: 'ValidationException' },
  { name: 'garbage ListKeys marker', build: kms('ListKeys', { Marker: 'garbage' }), type: 'InvalidMarkerException' },
  { name: 'garbage ListAliases marker', build: kms('ListAliases', { Marker: 'garbage' }), type: 'InvalidMarkerException' },
];

function flipLastBit(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[bytes.length - 1]! ^= 1;
  return bytes.toString('base64');
}
