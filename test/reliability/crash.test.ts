import { spawn } from 'node:child_process';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { firstActiveKey } from '../../source/engine/identity/access-keys';
import { tempHome } from '../helpers/temp-home';
import { startServe } from '../protocol/cli-process';
import { crashValue, CRASH_TYPES } from './helpers/crash-values';
import { checkAfterCrash, parseAck, type Ack } from './support/crash-check';
import { bundleHelper, knob, prng, seedFor } from './support/knobs';
import { CANARY, expectNoCanary } from './support/canary';

/**
 * Crash: a writer is SIGKILLed at random points, again and again on one store, and everything it
 * heard acknowledged must be there afterwards with its audit record; the store passes SQLite's
 * integrity check and `paramdeck audit verify`. Once with a process using the engine directly,
 * once through `paramdeck serve` (group commit on its engine thread; ack = HTTP 200 received).
 */
const RUNS = knob('CRASH_RUNS', 20);
const SERVE_RUNS = knob('CRASH_SERVE_RUNS', 20);
const PARAMETERS = knob('CRASH_PARAMETERS', 1000);
const SERVE_CLIENTS = 8;

describe('crash: SIGKILL at random points', () => {
  it(`keeps every acknowledged write and decrypt of a direct engine user, ${RUNS} kills × up to ${PARAMETERS} parameters`, { timeout: 600_000 }, async () => {
    const random = prng(seedFor('crash (direct)'));
    const writer = await bundleHelper('test/reliability/helpers/crash-writer.ts');
    const home = tempHome();
    let acked = 0;
    let records = 0;
    for (let run = 0; run < RUNS; run++) {
      // A fifth of the kills land by time, anywhere from opening the store on; the rest after a random number of acks.
      const plan = random.next() < 0.2 ? { afterMs: random.int(400) } : { afterAcks: 1 + random.int(PARAMETERS - 1) };
      const { acks, stderr, signal } = await killWriter(writer, [home, `/crash/r${run}`, String(PARAMETERS), CANARY], plan);
      expect(stderr).toBe('');
      expect(signal).toBe('SIGKILL');
      records = await checkAfterCrash(home, acks, CANARY);
      acked += acks.length;
    }
    console.log(`crash (direct): ${RUNS} kills, ${acked} acknowledged calls kept, ${records} audit records verify`);
    expectNoCanary([home]);
  });

  it(`keeps every write and decrypt answered by serve, ${SERVE_RUNS} kills × up to ${PARAMETERS} parameters from ${SERVE_CLIENTS} clients`, { timeout: 600_000 }, async () => {
    const random = prng(seedFor('crash (serve)'));
    const home = tempHome();
    const setup = Engine.open({ home });
    const { accessKeyId, secretAccessKey } = firstActiveKey(setup, 'admin');
    const region = setup.region;
    setup.close();
    let acked = 0;
    let records = 0;
    const stderrs: string[] = [];
    for (let run = 0; run < SERVE_RUNS; run++) {
      const serve = await startServe(['--home', home, '--port', '0']);
      const client = new SSMClient({ endpoint: serve.url, region, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
      const acks: Ack[] = [];
      const killAt = random.int(PARAMETERS);
      const state = { killed: false };
      const kill = () => {
        if (acks.length >= killAt && !state.killed) state.killed = serve.child.kill('SIGKILL');
      };
      kill();
      const clients = Array.from({ length: SERVE_CLIENTS }, (_, c) => serveWriter(client, `/crash/s${run}/c${c}`, PARAMETERS / SERVE_CLIENTS, acks, kill, state));
      await Promise.all(clients);
      expect(await serve.stop()).toBeNull();
      client.destroy();
      stderrs.push(serve.stderr());
      records = await checkAfterCrash(home, acks, CANARY);
      acked += acks.length;
    }
    console.log(`crash (serve): ${SERVE_RUNS} kills, ${acked} acknowledged calls kept, ${records} audit records verify`);
    expect(stderrs.join('')).toBe('');
    expectNoCanary([home]);
  });
});

interface KillPlan {
  afterMs?: number;
  afterAcks?: number;
}

/** Runs the writer and SIGKILLs it as planned; resolves with the acks it printed before dying. */
function killWriter(writer: string, args: string[], plan: KillPlan): Promise<{ acks: Ack[]; stderr: string; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: Ack[] = [];
  let pending = '';
  let stderr = '';
  if (plan.afterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), plan.afterMs);
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const ack = parseAck(line);
      if (ack) acks.push(ack);
    }
    if (plan.afterAcks !== undefined && acks.length >= plan.afterAcks) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('close', (_code, signal) => resolve({ acks, stderr, signal })));
}

/** One of serve's clients: puts its share, reads every seventh SecureString back, and stops at the first failure (the kill). */
async function serveWriter(client: SSMClient, prefix: string, count: number, acks: Ack[], afterAck: () => void, state: { killed: boolean }): Promise<void> {
  try {
    for (let i = 0; i < count; i++) {
      const name = `${prefix}/p${i}`;
      const type = CRASH_TYPES[i % CRASH_TYPES.length]!;
      const put = await client.send(new PutParameterCommand({ Name: name, Value: crashValue(name, type, CANARY), Type: type, Overwrite: true }));
      acks.push({ kind: 'put', name, version: put.Version!, requestId: put.$metadata.requestId! });
      afterAck();
      if (type === 'SecureString' && i % 7 === 5) {
        const read = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
        expect(read.Parameter?.Value).toBe(crashValue(name, type, CANARY));
        acks.push({ kind: 'decrypt', name, requestId: read.$metadata.requestId! });
        afterAck();
      }
    }
  } catch (error) {
    // Only the kill may stop a client: an error from a live server is a fault.
    if (!state.killed) throw error;
  }
}
