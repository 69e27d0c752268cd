import type { Principal } from '../engine/context';
import type { AwsError } from '../engine/errors';

/** STS's XML namespace, which awsQuery answers and errors carry. */
const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/**
 * awsQuery names the authentication failures differently from the JSON protocol (STS's
 * `InvalidClientTokenId` is the JSON services' `UnrecognizedClientException`), and its
 * missing-token message is worded differently too.
 */
const QUERY_ERRORS: Readonly<Record<string, { code: string; message?: string }>> = {
  MissingAuthenticationTokenException: { code: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token' },
  UnrecognizedClientException: { code: 'InvalidClientTokenId' },
  InvalidSignatureException: { code: 'SignatureDoesNotMatch' },
  IncompleteSignatureException: { code: 'IncompleteSignature' },
};

/** The XML content type awsQuery answers with. */
export const XML_CONTENT_TYPE = 'text/xml';

/** The GetCallerIdentity answer: who signed the request, as STS reports it. */
export function callerIdentityXml(principal: Principal, requestId: string): string {
  return [
    `<GetCallerIdentityResponse xmlns="${STS_NAMESPACE}">`,
    '  <GetCallerIdentityResult>',
    `    <Arn>${escapeXml(principal.arn)}</Arn>`,
    `    <UserId>${escapeXml(principal.userId)}</UserId>`,
    `    <Account>${escapeXml(principal.accountId)}</Account>`,
    '  </GetCallerIdentityResult>',
    '  <ResponseMetadata>',
    `    <RequestId>${requestId}</RequestId>`,
    '  </ResponseMetadata>',
    '</GetCallerIdentityResponse>',
    '',
  ].join('\n');
}

/** An awsQuery `<ErrorResponse>`: Sender for client faults, Receiver for ours. */
export function queryErrorXml(error: AwsError, requestId: string): string {
  const mapped = Object.hasOwn(QUERY_ERRORS, error.code) ? QUERY_ERRORS[error.code] : undefined;
  const code = mapped?.code ?? error.code;
  const message = mapped?.message ?? error.message;
  return [
    `<ErrorResponse xmlns="${STS_NAMESPACE}">`,
    '  <Error>',
    `    <Type>${error.status >= 500 ? 'Receiver' : 'Sender'}</Type>`,
    `    <Code>${escapeXml(code)}</Code>`,
    `    <Message>${escapeXml(message)}</Message>`,
    '  </Error>',
    `  <RequestId>${requestId}</RequestId>`,
    '</ErrorResponse>',
    '',
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);
}
