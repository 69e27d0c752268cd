import { EventEmitter } from 'node:events';

const HIDE_CURSOR = '\u001b[?25l';
const CLEAR_SCREEN = '\u001b[2J';
const ERASE_LINE_END = '\u001b[K';
// Synchronized output: the terminal shows the frame once complete, never half drawn.
const BEGIN_SYNC = '\u001b[?2026h';
const END_SYNC = '\u001b[?2026l';

/**
 * Puts Ink's frames on the alternate screen, rewriting only the lines that changed, each at an
 * absolute position. Ink 6.8's own `incrementalRendering` moves the cursor up one line too few
 * whenever a frame ends in a newline (any frame shorter than the terminal), so every frame lands
 * one line lower than the last and the screen smears; rows − 1 frames, which Ink needs to avoid
 * clearing the terminal on every render, always end in one. So Ink renders in debug mode (each
 * frame handed over whole, nothing of its own cursor logic) into `stream`, and this writer diffs.
 * Frames written in the same tick are coalesced: only the last one is drawn.
 */
export class FrameWriter {
  /** The stream Ink renders into: the terminal's size and resizes, and frames for this writer. */
  readonly stream: NodeJS.WriteStream;
  private drawn: string[] = [];
  private pending: string | undefined;
  private scheduled = false;
  private closed = false;

  constructor(private readonly terminal: NodeJS.WriteStream) {
    const stream = new EventEmitter() as EventEmitter & Record<string, unknown>;
    Object.defineProperties(stream, {
      isTTY: { value: true },
      columns: { get: () => terminal.columns },
      rows: { get: () => terminal.rows },
    });
    stream.write = (frame: string) => {
      this.frame(frame);
      return true;
    };
    this.stream = stream as unknown as NodeJS.WriteStream;
    terminal.on('resize', this.onResize);
    terminal.write(HIDE_CURSOR);
  }

  /** Stops drawing; the alternate screen's owner restores the terminal. */
  close(): void {
    this.closed = true;
    this.terminal.off('resize', this.onResize);
  }

  private frame(frame: string): void {
    this.pending = frame;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    const frame = this.pending;
    this.pending = undefined;
    if (frame === undefined || this.closed) return;
    const lines = frame.split('\n');
    let out = '';
    const height = Math.max(lines.length, this.drawn.length);
    for (let i = 0; i < height; i++) {
      const line = lines[i] ?? '';
      if (line === (this.drawn[i] ?? '') && i < this.drawn.length) continue;
      out += `\u001b[${i + 1};1H${line}${ERASE_LINE_END}`;
    }
    this.drawn = lines;
    if (out !== '') this.terminal.write(BEGIN_SYNC + out + END_SYNC);
  };

  // A resize reflows whatever is on screen: start from a clean screen and draw every line.
  private readonly onResize = (): void => {
    this.drawn = [];
    this.terminal.write(CLEAR_SCREEN);
    this.stream.emit('resize');
  };
}
