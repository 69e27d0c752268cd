/**
 * A failure with AWS's shape: `code` is the error shape name the wire sends as `__type`, and
 * `message` is AWS's own wording. Engine code throws these and nothing else on bad input.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status on the wire: 400 for client faults, 403 for authentication, 500 internal. */
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

/** ValidationException is the most common refusal; a short constructor keeps rules readable. */
export function validationError(message: string): AwsError {
  return new AwsError('ValidationException', message);
}

/** True when `error` is an AwsError with this shape name. */
export function isAwsError(error: unknown, code?: string): error is AwsError {
  return error instanceof AwsError && (code === undefined || error.code === code);
}
