/**
 * The direct engine user of the concurrency test: one process, argv[4] worker threads, each with
 * its own engine (its own SQLite connection) on the store at argv[2], each putting argv[3] times
 * with Overwrite to the shared names /race/n0…n9. Prints `ready` once every thread has opened the
 * store, starts on a `go` line on stdin, and prints one JSON line: the acked puts per name and
 * every error any thread saw (there must be none).
 */
import { createInterface } from 'node:readline';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Engine } from '../../../source/engine/engine';
import { adminContext } from './admin-context';
import { raceName } from './race-names';

interface Job {
  home: string;
  client: number;
  puts: number;
}

interface Result {
  acked: Record<string, number>;
  errors: string[];
}

function worker(job: Job): void {
  const engine = Engine.open({ home: job.home });
  const context = adminContext(engine, `paramdeck-race-direct-${job.client}`);
  parentPort!.postMessage('ready');
  parentPort!.once('message', () => {
    const result: Result = { acked: {}, errors: [] };
    for (let i = 0; i < job.puts; i++) {
      const name = raceName(job.client, i);
      try {
        engine.dispatch('ssm', 'PutParameter', { Name: name, Value: `fake-direct-${job.client}-${i}`, Type: 'String', Overwrite: true }, context());
        result.acked[name] = (result.acked[name] ?? 0) + 1;
      } catch (error) {
        result.errors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
    }
    engine.close();
    parentPort!.postMessage(result);
  });
}

async function main(): Promise<void> {
  const [home, putsText, clientsText] = process.argv.slice(2) as [string, string, string];
  const workers = Array.from({ length: Number(clientsText) }, (_, client) => new Worker(new URL(import.meta.url), { workerData: { home, client, puts: Number(putsText) } satisfies Job }));
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  process.stdout.write('ready\n');
  await new Promise((resolve) => createInterface({ input: process.stdin }).once('line', resolve));
  const results = await Promise.all(
    workers.map((w) => {
      const done = new Promise<Result>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
      });
      w.postMessage('go');
      return done;
    }),
  );
  const total: Result = { acked: {}, errors: [] };
  for (const result of results) {
    for (const [name, count] of Object.entries(result.acked)) total.acked[name] = (total.acked[name] ?? 0) + count;
    total.errors.push(...result.errors);
  }
  process.stdout.write(`${JSON.stringify(total)}\n`);
  process.exit(0);
}

if (isMainThread) await main();
else worker(workerData as Job);
