/** One valid request of the corpus: where it goes and its JSON input (or an awsQuery form). */
export interface Seed {
  target: string;
  input: Record<string, unknown>;
}

/** What the corpus refers to: a customer managed key and a ciphertext made under it. */
export interface CorpusIds {
  cmk: string;
  /** base64, encryption context {purpose: "fuzz"}. */
  ciphertext: string;
  canary: string;
}

const ssm = (operation: string, input: Record<string, unknown>): Seed => ({ target: `AmazonSSM.${operation}`, input });
const kms = (operation: string, input: Record<string, unknown>): Seed => ({ target: `TrentService.${operation}`, input });

/**
 * Valid requests for every operation the service contract suite drives (test/service/contract-*.ts)
 * and the rest of what the engine answers, over a small set of names so mutants keep meeting
 * existing parameters and keys. The fuzzer mutates these. GetParametersForImport is left out: each
 * call makes an RSA key pair, which would make the run about key generation.
 */
export function fuzzCorpus({ cmk, ciphertext, canary }: CorpusIds): Seed[] {
  const secret = (n: number) => `${canary}:${n}`;
  return [
    ssm('PutParameter', { Name: '/fuzz/app/url', Value: 'https://fake.example', Type: 'String', Overwrite: true }),
    ssm('PutParameter', { Name: '/fuzz/app/list', Value: 'a,b,c', Type: 'StringList', Overwrite: true, Description: 'fake list' }),
    ssm('PutParameter', { Name: '/fuzz/app/secret', Value: secret(1), Type: 'SecureString', KeyId: cmk, Overwrite: true }),
    ssm('PutParameter', { Name: '/fuzz/app/default', Value: secret(2), Type: 'SecureString', Overwrite: true }),
    ssm('PutParameter', { Name: '/fuzz/adv/big', Value: secret(3), Type: 'SecureString', Tier: 'Advanced', Overwrite: true }),
    ssm('PutParameter', { Name: '/fuzz/new/tagged', Value: 'fake', Type: 'String', Tags: [{ Key: 'env', Value: 'fuzz' }], AllowedPattern: '^[a-z]+$' }),
    ssm('PutParameter', { Name: '/fuzz/ami', Value: 'ami-12345678', Type: 'String', DataType: 'aws:ec2:image', Overwrite: true }),
    ssm('GetParameter', { Name: '/fuzz/app/url' }),
    ssm('GetParameter', { Name: '/fuzz/app/secret', WithDecryption: true }),
    ssm('GetParameter', { Name: '/fuzz/app/url:1' }),
    ssm('GetParameters', { Names: ['/fuzz/app/url', '/fuzz/app/secret', '/fuzz/missing'], WithDecryption: true }),
    ssm('GetParametersByPath', { Path: '/fuzz', Recursive: true, WithDecryption: true, MaxResults: 3 }),
    ssm('GetParametersByPath', { Path: '/fuzz/app', ParameterFilters: [{ Key: 'Type', Option: 'Equals', Values: ['SecureString'] }] }),
    ssm('DescribeParameters', { ParameterFilters: [{ Key: 'Name', Option: 'BeginsWith', Values: ['/fuzz'] }], MaxResults: 5 }),
    ssm('DescribeParameters', { ParameterFilters: [{ Key: 'Path', Option: 'Recursive', Values: ['/fuzz'] }, { Key: 'tag:env', Values: ['fuzz'] }] }),
    ssm('DescribeParameters', { Filters: [{ Key: 'Type', Values: ['String'] }] }),
    ssm('GetParameterHistory', { Name: '/fuzz/app/url', MaxResults: 2 }),
    ssm('GetParameterHistory', { Name: '/fuzz/app/secret', WithDecryption: true }),
    ssm('LabelParameterVersion', { Name: '/fuzz/app/url', ParameterVersion: 1, Labels: ['stable'] }),
    ssm('GetParameter', { Name: '/fuzz/app/url:stable' }),
    ssm('UnlabelParameterVersion', { Name: '/fuzz/app/url', ParameterVersion: 1, Labels: ['stable'] }),
    ssm('AddTagsToResource', { ResourceType: 'Parameter', ResourceId: '/fuzz/app/url', Tags: [{ Key: 'team', Value: 'fake' }] }),
    ssm('RemoveTagsFromResource', { ResourceType: 'Parameter', ResourceId: '/fuzz/app/url', TagKeys: ['team'] }),
    ssm('ListTagsForResource', { ResourceType: 'Parameter', ResourceId: '/fuzz/app/url' }),
    ssm('DeleteParameter', { Name: '/fuzz/new/tagged' }),
    ssm('DeleteParameters', { Names: ['/fuzz/ami', '/fuzz/missing'] }),
    kms('CreateKey', { Description: 'fuzz', Tags: [{ TagKey: 'env', TagValue: 'fuzz' }] }),
    kms('DescribeKey', { KeyId: cmk }),
    kms('DescribeKey', { KeyId: 'alias/fuzz' }),
    kms('ListKeys', { Limit: 2 }),
    kms('ListAliases', { KeyId: cmk }),
    kms('Encrypt', { KeyId: cmk, Plaintext: Buffer.from(secret(4)).toString('base64'), EncryptionContext: { purpose: 'fuzz' } }),
    kms('Decrypt', { CiphertextBlob: ciphertext, EncryptionContext: { purpose: 'fuzz' } }),
    kms('ReEncrypt', { CiphertextBlob: ciphertext, SourceEncryptionContext: { purpose: 'fuzz' }, DestinationKeyId: 'alias/fuzz' }),
    kms('GenerateDataKey', { KeyId: cmk, KeySpec: 'AES_256', EncryptionContext: { purpose: 'fuzz' } }),
    kms('GenerateDataKeyWithoutPlaintext', { KeyId: cmk, NumberOfBytes: 32 }),
    kms('CreateAlias', { AliasName: 'alias/fuzz-new', TargetKeyId: cmk }),
    kms('UpdateAlias', { AliasName: 'alias/fuzz', TargetKeyId: cmk }),
    kms('DeleteAlias', { AliasName: 'alias/fuzz-new' }),
    kms('DisableKey', { KeyId: cmk }),
    kms('EnableKey', { KeyId: cmk }),
    kms('EnableKeyRotation', { KeyId: cmk, RotationPeriodInDays: 90 }),
    kms('GetKeyRotationStatus', { KeyId: cmk }),
    kms('GetKeyPolicy', { KeyId: cmk, PolicyName: 'default' }),
    kms('TagResource', { KeyId: cmk, Tags: [{ TagKey: 'team', TagValue: 'fake' }] }),
    kms('ListResourceTags', { KeyId: cmk }),
    kms('ScheduleKeyDeletion', { KeyId: cmk, PendingWindowInDays: 7 }),
    kms('CancelKeyDeletion', { KeyId: cmk }),
    { target: 'CloudTrail_20131101.LookupEvents', input: { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'Decrypt' }], MaxResults: 5 } },
    { target: '', input: { Action: 'GetCallerIdentity', Version: '2011-06-15' } },
  ];
}
