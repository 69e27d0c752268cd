import { signed, type BadInputFixture, type BadRequest } from './bad-requests';
import type { RawRequest } from './http-send';

const MINUTE = 60_000;
const GET = 'AmazonSSM.GetParameter';

/** A properly signed GetParameter, then spoiled by `spoil` after signing. */
const spoiled = (spoil: (request: RawRequest) => void) => async (f: BadInputFixture) => {
  const request = await signed(f, GET, { Name: f.existing });
  spoil(request);
  return request;
};

/** Rewrites one field of the Authorization header. */
const authorization = (edit: (value: string) => string) => spoiled((r) => (r.headers.authorization = edit(r.headers.authorization!)));

/** JSON, headers, signatures, dates and sizes: the protocol's own refusals. */
export const WIRE_BAD_REQUESTS: BadRequest[] = [
  { name: 'truncated JSON', build: (f) => signed(f, GET, '{"Name": "/x"'), type: 'SerializationException' },
  { name: 'JSON that is an array', build: (f) => signed(f, GET, '[]'), type: 'SerializationException' },
  { name: 'JSON null', build: (f) => signed(f, GET, 'null'), type: 'SerializationException' },
  { name: 'a number where a name goes', build: (f) => signed(f, GET, '{"Name": 5}'), type: 'SerializationException' },
  { name: 'an object where a name goes', build: (f) => signed(f, GET, '{"Name": {"a": 1}}'), type: 'SerializationException' },
  { name: 'a string where a boolean goes', build: (f) => signed(f, GET, '{"Name": "/x", "WithDecryption": "yes"}'), type: 'SerializationException' },
  { name: 'a string where a list goes', build: (f) => signed(f, 'AmazonSSM.GetParameters', '{"Names": "/x"}'), type: 'SerializationException' },
  { name: 'a list where a map goes', build: (f) => signed(f, 'TrentService.Decrypt', { CiphertextBlob: f.ciphertext, EncryptionContext: ['purpose'] }), type: 'SerializationException' },
  { name: 'no X-Amz-Target', build: spoiled((r) => delete r.headers['x-amz-target']), type: 'UnknownOperationException' },
  { name: 'an operation SSM does not have', build: (f) => signed(f, 'AmazonSSM.StealEverything', {}), type: 'UnknownOperationException' },
  { name: 'a service that is not here', build: (f) => signed(f, 'DynamoDB_20120810.ListTables', {}), type: 'UnknownOperationException' },
  { name: 'Content-Type text/plain', build: (f) => signed(f, GET, { Name: f.existing }, { contentType: 'text/plain' }), type: 'UnknownOperationException' },
  { name: 'GET instead of POST', build: async (f) => ({ ...(await signed(f, GET, { Name: f.existing })), method: 'GET' }), type: 'UnknownOperationException', status: 404 },
  { name: 'a path other than /', build: async (f) => ({ ...(await signed(f, GET, { Name: f.existing })), path: '/admin' }), type: 'UnknownOperationException', status: 404 },
  { name: 'no Authorization', build: spoiled((r) => delete r.headers.authorization), type: 'MissingAuthenticationTokenException', status: 403 },
  { name: 'a wrong secret', build: (f) => signed(f, GET, { Name: f.existing }, { credentials: { ...f.admin, secretAccessKey: 'fake-wrong-secret' } }), type: 'InvalidSignatureException', status: 403 },
  { name: 'an unknown access key', build: (f) => signed(f, GET, { Name: f.existing }, { credentials: { accessKeyId: 'AKIAFAKEFAKEFAKEFAKE', secretAccessKey: 'fake' } }), type: 'UnrecognizedClientException', status: 403 },
  { name: 'a deactivated access key', build: (f) => signed(f, GET, { Name: f.existing }, { credentials: f.inactive }), type: 'UnrecognizedClientException', status: 403 },
  { name: 'a principal with no policy', build: (f) => signed(f, GET, { Name: f.existing }, { credentials: f.nobody }), type: 'AccessDeniedException' },
  { name: 'a session token never issued', build: (f) => signed(f, GET, { Name: f.existing }, { extraHeaders: { 'x-amz-security-token': 'FAKE-token' } }), type: 'UnrecognizedClientException', status: 403 },
  { name: 'algorithm AWS4-HMAC-SHA1', build: authorization((v) => v.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA1')), type: 'IncompleteSignatureException', status: 403 },
  { name: 'a credential of four parts', build: authorization((v) => v.replace('/aws4_request', '')), type: 'IncompleteSignatureException', status: 403 },
  { name: 'no SignedHeaders', build: authorization((v) => v.replace(/SignedHeaders=[^,]*, /, '')), type: 'IncompleteSignatureException', status: 403 },
  { name: 'host not signed', build: authorization((v) => v.replace('SignedHeaders=', 'SignedHeaders=x-').replace(/;host;/, ';')), type: 'IncompleteSignatureException', status: 403 },
  { name: 'signature of the wrong length', build: authorization((v) => v.replace(/Signature=([0-9a-f]+)/, 'Signature=$1ab')), type: 'InvalidSignatureException', status: 403 },
  { name: 'a signed header changed after signing', build: spoiled((r) => (r.headers['x-amz-target'] = 'AmazonSSM.GetParameters')), type: 'InvalidSignatureException', status: 403 },
  { name: 'signed for another region', build: (f) => signed(f, GET, { Name: f.existing }, { region: 'ap-south-2' }), type: 'InvalidSignatureException', status: 403 },
  { name: 'signed for KMS, sent to SSM', build: (f) => signed(f, GET, { Name: f.existing }, { service: 'kms' }), type: 'InvalidSignatureException', status: 403 },
  { name: 'a payload hash that is not the body’s', build: spoiled((r) => (r.headers['x-amz-content-sha256'] = '0'.repeat(64))), type: 'InvalidSignatureException', status: 403 },
  { name: 'a body changed after signing', build: spoiled((r) => (r.body = Buffer.from(r.body.toString().replace('}', ', "WithDecryption": true}')))), type: 'InvalidSignatureException', status: 403 },
  { name: 'signed 20 minutes ago', build: (f) => signed(f, GET, { Name: f.existing }, { signingDate: new Date(Date.now() - 20 * MINUTE) }), type: 'InvalidSignatureException', status: 403 },
  { name: 'signed 20 minutes ahead', build: (f) => signed(f, GET, { Name: f.existing }, { signingDate: new Date(Date.now() + 20 * MINUTE) }), type: 'InvalidSignatureException', status: 403 },
  { name: 'x-amz-date not ISO 8601 basic', build: spoiled((r) => (r.headers['x-amz-date'] = '2026-06-01T12:00:00Z')), type: 'IncompleteSignatureException', status: 403 },
  { name: 'x-amz-date of 30 February', build: spoiled((r) => (r.headers['x-amz-date'] = '20260230T120000Z')), type: 'IncompleteSignatureException', status: 403 },
  { name: 'no x-amz-date', build: spoiled((r) => delete r.headers['x-amz-date']), type: 'IncompleteSignatureException', status: 403 },
  { name: 'credential scope dated another day', build: authorization((v) => v.replace(/\/(\d{8})\//, '/19991231/')), type: 'InvalidSignatureException', status: 403 },
  { name: 'a body over 1 MiB', build: (f) => signed(f, 'AmazonSSM.PutParameter', { Name: '/bad-input/big', Value: 'v'.repeat(1024 * 1024), Type: 'String' }), type: 'RequestEntityTooLargeException', status: 413 },
  {
    name: 'a chunked body over 1 MiB',
    build: async (f) => ({ ...(await signed(f, 'AmazonSSM.PutParameter', { Name: '/bad-input/big', Value: 'v'.repeat(1024 * 1024 + 10), Type: 'String' })), chunked: true }),
    type: 'RequestEntityTooLargeException',
    status: 413,
  },
  {
    name: 'an STS action that does not exist',
    build: async (f) => {
      const body = 'Action=AssumeEverything&Version=2011-06-15';
      return signed(f, '', body, { service: 'sts', contentType: 'application/x-www-form-urlencoded; charset=utf-8' });
    },
    type: 'InvalidAction',
  },
];
