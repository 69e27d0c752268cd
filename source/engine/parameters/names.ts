import type { Engine } from '../engine';
import { AwsError, validationError } from '../errors';

/**
 * AWS's answer to a name with characters outside `a-zA-Z0-9_.-/`, an empty sub-path, or a path
 * prefixed with "ssm": one message covers all three, as AWS words it.
 */
export const INVALID_NAME_MESSAGE =
  'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_';

const RESERVED_PREFIX_MESSAGE = 'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).';

const INVALID_PATH_MESSAGE =
  'Parameter path: can\'t be prefixed with "aws" or "ssm" (case-insensitive) except global parameter name path prefixed with "aws" (case-sensitive). It should always begin with / symbol.It consists of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_';

const NAME_CHARS = /^[a-zA-Z0-9_.\-/]+$/;
const MAX_LEVELS = 15;
const MAX_ARN_LENGTH = 1011;

/**
 * The stored form of a name. AWS trims surrounding spaces and drops the leading slash of a
 * one-level name ("/db" is "db"), so both spellings reach the same parameter and its ARN is unique.
 */
export function canonicalName(raw: string): string {
  const name = raw.replace(/^ +| +$/g, '');
  return name.startsWith('/') && name.indexOf('/', 1) === -1 ? name.slice(1) : name;
}

/** The hierarchy level a name lives in: "/a/b" for "/a/b/c", "/" for a one-level name. */
export function parentOf(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash <= 0 ? '/' : name.slice(0, slash);
}

/** True when the name's sub-paths are all non-empty and use only the allowed characters. */
function wellFormed(name: string): boolean {
  if (!NAME_CHARS.test(name)) return false;
  if (!name.includes('/')) return true;
  return name.startsWith('/') && name.slice(1).split('/').every((segment) => segment.length > 0);
}

/**
 * Validates the name of a parameter being created or overwritten, in AWS's order, and returns
 * its stored form. Reserved prefixes: a path under "/aws…" is AccessDenied (AWS's public
 * namespace); any other "aws"/"ssm" prefix is a ValidationException.
 */
export function validateNewName(engine: Engine, raw: string): string {
  const name = canonicalName(raw);
  const bare = name.replace(/^\//, '').toLowerCase();
  if (bare.startsWith('aws') || bare.startsWith('ssm')) {
    const isPath = name.startsWith('/') && name.indexOf('/', 1) !== -1;
    if (isPath && bare.startsWith('aws')) {
      throw new AwsError('AccessDeniedException', `No access to reserved parameter name: ${name.slice(1)}.`);
    }
    throw validationError(isPath ? INVALID_NAME_MESSAGE : RESERVED_PREFIX_MESSAGE);
  }
  if (!NAME_CHARS.test(name)) throw validationError(INVALID_NAME_MESSAGE);
  if (name.includes('/') && !name.startsWith('/')) throw validationError('Parameter name must be a fully qualified name.');
  if (!wellFormed(name)) throw validationError(INVALID_NAME_MESSAGE);
  if (name.split('/').filter(Boolean).length > MAX_LEVELS) {
    throw new AwsError(
      'HierarchyLevelLimitExceededException',
      'A hierarchy can have a maximum of 15 levels. For more information, see Requirements and constraints for parameter names in the Amazon Web Services Systems Manager User Guide.',
    );
  }
  if (engine.parameterArn(name).length > MAX_ARN_LENGTH) {
    throw validationError(
      'The maximum length for a parameter name that you create is 1011 characters. This includes the characters in the ARN that precede the name you specify.',
    );
  }
  return name;
}

/** The stored form of a name given to a read, delete or label call; malformed is a ValidationException. */
export function existingName(raw: string): string {
  const name = canonicalName(raw);
  if (!wellFormed(name)) throw validationError(INVALID_NAME_MESSAGE);
  return name;
}

/** A GetParameter name, split into the parameter and an optional `:version` or `:label` selector. */
export interface SelectedName {
  name: string;
  /** The selector as AWS echoes it (":3", ":prod"); absent for the latest version. */
  selector?: string;
  version?: number;
  label?: string;
}

const ARN_NAME = /^arn:aws:ssm:([^:]+):(\d{12}):parameter\/([^:]+)(?::(.*))?$/;

/**
 * Parses `name`, `name:3`, `name:label` or this store's parameter ARN (with the same selectors).
 * An ARN of another account or region names nothing here: ParameterNotFound, as AWS answers for
 * a parameter it cannot see.
 */
export function parseSelectedName(engine: Engine, raw: string): SelectedName {
  let base: string;
  let selector: string | undefined;
  const arn = ARN_NAME.exec(raw);
  if (arn) {
    if (arn[1] !== engine.region || arn[2] !== engine.accountId) throw new AwsError('ParameterNotFound', `Parameter ${raw} not found.`);
    base = arn[3]!.includes('/') ? `/${arn[3]}` : arn[3]!;
    selector = arn[4];
  } else {
    const parts = raw.split(':');
    if (parts.length > 2) throw validationError(INVALID_NAME_MESSAGE);
    base = parts[0]!;
    selector = parts[1];
  }
  const name = existingName(base);
  if (selector === undefined) return { name };
  if (selector.length === 0) throw validationError(INVALID_NAME_MESSAGE);
  if (/^\d+$/.test(selector)) return { name, selector: `:${selector}`, version: Number(selector) };
  return { name, selector: `:${selector}`, label: selector };
}

/**
 * Validates a GetParametersByPath path and returns it without a trailing slash ("/" stays "/").
 * The global "/aws" namespace (exact case) may be read; other "aws"/"ssm" prefixes may not.
 */
export function validatePath(raw: string): string {
  const path = raw.replace(/^ +| +$/g, '');
  const trimmed = path.length > 1 ? path.replace(/\/$/, '') : path;
  const first = trimmed.split('/')[1] ?? '';
  const reserved = first.toLowerCase().startsWith('ssm') || (first.toLowerCase().startsWith('aws') && !first.startsWith('aws'));
  if (!trimmed.startsWith('/') || reserved || (trimmed !== '/' && !wellFormed(trimmed))) {
    throw validationError(INVALID_PATH_MESSAGE);
  }
  return trimmed;
}

/** A label AWS accepts: `a-zA-Z0-9_.-`, not starting with a digit, "aws" or "ssm" (any case). */
export function isValidLabel(label: string): boolean {
  return /^[a-zA-Z0-9_.-]+$/.test(label) && !/^[0-9]/.test(label) && !/^(aws|ssm)/i.test(label);
}
