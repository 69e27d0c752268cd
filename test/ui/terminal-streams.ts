import { EventEmitter } from 'node:events';

/** A terminal's output side at a fixed size: Ink's debug mode writes each frame here whole. */
export class TestStdout extends EventEmitter {
  readonly isTTY = true;
  readonly frames: string[] = [];

  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }

  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };

  lastFrame(): string {
    return this.frames.at(-1) ?? '';
  }

  /** Resizes the terminal as a window manager would, then tells the app. */
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** A terminal's input side in raw mode: what `write` gets, Ink reads as key presses. */
export class TestStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;

  write(data: string): void {
    this.data = data;
    this.emit('readable');
  }

  read(): string | null {
    const { data } = this;
    this.data = null;
    return data;
  }

  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/** Key names as a terminal sends them. */
export const KEYS = {
  enter: '\r',
  esc: '\u001b',
  tab: '\t',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  backspace: '\u007f',
} as const;
