import { osc52Clear, osc52Sequence } from './osc52';
import { clearWithCommandSync, localClipboardCommand, runClipboardCommand, type ClipboardCommand } from './local-command';

/** Where a copy went: a local command by name, or OSC 52 through the terminal. */
export interface CopyReport {
  readonly via: string;
  /** False over OSC 52: the terminal never says whether it took (or later cleared) the text. */
  readonly verifiable: boolean;
}

/** What the clipboard writes through: the terminal's real output (not Ink's frame stream). */
export interface ClipboardOptions {
  readonly terminal: { write(chunk: string): unknown };
  readonly env: NodeJS.ProcessEnv;
}

/** When and how to empty the clipboard after a secret was copied. */
export interface ClearPlan {
  readonly afterMs: number;
  readonly onCleared: (report: CopyReport) => void;
}

/**
 * The app's clipboard: a local command where the session is local and one exists, else OSC 52
 * written to the terminal (tmux passthrough inside tmux). A secret copied with a clear plan is
 * emptied after the delay while the app runs, and at exit if the delay has not passed yet.
 */
export class Clipboard {
  private readonly command: ClipboardCommand | undefined;
  private readonly tmux: boolean;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ClipboardOptions) {
    this.command = localClipboardCommand(options.env);
    this.tmux = Boolean(options.env.TMUX);
  }

  /** Puts `text` on the clipboard; with `clear`, empties it again after `clear.afterMs`. */
  async copy(text: string, clear?: ClearPlan): Promise<CopyReport> {
    this.cancelClear();
    const report = await this.put(text);
    if (clear) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.put('').then(clear.onCleared, () => undefined);
      }, clear.afterMs);
    }
    return report;
  }

  /** At exit: a secret still waiting to be cleared is cleared now, synchronously. */
  dispose(): void {
    if (!this.timer) return;
    this.cancelClear();
    if (this.command) clearWithCommandSync(this.command, this.options.env);
    else this.options.terminal.write(osc52Clear(this.tmux));
  }

  private cancelClear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async put(text: string): Promise<CopyReport> {
    if (this.command) {
      await runClipboardCommand(this.command, text, this.options.env);
      return { via: this.command.command, verifiable: true };
    }
    this.options.terminal.write(text === '' ? osc52Clear(this.tmux) : osc52Sequence(text, this.tmux));
    return { via: this.tmux ? 'OSC 52 through tmux' : 'OSC 52', verifiable: false };
  }
}
