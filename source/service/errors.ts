/** The few kinds of failure the UI and commands act on, whatever the endpoint. */
export type ServiceErrorKind = 'AccessDenied' | 'NotFound' | 'Invalid' | 'Conflict' | 'Throttled' | 'Unavailable' | 'Auth';

/**
 * A failure at the service edge: `kind` decides what the caller does, `code` is the AWS error
 * name and `message` AWS's own text, kept for display (the TUI shows an AccessDeniedException's
 * message as is). `name` is the AWS code too, so `error.name` reads the same as the SDK's.
 * It keeps no reference to the SDK error, whose request and response objects must not travel.
 */
export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    readonly code: string,
    message: string,
    readonly status?: number,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = code;
  }
}

// Names, not classes: the same failure arrives as a modelled exception from one endpoint and as
// a generic ServiceException from another (moto, a proxy), and only `name` is reliable.
const KIND_BY_CODE: Record<string, ServiceErrorKind> = {};
function kind(kindName: ServiceErrorKind, codes: string[]): void {
  for (const code of codes) KIND_BY_CODE[code] = kindName;
}

kind('AccessDenied', ['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedAccess', 'OperationNotPermittedException']);
kind('Auth', [
  'UnrecognizedClientException', 'InvalidSignatureException', 'IncompleteSignature', 'IncompleteSignatureException',
  'InvalidClientTokenId', 'SignatureDoesNotMatch', 'MissingAuthenticationToken', 'MissingAuthenticationTokenException',
  'ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'AuthFailure', 'InvalidAccessKeyId', 'InvalidToken',
  'CredentialsProviderError', 'TokenProviderError', 'UnauthorizedException',
]);
kind('NotFound', [
  'ParameterNotFound', 'ParameterVersionNotFound', 'NotFoundException', 'InvalidResourceId', 'TrailNotFoundException',
  'ResourceNotFoundException', 'AliasNotFoundException',
]);
kind('Conflict', [
  'ParameterAlreadyExists', 'AlreadyExistsException', 'DisabledException', 'KMSInvalidStateException', 'IncorrectKeyException',
  'ParameterLimitExceeded', 'ParameterMaxVersionLimitExceeded', 'HierarchyLevelLimitExceededException', 'TooManyTagsError',
  'LimitExceededException', 'ParameterVersionLabelLimitExceeded', 'PoliciesLimitExceededException', 'ConflictException',
  'IncompatiblePolicyException', 'HierarchyTypeMismatchException',
]);
/** Throttling names AWS services use; the listing backs off on these. */
export const THROTTLING_CODES: ReadonlySet<string> = new Set([
  'ThrottlingException', 'Throttling', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded',
  'RequestThrottled', 'RequestThrottledException', 'ProvisionedThroughputExceededException', 'SlowDown',
  'BandwidthLimitExceeded', 'EC2ThrottledException', 'PriorRequestNotComplete', 'TooManyUpdates', 'RateExceeded',
]);
kind('Throttled', [...THROTTLING_CODES]);
kind('Unavailable', [
  'InternalServerError', 'InternalServerErrorException', 'InternalFailure', 'InternalError', 'ServiceUnavailable',
  'ServiceUnavailableException', 'KMSInternalException', 'DependencyTimeoutException', 'KeyUnavailableException',
  'TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN',
  'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
  // The endpoint does not offer the call at all (a partial AWS stand-in): nothing to fix in the request.
  'UnknownOperationException', 'UnsupportedOperationException',
]);

interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  errors?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/**
 * Turns anything thrown by the SDK (or the network under it) into a ServiceError. `secrets` are
 * strings that must not survive into the message, such as the value a failed PutParameter sent:
 * an endpoint may echo its input in a validation message.
 */
export function toServiceError(error: unknown, secrets: readonly string[] = []): ServiceError {
  if (error instanceof ServiceError) return error;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SdkErrorLike;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const networkCode = typeof e.code === 'string' ? e.code : undefined;
  const code = KIND_BY_CODE[name] || !networkCode ? name : networkCode;
  const status = e.$metadata?.httpStatusCode;
  const raw = messageOf(e) ?? code;
  return new ServiceError(classify(code, status, e.$fault), code, firstLine(redact(raw, secrets)), status, e.$metadata?.requestId);
}

// Node reports a refused connection to a dual-stack host as an AggregateError with no message
// of its own; the first attempt's message names the address.
function messageOf(e: SdkErrorLike): string | undefined {
  if (typeof e.message === 'string' && e.message.trim() !== '') return e.message;
  const first: unknown = Array.isArray(e.errors) ? e.errors[0] : undefined;
  return first instanceof Error && first.message.trim() !== '' ? first.message : undefined;
}

function classify(code: string, status: number | undefined, fault: unknown): ServiceErrorKind {
  const known = KIND_BY_CODE[code];
  if (known) return known;
  if (status === 401 || status === 403) return 'Auth';
  if (status === 404) return 'NotFound';
  if (status === 429) return 'Throttled';
  if (status !== undefined && status >= 500) return 'Unavailable';
  if (fault === 'client' || (status !== undefined && status >= 400)) return 'Invalid';
  // No answer at all: the endpoint could not be reached or talked nonsense.
  return 'Unavailable';
}

// The SDK appends hints about hidden fields on later lines; one line is what a status bar shows.
function firstLine(message: string): string {
  const line = message.split('\n', 1)[0] ?? message;
  return line.trim() === '' ? message.trim() : line.trim();
}

// A multi-line secret may be echoed cut at a line end, so its lines are redacted one by one too.
function redact(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) {
    const lines = secret.split(/\r?\n/).filter((line) => line.trim().length >= 4);
    for (const piece of [secret, ...lines]) if (piece !== '') out = redactPiece(out, piece);
  }
  return out;
}

/**
 * A value of a few characters would also match inside AWS's own words ("reser****ed"), so it is
 * redacted only where it stands alone (quoted, or between spaces or punctuation), which is how a
 * message echoes a value; a longer one wherever it appears.
 */
function redactPiece(message: string, piece: string): string {
  if (piece.length >= 4) return message.split(piece).join('****');
  const escaped = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return message.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'), '****');
}

/** Runs one SDK call and rethrows its failure as a ServiceError with `secrets` redacted. */
export async function mapErrors<T>(run: () => Promise<T>, secrets: readonly string[] = []): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toServiceError(error, secrets);
  }
}
