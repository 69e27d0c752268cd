import { AwsError, validationError } from '../errors';
import { constraintError, optionalEnum, optionalObjectList, optionalString, optionalStringList, requiredString, requiredStringList, type Input } from '../input';
import { PARAMETER_TYPES } from './put';

/**
 * ParameterFilters and the older Filters, validated as AWS does and compiled to SQL over
 * `parameters p` joined to the selected version `v`, so a filtered listing pages through an
 * index in name order instead of loading the store.
 */
export interface CompiledFilters {
  /** Conditions ANDed together; each filter's values are ORed inside its condition. */
  conditions: string[];
  params: unknown[];
  /** Label filter (GetParametersByPath): list the newest version carrying one of these labels. */
  labels?: string[];
  /** The filters in a canonical form, for the page-token query digest. */
  canonical: unknown[];
}

type Listing = 'DescribeParameters' | 'GetParametersByPath';
interface Filter {
  key: string;
  option: string;
  values: string[] | undefined;
}

const KEY_PATTERN = /^(tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType)$/;
const TIERS = ['Standard', 'Advanced', 'Intelligent-Tiering'];
const DATA_TYPES = ['text', 'aws:ec2:image'];
const COLUMNS: Record<string, string> = { Type: 'v.type', KeyId: 'v.key_id', Tier: 'v.tier', DataType: 'v.data_type' };
/** Filters compare names with one leading slash, so "db" and "/db" mean the same one-level name. */
const SLASHED_NAME = "(CASE WHEN substr(p.name, 1, 1) = '/' THEN p.name ELSE '/' || p.name END)";

const slashed = (value: string) => `/${value.replace(/^\/+/, '')}`;
const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

function badKey(key: string, listing: Listing): AwsError {
  const valid = listing === 'DescribeParameters' ? '[Path, Name, Type, KeyId, Tier, DataType]' : '[Type, KeyId, Label]';
  return new AwsError('InvalidFilterKey', `The following filter key is not valid: ${key}. Valid filter keys include: ${valid}.`);
}

function validOptions(key: string): string[] {
  if (key === 'Path') return ['Recursive', 'OneLevel'];
  if (key === 'Label') return ['Equals'];
  // Contains is a DescribeParameters option; Name is not a GetParametersByPath filter at all.
  if (key === 'Name') return ['Equals', 'BeginsWith', 'Contains'];
  return ['Equals', 'BeginsWith'];
}

/** A Path filter value, checked with AWS's messages and returned without its trailing slash. */
function pathValue(value: string): string {
  if (/^\/(aws|ssm)/i.test(value)) {
    throw validationError(
      'Filters for common parameters can\'t be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.',
    );
  }
  if (value.includes('//') || !value.startsWith('/') || !/^[a-zA-Z0-9_.\-/]*$/.test(value)) {
    throw validationError(
      'The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can\'t be prefixed with "aws" or "ssm" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.',
    );
  }
  return value.length > 1 ? value.replace(/\/$/, '') : value;
}

/** Equals values of an enum-valued key must be members of the enum (a BeginsWith value is a prefix). */
function checkValues(filter: Filter, allowed: string[]): void {
  if (filter.option !== 'Equals') return;
  const wrong = filter.values?.find((value) => !allowed.includes(value));
  if (wrong !== undefined) {
    throw new AwsError('InvalidFilterOption', `The following filter value is not valid: ${wrong}. Valid values include: [${allowed.join(', ')}].`);
  }
}

