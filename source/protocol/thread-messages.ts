import type { CallContext } from '../engine/context';
import { AwsError } from '../engine/errors';
import type { ServiceName } from '../engine/operations';

/**
 * The messages between `serve`'s HTTP thread and its engine thread (engine-thread.ts). They cross
 * by structured clone: a Buffer arrives as a plain Uint8Array, and an error as plain data. Calls
 * go in small batches as their signatures are proven (engine-thread.ts), so the engine thread
 * works while the HTTP thread proves the next ones; the answers of one commit group come back in
 * one message.
 */

/** One engine call, as the HTTP thread sends it once the request's signature is proven. */
export interface CallMessage {
  readonly id: number;
  readonly service: ServiceName;
  readonly operation: string;
  readonly input: unknown;
  readonly ctx: CallContext;
}

/** What the HTTP thread sends: a batch of calls, or the order to close the store and stop. */
export type ToEngine = { readonly kind: 'calls'; readonly calls: readonly CallMessage[] } | { readonly kind: 'close' };

/** How a call failed: an AWS error to pass on as is, or a fault the client only sees as InternalFailure. */
export type FailureData = { readonly aws: true; readonly code: string; readonly message: string; readonly status: number } | { readonly aws: false; readonly detail: string };

/** One call's answer, once its transaction committed, or how it failed. */
export type Answer = { readonly id: number; readonly ok: true; readonly output: unknown } | { readonly id: number; readonly ok: false; readonly failure: FailureData };

/** What the engine thread sends back: whether it opened the store, then the answers of each commit group. */
export type FromEngine =
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'answers'; readonly answers: readonly Answer[] };

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

/**
 * Turns the Uint8Arrays a crossing made of Buffers back into Buffers, in place, so the engine's
 * blob members (which must be Buffers) read as they do in-process.
 */
export function reviveBuffers(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveBuffers(value[i]);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = reviveBuffers(record[key]);
  }
  return value;
}
