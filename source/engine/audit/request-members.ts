import type { ServiceName } from '../operations';

/**
 * The top-level members of each operation's input, from the botocore models (SSM 2014-11-06,
 * KMS 2014-11-01, CloudTrail 2013-11-01). AWS's deserializer drops every other member, so
 * CloudTrail never records one: the trail here keeps only these too, or a body sent to the wrong
 * operation (a PutParameter's Value sent to a KMS call) would land in the trail verbatim.
 */
const REQUEST_MEMBERS: Readonly<Record<ServiceName, Readonly<Record<string, readonly string[]>>>> = {
  ssm: {
    PutParameter: ['Name', 'Description', 'Value', 'Type', 'KeyId', 'Overwrite', 'AllowedPattern', 'Tags', 'Tier', 'Policies', 'DataType'],
    GetParameter: ['Name', 'WithDecryption'],
    GetParameters: ['Names', 'WithDecryption'],
    GetParametersByPath: ['Path', 'Recursive', 'ParameterFilters', 'WithDecryption', 'MaxResults', 'NextToken'],
    DescribeParameters: ['Filters', 'ParameterFilters', 'MaxResults', 'NextToken', 'Shared'],
    GetParameterHistory: ['Name', 'WithDecryption', 'MaxResults', 'NextToken'],
    LabelParameterVersion: ['Name', 'ParameterVersion', 'Labels'],
    UnlabelParameterVersion: ['Name', 'ParameterVersion', 'Labels'],
    DeleteParameter: ['Name'],
    DeleteParameters: ['Names'],
    AddTagsToResource: ['ResourceType', 'ResourceId', 'Tags'],
    RemoveTagsFromResource: ['ResourceType', 'ResourceId', 'TagKeys'],
    ListTagsForResource: ['ResourceType', 'ResourceId'],
  },
  kms: {
    CancelKeyDeletion: ['KeyId'],
    CreateAlias: ['AliasName', 'TargetKeyId'],
    CreateKey: ['Policy', 'Description', 'KeyUsage', 'CustomerMasterKeySpec', 'KeySpec', 'Origin', 'CustomKeyStoreId', 'BypassPolicyLockoutSafetyCheck', 'Tags', 'MultiRegion', 'XksKeyId'],
    Decrypt: ['CiphertextBlob', 'EncryptionContext', 'GrantTokens', 'KeyId', 'EncryptionAlgorithm', 'Recipient', 'DryRun', 'DryRunModifiers'],
    DeleteAlias: ['AliasName'],
    DeleteImportedKeyMaterial: ['KeyId', 'KeyMaterialId'],
    DescribeKey: ['KeyId', 'GrantTokens'],
    DisableKey: ['KeyId'],
    DisableKeyRotation: ['KeyId'],
    EnableKey: ['KeyId'],
    EnableKeyRotation: ['KeyId', 'RotationPeriodInDays'],
    Encrypt: ['KeyId', 'Plaintext', 'EncryptionContext', 'GrantTokens', 'EncryptionAlgorithm', 'DryRun'],
    GenerateDataKey: ['KeyId', 'EncryptionContext', 'NumberOfBytes', 'KeySpec', 'GrantTokens', 'Recipient', 'DryRun'],
    GenerateDataKeyWithoutPlaintext: ['KeyId', 'EncryptionContext', 'KeySpec', 'NumberOfBytes', 'GrantTokens', 'DryRun'],
    GetKeyPolicy: ['KeyId', 'PolicyName'],
    GetKeyRotationStatus: ['KeyId'],
    GetParametersForImport: ['KeyId', 'WrappingAlgorithm', 'WrappingKeySpec'],
    ImportKeyMaterial: ['KeyId', 'ImportToken', 'EncryptedKeyMaterial', 'ValidTo', 'ExpirationModel', 'ImportType', 'KeyMaterialDescription', 'KeyMaterialId'],
    ListAliases: ['KeyId', 'Limit', 'Marker'],
    ListKeys: ['Limit', 'Marker'],
    ListResourceTags: ['KeyId', 'Limit', 'Marker'],
    PutKeyPolicy: ['KeyId', 'PolicyName', 'Policy', 'BypassPolicyLockoutSafetyCheck'],
    ReEncrypt: ['CiphertextBlob', 'SourceEncryptionContext', 'SourceKeyId', 'DestinationKeyId', 'DestinationEncryptionContext', 'SourceEncryptionAlgorithm', 'DestinationEncryptionAlgorithm', 'GrantTokens', 'DryRun', 'DryRunModifiers'],
    ScheduleKeyDeletion: ['KeyId', 'PendingWindowInDays'],
    TagResource: ['KeyId', 'Tags'],
    UntagResource: ['KeyId', 'TagKeys'],
    UpdateAlias: ['AliasName', 'TargetKeyId'],
  },
  cloudtrail: {
    LookupEvents: ['LookupAttributes', 'StartTime', 'EndTime', 'EventCategory', 'MaxResults', 'NextToken'],
  },
};

/**
 * The members of `input` the operation's model has, as AWS would have deserialized them; an
 * operation missing from the table keeps its input as is.
 */
export function modelledInput(service: string, operation: string, input: unknown): unknown {
  const table = Object.hasOwn(REQUEST_MEMBERS, service) ? REQUEST_MEMBERS[service as ServiceName] : {};
  const members = Object.hasOwn(table, operation) ? table[operation] : undefined;
  if (!members || input === null || typeof input !== 'object') return input;
  const out: Record<string, unknown> = {};
  for (const member of members) if (Object.hasOwn(input, member)) out[member] = (input as Record<string, unknown>)[member];
  return out;
}
