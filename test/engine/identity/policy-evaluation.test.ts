import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../source/engine/identity/policy/document';
import { evaluateIdentity, evaluateResource, type Decision } from '../../../source/engine/identity/policy/evaluate';

const ACCOUNT = '111122223333';
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const PARAM = `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/db/password`;
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** The request context most rows use: alice reading a SecureString through SSM on 1 March 2026. */
const BASE_KEYS: Record<string, string | string[]> = {
  'aws:PrincipalArn': ALICE,
  'aws:username': 'alice',
  'aws:CurrentTime': '2026-03-01T12:00:00Z',
  'aws:SourceIp': '10.1.2.3',
  'aws:SecureTransport': 'false',
  'kms:EncryptionContext:PARAMETER_ARN': PARAM,
  'kms:EncryptionContextKeys': ['PARAMETER_ARN'],
  'kms:ViaService': 'ssm.us-east-1.amazonaws.com',
  'kms:CallerAccount': ACCOUNT,
  'aws:RequestedRegion': 'us-east-1',
};

function keysOf(record: Record<string, string | string[] | undefined>): Map<string, readonly string[]> {
  const keys = new Map<string, readonly string[]>();
  for (const [name, value] of Object.entries(record)) if (value !== undefined) keys.set(name.toLowerCase(), typeof value === 'string' ? [value] : value);
  return keys;
}

interface Row {
  name: string;
  statements: object[];
  action?: string;
  resource?: string;
  keys?: Record<string, string | string[] | undefined>;
  expected: Decision;
}

