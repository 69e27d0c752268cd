import type { CallContext } from '../engine/context';
import { AwsError } from '../engine/errors';
import type { ServiceName } from '../engine/operations';

/**
 * The messages between `serve`'s HTTP thread and its engine thread (engine-thread.ts). They cross
 * by structured clone: request and answer bodies as JSON text, errors as plain data. Calls
 * go in small batches as their signatures are proven (engine-thread.ts), so the engine thread
 * works while the HTTP thread proves the next ones; the answers of one commit group come back in
 * one message. A batch crosses as one flat array: structured clone writes every member name of
 * every object again, and copying and rebuilding objects cost each side more than the call's SQL.
 */

/** One engine call, as the HTTP thread sends it once the request's signature is proven. */
export interface CallMessage {
  readonly id: number;
  readonly service: ServiceName;
  readonly operation: string;
  /** The request body, JSON text, parsed on the engine thread (json-codec.ts runJsonCall). */
  readonly body: string;
  readonly ctx: CallContext;
}

/** Calls packed one after another, CALL_FIELDS entries each (packCall, unpackCalls). */
export type PackedCalls = (string | number)[];
const CALL_FIELDS = 12;

/** Appends one call to a batch. */
export function packCall(batch: PackedCalls, { id, service, operation, body, ctx }: CallMessage): void {
  const { principal } = ctx;
  batch.push(id, service, operation, body, principal.name, principal.arn, principal.userId, principal.accountId, ctx.accessKeyId, ctx.sourceIp, ctx.userAgent, ctx.requestId);
}

/** The calls of a batch, as they were packed. */
export function unpackCalls(batch: PackedCalls): CallMessage[] {
  const calls: CallMessage[] = [];
  for (let at = 0; at + CALL_FIELDS <= batch.length; at += CALL_FIELDS) {
    const field = (offset: number) => batch[at + offset] as string;
    calls.push({
      id: batch[at] as number,
      service: field(1) as ServiceName,
      operation: field(2),
      body: field(3),
      ctx: {
        principal: { name: field(4), arn: field(5), userId: field(6), accountId: field(7) },
        accessKeyId: field(8),
        sourceIp: field(9),
        userAgent: field(10),
        requestId: field(11),
      },
    });
  }
  return calls;
}

/** What the HTTP thread sends: a batch of calls, or the order to close the store and stop. */
export type ToEngine = { readonly kind: 'calls'; readonly calls: PackedCalls } | { readonly kind: 'close' };

/** How a call failed: an AWS error to pass on as is, or a fault the client only sees as InternalFailure. */
export type FailureData = { readonly aws: true; readonly code: string; readonly message: string; readonly status: number } | { readonly aws: false; readonly detail: string };

/**
 * Answers packed in pairs: the call's id, then its answer's JSON text once its transaction
 * committed, or (an object) how it failed.
 */
export type PackedAnswers = (number | string | FailureData)[];

/** What the engine thread sends back: whether it opened the store, then the answers of each commit group. */
export type FromEngine =
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'answers'; readonly answers: PackedAnswers };

/** An error as data that survives the crossing; an unexpected one keeps only its stack, for the server's log. */
export function failureData(error: unknown): FailureData {
  if (error instanceof AwsError) return { aws: true, code: error.code, message: error.message, status: error.status };
  return { aws: false, detail: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

/** The error a failure stands for, on the HTTP thread. */
export function failureError(failure: FailureData): Error {
  if (failure.aws) return new AwsError(failure.code, failure.message, failure.status);
  const error = new Error('the engine thread failed a call');
  error.stack = failure.detail;
  return error;
}
