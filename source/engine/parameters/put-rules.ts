import { AwsError, validationError } from '../errors';
import type { Tier } from './rows';

/** The Tier a caller may ask for; Intelligent-Tiering is resolved to a stored Tier at put. */
export type RequestedTier = Tier | 'Intelligent-Tiering';

const STANDARD_MAX = 4096;
const ADVANCED_MAX = 8192;
const DATA_TYPES = ['text', 'aws:ec2:image'];
const IMAGE_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** An AllowedPattern as a whole-value matcher (AWS matches the entire value, as Java's `matches`). */
export function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    throw new AwsError('InvalidAllowedPatternException', "The request doesn't meet the regular expression requirement.");
  }
}

/** Refuses a new value that the parameter's AllowedPattern does not match; the value is never echoed. */
export function checkPattern(pattern: string | null, value: string): void {
  if (pattern === null || pattern === '') return;
  if (!compilePattern(pattern).test(value)) {
    throw new AwsError('ParameterPatternMismatchException', `Parameter value, cannot be validated against allowedPattern: ${pattern}`);
  }
}

/**
 * The stored tier: an omitted Tier keeps the current one (Standard for a new parameter);
 * Intelligent-Tiering picks Advanced only when the value or policies need it, or the parameter
 * already is Advanced. An Advanced parameter never goes back to Standard.
 */
export function resolveTier(requested: RequestedTier | undefined, current: Tier | undefined, valueLength: number, hasPolicies: boolean): Tier {
  let tier: Tier;
  if (requested === undefined) tier = current ?? 'Standard';
  else if (requested === 'Intelligent-Tiering') tier = current === 'Advanced' || valueLength > STANDARD_MAX || hasPolicies ? 'Advanced' : 'Standard';
  else tier = requested;
  if (tier === 'Standard' && current === 'Advanced') {
    throw validationError(
      "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter.",
    );
  }
  return tier;
}

/** The value-size and policy limits of a tier. */
export function checkTierLimits(tier: Tier, valueLength: number, hasPolicies: boolean): void {
  if (tier === 'Standard' && valueLength > STANDARD_MAX) {
    throw validationError(
      'Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html',
    );
  }
  if (tier === 'Advanced' && valueLength > ADVANCED_MAX) {
    throw validationError('Advanced tier parameters support a maximum parameter value of 8192 characters.');
  }
  if (tier === 'Standard' && hasPolicies) {
    throw validationError('Parameter policies are only supported for parameters in the advanced-parameter tier. Upgrade the parameter to use the advanced-parameter tier.');
  }
}

/** DataType is `text` or `aws:ec2:image`; the latter is a String holding an AMI id (`ami-` + 8 or 17 hex). */
export function checkDataType(dataType: string, type: string, value: string): void {
  if (!DATA_TYPES.includes(dataType)) {
    throw validationError(`The following data type is not supported: ${dataType} (Data type names are all lowercase.)`);
  }
  if (dataType !== 'aws:ec2:image') return;
  if (type !== 'String') throw validationError('The aws:ec2:image data type is only supported for parameters of type String.');
  // AWS echoes the value here ("Parameter value, <value>, is not …"); a secrets store echoes no
  // value into an answer, a log or the audit trail's errorMessage, whatever its type.
  if (!IMAGE_ID.test(value)) throw validationError('Parameter value is not a valid image ID for data type aws:ec2:image.');
}
