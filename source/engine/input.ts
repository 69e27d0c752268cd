import { AwsError, validationError } from './errors';

/**
 * Readers for a request's decoded JSON members. They check types the way AWS's JSON protocol
 * does (a wrong type is a SerializationException; a missing required member or a length outside
 * the model's bounds is a ValidationException in AWS's "1 validation error detected" wording).
 */
export type Input = Record<string, unknown>;

/** The request body as an object, or SerializationException. */
export function asInput(body: unknown): Input {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
  }
  return body as Input;
}

function wrongType(member: string, expected: string): AwsError {
  return new AwsError('SerializationException', `Unexpected value for ${member}: expected ${expected}`);
}

/** AWS's wording for one failed model constraint. */
export function constraintError(member: string, value: unknown, constraint: string): AwsError {
  const shown = value === undefined || value === null ? 'null' : `'${String(value)}'`;
  return validationError(`1 validation error detected: Value ${shown} at '${lowerFirst(member)}' failed to satisfy constraint: ${constraint}`);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

interface Bounds {
  min?: number;
  max?: number;
}

export function optionalString(input: Input, member: string, bounds: Bounds = {}): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(member, 'a string');
  if (bounds.min !== undefined && value.length < bounds.min) {
    throw constraintError(member, value, `Member must have length greater than or equal to ${bounds.min}`);
  }
  if (bounds.max !== undefined && value.length > bounds.max) {
    throw constraintError(member, value, `Member must have length less than or equal to ${bounds.max}`);
  }
  return value;
}

export function requiredString(input: Input, member: string, bounds: Bounds = {}): string {
  const value = optionalString(input, member, bounds);
  if (value === undefined) throw constraintError(member, undefined, 'Member must not be null');
  return value;
}

export function optionalBoolean(input: Input, member: string): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(member, 'a boolean');
  return value;
}

export function optionalInteger(input: Input, member: string, bounds: Bounds = {}): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType(member, 'an integer');
  if (bounds.min !== undefined && value < bounds.min) {
    throw constraintError(member, value, `Member must have value greater than or equal to ${bounds.min}`);
  }
  if (bounds.max !== undefined && value > bounds.max) {
    throw constraintError(member, value, `Member must have value less than or equal to ${bounds.max}`);
  }
  return value;
}

export function optionalList(input: Input, member: string, bounds: Bounds = {}): unknown[] | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw wrongType(member, 'a list');
  if (bounds.min !== undefined && value.length < bounds.min) {
    throw constraintError(member, `[${value.join(', ')}]`, `Member must have length greater than or equal to ${bounds.min}`);
  }
  if (bounds.max !== undefined && value.length > bounds.max) {
    throw constraintError(member, `[${value.join(', ')}]`, `Member must have length less than or equal to ${bounds.max}`);
  }
  return value;
}

/** A list whose every element is a string. */
export function optionalStringList(input: Input, member: string, bounds: Bounds = {}): string[] | undefined {
  const list = optionalList(input, member, bounds);
  if (list === undefined) return undefined;
  for (const item of list) if (typeof item !== 'string') throw wrongType(`${member} element`, 'a string');
  return list as string[];
}

export function requiredStringList(input: Input, member: string, bounds: Bounds = {}): string[] {
  const list = optionalStringList(input, member, bounds);
  if (list === undefined) throw constraintError(member, undefined, 'Member must not be null');
  return list;
}

/** A list of structures (objects). */
export function optionalObjectList(input: Input, member: string, bounds: Bounds = {}): Input[] | undefined {
  const list = optionalList(input, member, bounds);
  if (list === undefined) return undefined;
  return list.map((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw wrongType(`${member} element`, 'a structure');
    return item as Input;
  });
}

/** A string-to-string map (an encryption context, say). */
export function optionalStringMap(input: Input, member: string): Record<string, string> | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(member, 'a map');
  for (const v of Object.values(value)) if (typeof v !== 'string') throw wrongType(`${member} value`, 'a string');
  return value as Record<string, string>;
}

/**
 * A blob member: the engine takes bytes; the protocol decodes base64 before it gets here. A length
 * refusal never echoes the value (a blob may be a plaintext secret), as AWS writes "Value at …".
 */
export function optionalBlob(input: Input, member: string, bounds: Bounds = {}): Buffer | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (!Buffer.isBuffer(value)) throw wrongType(member, 'a blob');
  if (bounds.min !== undefined && value.length < bounds.min) {
    throw validationError(`1 validation error detected: Value at '${lowerFirst(member)}' failed to satisfy constraint: Member must have length greater than or equal to ${bounds.min}`);
  }
  if (bounds.max !== undefined && value.length > bounds.max) {
    throw validationError(`1 validation error detected: Value at '${lowerFirst(member)}' failed to satisfy constraint: Member must have length less than or equal to ${bounds.max}`);
  }
  return value;
}

export function requiredBlob(input: Input, member: string, bounds: Bounds = {}): Buffer {
  const value = optionalBlob(input, member, bounds);
  if (value === undefined) throw constraintError(member, undefined, 'Member must not be null');
  return value;
}

/** A string member whose model is an enum: other values fail as AWS's enum constraint does. */
export function optionalEnum<T extends string>(input: Input, member: string, values: readonly T[]): T | undefined {
  const value = optionalString(input, member);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw constraintError(member, value, `Member must satisfy enum value set: [${values.join(', ')}]`);
  }
  return value as T;
}

/** A timestamp member: epoch seconds on the JSON wire, or a Date from an in-process caller. */
export function optionalTimestamp(input: Input, member: string): Date | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000);
  throw wrongType(member, 'a timestamp');
}
