import type { AliasListEntry, KeyMetadata } from '@aws-sdk/client-kms';
import type {
  Parameter as SdkParameter, ParameterHistory, ParameterMetadata,
} from '@aws-sdk/client-ssm';
import { toPolicies } from './policy-dates';
import { RevealedValue } from './revealed-value';
import type {
  KmsAlias, KmsKey, Parameter, ParameterSummary, ParameterType, ParameterValue, ParameterVersion,
} from './types';

// Turns SDK shapes into domain objects. Every optional member is copied only when present, so
// callers can rely on `'x' in obj` and snapshots stay free of `undefined` noise.

/** The domain type of an SSM type string; anything unknown is treated as secret. */
export function parameterType(type: string | undefined): ParameterType {
  return type === 'String' || type === 'StringList' ? type : 'SecureString';
}

/** A value as the domain holds it: only String and StringList text is kept. */
export function parameterValue(type: string | undefined, value: string | undefined): ParameterValue {
  const kind = parameterType(type);
  return kind === 'SecureString' ? { kind: 'masked' } : { kind: 'plain', text: value ?? '' };
}

export function toParameter(p: SdkParameter): Parameter {
  return {
    name: p.Name ?? '',
    ...opt('arn', p.ARN),
    type: parameterType(p.Type),
    value: parameterValue(p.Type, p.Value),
    version: p.Version ?? 0,
    ...opt('lastModifiedDate', p.LastModifiedDate),
    ...opt('dataType', p.DataType),
    ...opt('selector', p.Selector),
  };
}

/** The decrypted holder for a parameter fetched WithDecryption. */
export function toRevealed(p: SdkParameter): RevealedValue {
  return new RevealedValue(p.Name ?? '', parameterType(p.Type), p.Version ?? 0, p.Value ?? '', p.Selector);
}

export function toSummary(m: ParameterMetadata): ParameterSummary {
  return {
    name: m.Name ?? '',
    ...opt('arn', m.ARN),
    type: parameterType(m.Type),
    version: m.Version ?? 0,
    ...opt('keyId', m.KeyId),
    ...opt('lastModifiedDate', m.LastModifiedDate),
    ...opt('lastModifiedUser', m.LastModifiedUser),
    ...opt('description', m.Description),
    ...opt('allowedPattern', m.AllowedPattern),
    ...opt('tier', m.Tier),
    ...opt('dataType', m.DataType),
    policies: toPolicies(m.Policies, m.LastModifiedDate),
  };
}

export function toVersion(h: ParameterHistory): ParameterVersion {
  return {
    name: h.Name ?? '',
    type: parameterType(h.Type),
    value: parameterValue(h.Type, h.Value),
    version: h.Version ?? 0,
    labels: h.Labels ?? [],
    ...opt('keyId', h.KeyId),
    ...opt('lastModifiedDate', h.LastModifiedDate),
    ...opt('lastModifiedUser', h.LastModifiedUser),
    ...opt('description', h.Description),
    ...opt('allowedPattern', h.AllowedPattern),
    ...opt('tier', h.Tier),
    ...opt('dataType', h.DataType),
    policies: toPolicies(h.Policies, h.LastModifiedDate),
  };
}

export function toKey(k: KeyMetadata): KmsKey {
  return {
    keyId: k.KeyId ?? '',
    arn: k.Arn ?? '',
    ...opt('description', k.Description),
    ...opt('state', k.KeyState),
    ...opt('enabled', k.Enabled),
    ...opt('usage', k.KeyUsage),
    ...opt('spec', k.KeySpec),
    ...opt('manager', k.KeyManager),
    ...opt('origin', k.Origin),
    ...opt('accountId', k.AWSAccountId),
    ...opt('creationDate', k.CreationDate),
    ...opt('deletionDate', k.DeletionDate),
    ...opt('pendingDeletionWindowInDays', k.PendingDeletionWindowInDays),
    ...opt('multiRegion', k.MultiRegion),
  };
}

export function toAlias(a: AliasListEntry): KmsAlias {
  return {
    name: a.AliasName ?? '',
    ...opt('arn', a.AliasArn),
    ...opt('targetKeyId', a.TargetKeyId),
    ...opt('creationDate', a.CreationDate),
    ...opt('lastUpdatedDate', a.LastUpdatedDate),
  };
}

/** `{ [key]: value }` when value is present, `{}` otherwise: spreads into optional members. */
export function opt<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
  return value === undefined || value === null ? {} : ({ [key]: value } as { [P in K]?: V });
}
