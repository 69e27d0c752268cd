/**
 * The engine thread of `paramdeck serve` (built on its own as dist/engine-thread-worker.js): it
 * owns the store's write connection and runs every call it is sent through a commit group, so the
 * calls of one turn share one transaction and each answer leaves only once that transaction has
 * committed. Its caller (engine-thread.ts) does the HTTP and SigV4 work on another core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CommitGroup } from '../engine/commit-group';
import { Engine } from '../engine/engine';
import { repeatPolicySweeps, sweepDuePolicies } from '../engine/parameters/policy-sweep';
import { runJsonCall } from './json-codec';
import { failureData, unpackCalls, type FailureData, type FromEngine, type PackedAnswers, type ToEngine } from './thread-messages';

/** What the HTTP thread hands over to open the same store. */
export interface EngineThreadData {
  readonly home: string;
  readonly passphrase?: string;
}

function post(message: FromEngine): void {
  parentPort!.postMessage(message);
}

function serveCalls(engine: Engine): void {
  const group = new CommitGroup(engine);
  // Policies fall due while serve runs: swept inside the commit group, like any call.
  const sweeps = repeatPolicySweeps(engine, () => group.run(() => sweepDuePolicies(engine)));
  // A group's answers leave in one message as soon as its COMMIT has settled them all: they settle
  // in one run of microtasks, and the flush is queued behind them by the first. (Waiting for the
  // next turn instead held them behind whatever calls arrived meanwhile.)
  let outbox: PackedAnswers = [];
  const flush = () => {
    if (outbox.length > 0) post({ kind: 'answers', answers: outbox });
    outbox = [];
  };
  const send = (id: number, answer: string | FailureData) => {
    if (outbox.length === 0) queueMicrotask(flush);
    outbox.push(id, answer);
  };
  parentPort!.on('message', (message: ToEngine) => {
    if (message.kind === 'close') {
      // The open group's COMMIT was scheduled before this message arrived: it runs first, and
      // its answers are in the outbox by the time this does.
      sweeps.stop();
      setImmediate(() => {
        flush();
        engine.close();
        parentPort!.close();
      });
      return;
    }
    const calls = unpackCalls(message.calls);
    for (const { id, service, operation, body, ctx } of calls) {
      group.run(() => runJsonCall(engine, service, operation, body, ctx)).then(
        (json) => send(id, json),
        (error: unknown) => send(id, failureData(error)),
      );
    }
    // A put that sets policies may bring the next due instant closer than the one scheduled: sweep after it,
    // in the same group, to learn it. The body is still text here; a false match only costs a sweep.
    if (calls.some((c) => c.operation === 'PutParameter' && c.body.includes('"Policies"'))) sweeps.again();
  });
}

const data = workerData as EngineThreadData;
let engine: Engine | undefined;
try {
  engine = Engine.open({ home: data.home, ...(data.passphrase === undefined ? {} : { passphrase: data.passphrase }) });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  parentPort!.close();
}
if (engine) {
  serveCalls(engine);
  post({ kind: 'ready' });
}