/** Reads ParameterFilters: model constraints first, then AWS's per-listing rules, in AWS's order. */
function readParameterFilters(input: Input, listing: Listing): Filter[] {
  const seen = new Set<string>();
  return (optionalObjectList(input, 'ParameterFilters') ?? []).map((raw) => {
    const key = requiredString(raw, 'Key', { min: 1, max: 132 });
    if (!KEY_PATTERN.test(key)) throw constraintError('Key', key, `Member must satisfy regular expression pattern: ${KEY_PATTERN.source.slice(2, -2)}`);
    const option = optionalString(raw, 'Option', { min: 1, max: 10 }) ?? (key === 'Path' ? 'OneLevel' : 'Equals');
    const values = optionalStringList(raw, 'Values', { min: 1, max: 50 });
    for (const value of values ?? []) if (value.length < 1 || value.length > 1024) throw constraintError('Values', value, 'Member must have length between 1 and 1024');
    const isTag = key.startsWith('tag:');
    const byPathKeys = ['Type', 'KeyId', 'Label'];
    if (listing === 'DescribeParameters' ? key === 'Label' : !byPathKeys.includes(key)) throw badKey(isTag ? 'tag' : key, listing);
    if (!isTag && values === undefined) throw new AwsError('InvalidFilterValue', `The following filter values are missing : null for filter key ${key}.`);
    if (seen.has(key)) {
      throw new AwsError('InvalidFilterKey', `The following filter is duplicated in the request: ${key}. A request can contain only one occurrence of a specific filter.`);
    }
    seen.add(key);
    const options = validOptions(key);
    if (!options.includes(option)) {
      throw new AwsError('InvalidFilterOption', `The following filter option is not valid: ${option}. Valid options include: [${options.join(', ')}].`);
    }
    const filter: Filter = { key, option, values };
    if (key === 'Type') checkValues(filter, [...PARAMETER_TYPES]);
    if (key === 'Tier') checkValues(filter, TIERS);
    if (key === 'DataType') checkValues(filter, DATA_TYPES);
    if (key === 'Path') filter.values = values!.map(pathValue);
    return filter;
  });
}

/** One filter as a condition over `p` and `v`, with its values as parameters. */
function condition(filter: Filter, params: unknown[]): string {
  const values = filter.values ?? [];
  const match = (column: string, list: string[], option = filter.option) => {
    params.push(...list);
    if (option === 'Equals') return `${column} IN (${placeholders(list)})`;
    return `(${list.map(() => `instr(${column}, ?) ${option === 'Contains' ? '> 0' : '= 1'}`).join(' OR ')})`;
  };
  if (filter.key === 'Name') return filter.option === 'Contains' ? match('p.name', values) : match(SLASHED_NAME, values.map(slashed));
  if (filter.key === 'Path') {
    if (filter.option === 'OneLevel') return match('p.parent', values, 'Equals');
    if (values.includes('/')) return '1';
    params.push(...values.flatMap((path) => [`${path}/`, `${path}0`]));
    return `(${values.map(() => '(p.name >= ? AND p.name < ?)').join(' OR ')})`;
  }
  if (filter.key.startsWith('tag:')) {
    params.push(filter.key.slice(4));
    const valueMatch = filter.values ? ` AND ${match('t.value', values)}` : '';
    return `EXISTS (SELECT 1 FROM parameter_tags t WHERE t.parameter_id = p.id AND t.key = ?${valueMatch})`;
  }
  return match(COLUMNS[filter.key]!, values);
}

/** ParameterFilters (and, for DescribeParameters, the older Filters) compiled for a listing. */
export function compileFilters(input: Input, listing: Listing): CompiledFilters {
  const filters = readParameterFilters(input, listing);
  const legacy = listing === 'DescribeParameters' ? readLegacyFilters(input) : [];
  if (filters.length > 0 && legacy.length > 0) throw validationError('You can use either Filters or ParameterFilters in a single request.');
  const params: unknown[] = [];
  const conditions: string[] = [];
  let labels: string[] | undefined;
  for (const filter of [...filters, ...legacy]) {
    if (filter.key === 'Label') labels = filter.values;
    else conditions.push(condition(filter, params));
  }
  return { conditions, params, labels, canonical: [...filters, ...legacy] };
}

/** The older DescribeParameters `Filters`: Name (begins with), Type and KeyId (equal to one of the values). */
function readLegacyFilters(input: Input): Filter[] {
  return (optionalObjectList(input, 'Filters') ?? []).map((raw) => {
    const key = optionalEnum(raw, 'Key', ['Name', 'Type', 'KeyId'] as const);
    if (key === undefined) throw constraintError('Key', undefined, 'Member must not be null');
    const values = requiredStringList(raw, 'Values', { min: 1, max: 50 });
    return { key, option: key === 'Name' ? 'BeginsWith' : 'Equals', values };
  });
}
