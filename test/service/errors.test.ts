import { describe, expect, it } from 'vitest';
import { ServiceError, toServiceError, type ServiceErrorKind } from '../../source/service/errors';

function sdkError(name: string, message: string, status?: number, fault?: 'client' | 'server'): Error {
  const error = Object.assign(new Error(message), { $fault: fault, $metadata: { httpStatusCode: status, requestId: 'req-1' } });
  error.name = name;
  return error;
}

describe('SDK failures map to the domain set by name', () => {
  it.each<[string, ServiceErrorKind]>([
    ['AccessDeniedException', 'AccessDenied'],
    ['ParameterNotFound', 'NotFound'],
    ['ParameterVersionNotFound', 'NotFound'],
    ['NotFoundException', 'NotFound'],
    ['InvalidResourceId', 'NotFound'],
    ['ValidationException', 'Invalid'],
    ['InvalidKeyId', 'Invalid'],
    ['ParameterPatternMismatchException', 'Invalid'],
    ['InvalidCiphertextException', 'Invalid'],
    ['ParameterAlreadyExists', 'Conflict'],
    ['AlreadyExistsException', 'Conflict'],
    ['DisabledException', 'Conflict'],
    ['KMSInvalidStateException', 'Conflict'],
    ['ParameterMaxVersionLimitExceeded', 'Conflict'],
    ['ThrottlingException', 'Throttled'],
    ['TooManyUpdates', 'Throttled'],
    ['RequestLimitExceeded', 'Throttled'],
    ['UnrecognizedClientException', 'Auth'],
    ['InvalidSignatureException', 'Auth'],
    ['ExpiredTokenException', 'Auth'],
    ['CredentialsProviderError', 'Auth'],
    ['TokenProviderError', 'Auth'],
    ['InternalServerError', 'Unavailable'],
    ['KMSInternalException', 'Unavailable'],
    ['DependencyTimeoutException', 'Unavailable'],
    ['UnknownOperationException', 'Unavailable'],
  ])('%s is %s', (name, kind) => {
    const mapped = toServiceError(sdkError(name, 'AWS says no', 400, 'client'));
    expect(mapped).toBeInstanceOf(ServiceError);
    expect(mapped).toMatchObject({ kind, code: name, name, message: 'AWS says no', status: 400, requestId: 'req-1' });
  });

  it.each<[number | undefined, 'client' | 'server' | undefined, ServiceErrorKind]>([
    [403, 'client', 'Auth'],
    [404, 'client', 'NotFound'],
    [429, 'client', 'Throttled'],
    [400, 'client', 'Invalid'],
    [500, 'server', 'Unavailable'],
    [503, undefined, 'Unavailable'],
    [undefined, undefined, 'Unavailable'],
  ])('an unknown name with status %s (%s fault) is %s', (status, fault, kind) => {
    expect(toServiceError(sdkError('SomethingNew', 'hm', status, fault)).kind).toBe(kind);
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET'])('a network failure (%s) is Unavailable with its code', (code) => {
    const error = Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code });
    expect(toServiceError(error)).toMatchObject({ kind: 'Unavailable', code, message: `connect ${code} 10.0.0.1:443` });
  });

  it('takes the message of the first attempt when Node reports an AggregateError', () => {
    const error = Object.assign(new AggregateError([new Error('connect ECONNREFUSED ::1:4583'), new Error('connect ECONNREFUSED 127.0.0.1:4583')], ''), { code: 'ECONNREFUSED' });
    expect(toServiceError(error)).toMatchObject({ kind: 'Unavailable', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED ::1:4583' });
  });

  it('keeps the first line of a message, or the code when AWS sent none', () => {
    const deserialization = sdkError('SyntaxError', 'Unexpected token <\n  Deserialization error: to see the raw response…', 502);
    expect(toServiceError(deserialization)).toMatchObject({ kind: 'Unavailable', message: 'Unexpected token <' });
    expect(toServiceError(sdkError('ParameterNotFound', '', 400))).toMatchObject({ kind: 'NotFound', message: 'ParameterNotFound' });
  });

  it('keeps no reference to the SDK error or its response', () => {
    const error = Object.assign(sdkError('ValidationException', 'bad', 400), { $response: { body: 'raw' } });
    const mapped = toServiceError(error);
    expect(Object.values(mapped)).not.toContain(error);
    expect(mapped.cause).toBeUndefined();
    expect(JSON.stringify(mapped)).not.toContain('raw');
  });

  it('redacts every given secret from the message, line by line for multi-line secrets', () => {
    const secret = 'line-one-secret\nline-two-secret';
    const error = sdkError('ValidationException', `Value 'line-one-secret\nline-two-secret' failed; line-two-secret again`, 400);
    const mapped = toServiceError(error, [secret]);
    expect(mapped.message).toBe("Value '****' failed; **** again");
    expect(toServiceError(sdkError('ValidationException', 'x line-two-secret y', 400), [secret]).message).toBe('x **** y');
  });

  it('redacts a value of a few characters where it stands alone, not inside AWS’s own words', () => {
    const error = sdkError('ValidationException', "No access to reserved parameter name; value 'v' and v.", 400);
    expect(toServiceError(error, ['v']).message).toBe("No access to reserved parameter name; value '****' and ****.");
    expect(toServiceError(sdkError('ValidationException', 'a+b in (a+b)', 400), ['a+b']).message).toBe('**** in (****)');
  });
});