const allow = (extra: object) => ({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', ...extra });
const when = (operator: string, key: string, value: unknown) => allow({ Condition: { [operator]: { [key]: value } } });

const ROWS: Row[] = [
  // Effects
  { name: 'an Allow on the action and resource allows', statements: [allow({})], expected: 'Allow' },
  { name: 'no statement about the action is an implicit deny', statements: [allow({ Action: 'kms:Encrypt' })], expected: 'None' },
  { name: 'an explicit Deny wins over an Allow', statements: [allow({}), { Effect: 'Deny', Action: 'kms:*', Resource: '*' }], expected: 'Deny' },
  { name: 'a Deny that does not apply leaves the Allow', statements: [allow({}), { Effect: 'Deny', Action: 'kms:Encrypt', Resource: '*' }], expected: 'Allow' },
  // Actions: wildcards, case, NotAction
  { name: 'action names match without regard to case', statements: [allow({ Action: 'KMS:decrypt' })], expected: 'Allow' },
  { name: 'a * wildcard in the action', statements: [allow({ Action: 'kms:De*' })], expected: 'Allow' },
  { name: 'a ? wildcard matches exactly one character', statements: [allow({ Action: 'kms:Decryp?' })], expected: 'Allow' },
  { name: 'a ? wildcard does not match two', statements: [allow({ Action: 'kms:Decry?' })], expected: 'None' },
  { name: 'Action "*" is every action', statements: [allow({ Action: '*' })], expected: 'Allow' },
  { name: 'NotAction allows every other action', statements: [allow({ Action: undefined, NotAction: 'kms:Encrypt' })], expected: 'Allow' },
  { name: 'NotAction excludes the listed action', statements: [allow({ Action: undefined, NotAction: ['kms:Decrypt'] })], expected: 'None' },
  { name: 'a Deny with NotAction denies what it does not list', statements: [allow({}), { Effect: 'Deny', NotAction: 'ssm:*', Resource: '*' }], expected: 'Deny' },
  // Resources: wildcards, case, NotResource
  { name: 'a resource ARN with a * in its last part', action: 'ssm:GetParameter', resource: PARAM, statements: [allow({ Action: 'ssm:GetParameter', Resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/*` })], expected: 'Allow' },
  { name: 'wildcards in the region and account parts', action: 'ssm:GetParameter', resource: PARAM, statements: [allow({ Action: 'ssm:GetParameter', Resource: 'arn:aws:ssm:*:*:parameter/app/db/*' })], expected: 'Allow' },
  { name: 'an ARN pattern of another service does not match', action: 'ssm:GetParameter', resource: PARAM, statements: [allow({ Action: 'ssm:GetParameter', Resource: 'arn:aws:kms:*:*:*' })], expected: 'None' },
  { name: 'an account part matches only its own part', action: 'ssm:GetParameter', resource: PARAM, statements: [allow({ Action: 'ssm:GetParameter', Resource: 'arn:aws:ssm:us-east-1:1*3:*' })], expected: 'Allow' },
  { name: 'resources match with case', action: 'ssm:GetParameter', resource: PARAM, statements: [allow({ Action: 'ssm:GetParameter', Resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/APP/*` })], expected: 'None' },
  { name: 'a ? in a resource', action: 'ssm:GetParameter', resource: PARAM, statements: [allow({ Action: 'ssm:GetParameter', Resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/d?/password` })], expected: 'Allow' },
  { name: 'NotResource allows every other resource', action: 'ssm:GetParameter', resource: PARAM, statements: [allow({ Action: 'ssm:*', Resource: undefined, NotResource: `arn:aws:ssm:*:*:parameter/prod/*` })], expected: 'Allow' },
  { name: 'NotResource excludes the listed resource', action: 'ssm:GetParameter', resource: PARAM, statements: [allow({ Action: 'ssm:*', Resource: undefined, NotResource: `arn:aws:ssm:*:*:parameter/app/*` })], expected: 'None' },
  { name: 'a policy variable in a resource', action: 'ssm:GetParameter', resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/home/alice/x`, statements: [allow({ Action: 'ssm:GetParameter', Resource: `arn:aws:ssm:*:*:parameter/home/\${aws:username}/*` })], expected: 'Allow' },
  { name: 'a policy variable names another user', action: 'ssm:GetParameter', resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/home/bob/x`, statements: [allow({ Action: 'ssm:GetParameter', Resource: `arn:aws:ssm:*:*:parameter/home/\${aws:username}/*` })], expected: 'None' },
  // String conditions
  { name: 'StringEquals on kms:EncryptionContext:PARAMETER_ARN', statements: [when('StringEquals', 'kms:EncryptionContext:PARAMETER_ARN', PARAM)], expected: 'Allow' },
  { name: 'StringEquals on another parameter’s ARN', statements: [when('StringEquals', 'kms:EncryptionContext:PARAMETER_ARN', `${PARAM}2`)], expected: 'None' },
  { name: 'condition key names are case-insensitive', statements: [when('StringEquals', 'KMS:encryptioncontext:parameter_arn', PARAM)], expected: 'Allow' },
  { name: 'StringEquals values are case-sensitive', statements: [when('StringEquals', 'aws:username', 'Alice')], expected: 'None' },
  { name: 'StringEquals with a list ORs the values', statements: [when('StringEquals', 'aws:username', ['bob', 'alice'])], expected: 'Allow' },
  { name: 'StringEquals on a key the request lacks is false', statements: [when('StringEquals', 'kms:EncryptionContext:Department', 'IT')], expected: 'None' },
  { name: 'StringNotEquals when the value differs', statements: [when('StringNotEquals', 'aws:username', 'bob')], expected: 'Allow' },
  { name: 'StringNotEquals when it is equal', statements: [when('StringNotEquals', 'aws:username', ['bob', 'alice'])], expected: 'None' },
  { name: 'StringNotEquals on a missing key is true', statements: [when('StringNotEquals', 'kms:EncryptionContext:Department', 'IT')], expected: 'Allow' },
  { name: 'StringEqualsIgnoreCase', statements: [when('StringEqualsIgnoreCase', 'aws:username', 'ALICE')], expected: 'Allow' },
  { name: 'StringLike with * on the encryption context', statements: [when('StringLike', 'kms:EncryptionContext:PARAMETER_ARN', 'arn:aws:ssm:*:*:parameter/app/*')], expected: 'Allow' },
  { name: 'StringLike that does not match', statements: [when('StringLike', 'kms:EncryptionContext:PARAMETER_ARN', '*:parameter/prod/*')], expected: 'None' },
  { name: 'StringNotLike that does not match is true', statements: [when('StringNotLike', 'kms:EncryptionContext:PARAMETER_ARN', '*:parameter/prod/*')], expected: 'Allow' },
  { name: 'StringNotLike that matches is false', statements: [when('StringNotLike', 'kms:EncryptionContext:PARAMETER_ARN', '*:parameter/app/*')], expected: 'None' },
  { name: 'a policy variable in a condition value', statements: [when('StringLike', 'kms:EncryptionContext:PARAMETER_ARN', '*:parameter/${aws:username}/*')], keys: { 'kms:EncryptionContext:PARAMETER_ARN': `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/alice/x` }, expected: 'Allow' },
  // kms: keys for use through a service
  { name: 'kms:ViaService and kms:CallerAccount both hold', statements: [allow({ Condition: { StringEquals: { 'kms:ViaService': 'ssm.us-east-1.amazonaws.com', 'kms:CallerAccount': ACCOUNT } } })], expected: 'Allow' },
  { name: 'kms:ViaService is absent on a direct call', statements: [when('StringEquals', 'kms:ViaService', 'ssm.us-east-1.amazonaws.com')], keys: { 'kms:ViaService': undefined }, expected: 'None' },
  { name: 'every key of a Condition must hold', statements: [allow({ Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT, 'aws:username': 'bob' } } })], expected: 'None' },
  { name: 'every operator of a Condition must hold', statements: [allow({ Condition: { StringEquals: { 'aws:username': 'alice' }, Bool: { 'aws:SecureTransport': 'true' } } })], expected: 'None' },
  // Arn conditions
  { name: 'ArnEquals on aws:PrincipalArn', statements: [when('ArnEquals', 'aws:PrincipalArn', ALICE)], expected: 'Allow' },
  { name: 'ArnLike with wildcards per part', statements: [when('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:user/al*')], expected: 'Allow' },
  { name: 'ArnLike that does not match', statements: [when('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/*')], expected: 'None' },
  { name: 'ArnNotEquals on another ARN is true', statements: [when('ArnNotEquals', 'aws:PrincipalArn', `arn:aws:iam::${ACCOUNT}:user/bob`)], expected: 'Allow' },
  { name: 'ArnNotLike on a matching ARN is false', statements: [when('ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::*:user/*')], expected: 'None' },
  { name: 'ArnLike on a value that is no ARN is false', statements: [when('ArnLike', 'aws:username', '*')], expected: 'None' },
  // Bool, Null, dates, numbers, addresses
  { name: 'Bool false on aws:SecureTransport', statements: [when('Bool', 'aws:SecureTransport', 'false')], expected: 'Allow' },
  { name: 'Bool true on aws:SecureTransport', statements: [when('Bool', 'aws:SecureTransport', true)], expected: 'None' },
  { name: 'Null true on a missing key', statements: [when('Null', 'kms:EncryptionContext:Department', 'true')], expected: 'Allow' },
  { name: 'Null true on a present key', statements: [when('Null', 'kms:ViaService', 'true')], expected: 'None' },
  { name: 'Null false on a present key', statements: [when('Null', 'kms:ViaService', 'false')], expected: 'Allow' },
  { name: 'DateGreaterThan on aws:CurrentTime', statements: [when('DateGreaterThan', 'aws:CurrentTime', '2026-01-01T00:00:00Z')], expected: 'Allow' },
  { name: 'DateLessThan on aws:CurrentTime, expired', statements: [when('DateLessThan', 'aws:CurrentTime', '2026-02-01T00:00:00Z')], expected: 'None' },
  { name: 'DateLessThan with an epoch value', statements: [when('DateLessThan', 'aws:CurrentTime', String(Date.UTC(2027, 0, 1) / 1000))], expected: 'Allow' },
  { name: 'NumericLessThan', statements: [when('NumericLessThan', 'test:count', '10')], keys: { 'test:count': '3' }, expected: 'Allow' },
  { name: 'IpAddress inside the range', statements: [when('IpAddress', 'aws:SourceIp', '10.0.0.0/8')], expected: 'Allow' },
  { name: 'NotIpAddress inside the range', statements: [when('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8', '192.168.0.1'])], expected: 'None' },
  // IfExists
  { name: 'StringEqualsIfExists on a missing key is true', statements: [when('StringEqualsIfExists', 'kms:EncryptionContext:Department', 'IT')], expected: 'Allow' },
  { name: 'StringEqualsIfExists on a present key tests it', statements: [when('StringEqualsIfExists', 'aws:username', 'bob')], expected: 'None' },
  // Set operators on a multivalued key
  { name: 'ForAnyValue: one value matches', statements: [when('ForAnyValue:StringEquals', 'kms:EncryptionContextKeys', ['PARAMETER_ARN', 'Other'])], keys: { 'kms:EncryptionContextKeys': ['PARAMETER_ARN', 'Extra'] }, expected: 'Allow' },
  { name: 'ForAnyValue: none matches', statements: [when('ForAnyValue:StringEquals', 'kms:EncryptionContextKeys', ['Other'])], expected: 'None' },
  { name: 'ForAnyValue: an empty key is false', statements: [when('ForAnyValue:StringEquals', 'kms:EncryptionContextKeys', ['PARAMETER_ARN'])], keys: { 'kms:EncryptionContextKeys': [] }, expected: 'None' },
  { name: 'ForAllValues: every value is listed', statements: [when('ForAllValues:StringEquals', 'kms:EncryptionContextKeys', ['PARAMETER_ARN', 'Other'])], expected: 'Allow' },
  { name: 'ForAllValues: a value is not listed', statements: [when('ForAllValues:StringEquals', 'kms:EncryptionContextKeys', ['PARAMETER_ARN'])], keys: { 'kms:EncryptionContextKeys': ['PARAMETER_ARN', 'Extra'] }, expected: 'None' },
  { name: 'ForAllValues: a missing key is true', statements: [when('ForAllValues:StringEquals', 'kms:EncryptionContextKeys', ['PARAMETER_ARN'])], keys: { 'kms:EncryptionContextKeys': undefined }, expected: 'Allow' },
  { name: 'ForAllValues:StringLike', statements: [when('ForAllValues:StringLike', 'kms:EncryptionContextKeys', ['PARAM*'])], expected: 'Allow' },
  { name: 'ForAnyValue:StringNotEquals: some value differs', statements: [when('ForAnyValue:StringNotEquals', 'kms:EncryptionContextKeys', ['PARAMETER_ARN'])], keys: { 'kms:EncryptionContextKeys': ['PARAMETER_ARN', 'Extra'] }, expected: 'Allow' },
];

describe('identity policy evaluation', () => {
  it.each(ROWS)('$name', ({ statements, action, resource, keys, expected }) => {
    const policy = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), 'identity');
    const request = { action: action ?? 'kms:Decrypt', resource: resource ?? KEY, keys: keysOf({ ...BASE_KEYS, ...keys }) };
    expect(evaluateIdentity([policy], request)).toBe(expected);
  });

  it('combines several policies: a Deny in one overrides an Allow in another', () => {
    const allowAll = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }), 'identity');
    const denySecrets = parsePolicy(
      JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 'kms:Decrypt', Resource: '*', Condition: { StringLike: { 'kms:EncryptionContext:PARAMETER_ARN': '*:parameter/app/*' } } } }),
      'identity',
    );
    const request = { action: 'kms:Decrypt', resource: KEY, keys: keysOf(BASE_KEYS) };
    expect(evaluateIdentity([allowAll], request)).toBe('Allow');
    expect(evaluateIdentity([allowAll, denySecrets], request)).toBe('Deny');
    expect(evaluateIdentity([], request)).toBe('None');
  });
});

describe('key policy evaluation', () => {
  const caller = { arn: ALICE, accountId: ACCOUNT };
  const keyPolicy = (...statements: object[]) => parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), 'resource');
  const request = { action: 'kms:Decrypt', resource: KEY, keys: keysOf(BASE_KEYS) };

  it.each([
    ['the account root delegates to IAM', { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }, { deny: false, allowsCaller: false, allowsAccount: true }],
    ['a bare account id delegates too', { Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'kms:Decrypt', Resource: '*' }, { deny: false, allowsCaller: false, allowsAccount: true }],
    ['the caller’s ARN allows it directly', { Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'kms:Decrypt', Resource: '*' }, { deny: false, allowsCaller: true, allowsAccount: false }],
    ['another user’s ARN says nothing of the caller', { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }, Action: 'kms:*', Resource: '*' }, { deny: false, allowsCaller: false, allowsAccount: false }],
    ['"*" with a ViaService condition allows use through SSM', { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 'ssm.us-east-1.amazonaws.com', 'kms:CallerAccount': ACCOUNT } } }, { deny: false, allowsCaller: true, allowsAccount: false }],
    ['a Deny for everyone', { Effect: 'Deny', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }, { deny: true, allowsCaller: false, allowsAccount: false }],
    ['NotPrincipal allows everyone else', { Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }, Action: 'kms:Decrypt', Resource: '*' }, { deny: false, allowsCaller: true, allowsAccount: false }],
  ])('%s', (_name, statement, expected) => {
    expect(evaluateResource(keyPolicy(statement), request, caller)).toEqual(expected);
  });
});
