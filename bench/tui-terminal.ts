import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The end of a frame: the app wraps each frame in synchronized output (frame-writer.ts). */
export const FRAME_END = '\u001b[?2026l';

/**
 * A program on a real pseudo-terminal of a fixed size, driven like a user would. script(1) gives
 * it the pty (node-pty would need a native build that downloads headers); the bytes the bench
 * writes go to the program's stdin, everything it writes comes back with its arrival time.
 */
export class PtyProgram {
  readonly started = performance.now();
  private readonly child: ChildProcessWithoutNullStreams;
  private output = '';
  private readonly waiters = new Set<() => void>();
  exited: Promise<number | null>;

  constructor(command: string, size: { columns: number; rows: number }, extraEnv: NodeJS.ProcessEnv = {}) {
    const env = { ...process.env, ...extraEnv };
    // Measured as a user runs it: Ink would render nothing until exit under CI.
    delete env.CI;
    delete env.CONTINUOUS_INTEGRATION;
    this.child = spawn('script', ['-q', '-e', '-c', `stty cols ${size.columns} rows ${size.rows}; exec ${command}`, '/dev/null'], { env });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      this.output += chunk;
      for (const wake of this.waiters) wake();
    });
    this.exited = new Promise((resolve) => this.child.on('close', resolve));
  }

  /** Everything written so far; `mark()` returns a position to read from. */
  mark(): number {
    return this.output.length;
  }

  since(mark: number): string {
    return this.output.slice(mark);
  }

  /** Resolves with the time the output since `mark` first satisfied `test`. */
  until(mark: number, test: (output: string) => boolean, timeoutMs = 120_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!test(this.since(mark))) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(performance.now());
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out; last output: ${JSON.stringify(this.since(mark).slice(-400))}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Writes `keys` and returns the time the frame that satisfies `test` was finished, and its bytes. */
  async press(keys: string, test: (output: string) => boolean): Promise<{ ms: number; bytes: number }> {
    const mark = this.mark();
    const sent = performance.now();
    this.child.stdin.write(keys);
    const done = await this.until(mark, (out) => test(out) && out.endsWith(FRAME_END));
    return { ms: done - sent, bytes: Buffer.byteLength(this.since(mark)) };
  }

  /** The resident memory of the program itself (not of script), in megabytes. */
  rssMb(): number {
    const pid = execFileSync('pgrep', ['-P', String(this.child.pid)], { encoding: 'utf8' }).trim().split('\n')[0]!;
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
    return Number(line.replace(/\D+/g, '')) / 1024;
  }

  write(keys: string): void {
    this.child.stdin.write(keys);
  }

  kill(): void {
    this.child.kill('SIGTERM');
  }
}

/** The median of some samples. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
