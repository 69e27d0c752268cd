import './terminal-env';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink';
import { onTestFinished } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { openTarget } from '../../source/target';
import { App } from '../../source/ui/App';
import { Session } from '../../source/ui/run';
import type { ContextSwitcher, EnvironmentInput } from '../../source/ui/ui-context';
import { Clipboard } from '../../source/ui/clipboard/clipboard';
import { chooseTheme } from '../../source/ui/theme/tokens';
import type { BrowserService } from '../../source/ui/ui-context';
import { tempHome } from '../helpers/temp-home';
import { ACCOUNT, NOW, sampleClock, seedSample } from './fixtures';
import { TestStdin, TestStdout } from './terminal-streams';

/** How to set up the app under test. */
export interface RenderOptions {
  columns?: number;
  rows?: number;
  /** What the store holds before the app opens it: the sample tree (default), nothing, or your own writes. */
  seed?: 'sample' | 'empty' | ((engine: Engine, advance: (ms: number) => void) => void);
  readOnly?: boolean;
  /** The local principal to act as. */
  as?: string;
  /** Wraps the real service, e.g. to make one call fail like a broken endpoint. */
  service?: (real: BrowserService) => BrowserService;
  loadDemo?: () => Promise<void>;
  /** The environment the theme is chosen from (NO_COLOR). */
  env?: NodeJS.ProcessEnv;
  /** The environment the clipboard reads (TMUX, SSH_TTY, PATH, DISPLAY); none by default: OSC 52. */
  clipboardEnv?: NodeJS.ProcessEnv;
  revealSeconds?: number;
  clipboardSeconds?: number;
  /** Runs the app as runTui does (it can switch environments), with this profile and region switcher. */
  contexts?: (environment: EnvironmentInput) => ContextSwitcher;
}

/** The running app and ways to drive and read it. */
export interface AppHandle {
  home: string;
  stdout: TestStdout;
  /** What the clipboard wrote to the terminal (OSC 52 sequences), one entry a write. */
  terminal: TestStdout;
  /** The service the app uses, to read the audit trail after a flow. */
  service: BrowserService;
  /** The last frame as text: colours and trailing blanks stripped. */
  frame(): string;
  /** The last frame with its colour and style codes. */
  rawFrame(): string;
  press(...keys: string[]): Promise<void>;
  /** Waits until the frame satisfies `test` (or contains the text) and returns it. */
  waitFor(test: string | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
}

/**
 * Starts the real app on a real local store in a temp folder (opened through openTarget, as the
 * CLI does) at a fixed terminal size, with a fixed "now". Everything is torn down after the test.
 */
export async function renderApp(options: RenderOptions = {}): Promise<AppHandle> {
  const home = tempHome();
  const clock = sampleClock();
  const engine = Engine.open({ home, clock, accountId: ACCOUNT });
  try {
    const seed = options.seed ?? 'sample';
    if (seed === 'sample') seedSample(engine, clock.advance);
    else if (typeof seed === 'function') seed(engine, clock.advance);
  } finally {
    engine.close();
  }
  const target = await openTarget({ home, readOnly: options.readOnly ?? false, ...(options.as ? { as: options.as } : {}) });
  onTestFinished(() => target.close());
  const stdout = new TestStdout(options.columns ?? 80, options.rows ?? 24);
  const stdin = new TestStdin();
  const terminal = new TestStdout(options.columns ?? 80, options.rows ?? 24);
  const clipboard = new Clipboard({ terminal, env: options.clipboardEnv ?? {} });
  onTestFinished(() => clipboard.dispose());
  const environment = {
    service: options.service ? options.service(target.service) : target.service,
    clipboard,
    revealSeconds: options.revealSeconds,
    clipboardSeconds: options.clipboardSeconds,
    label: target.label,
    theme: chooseTheme('auto', options.env ?? {}),
    readOnly: options.readOnly ?? false,
    writer: options.readOnly ? undefined : target.service,
    now: () => NOW,
    changeSignal: target.changeSignal,
    loadDemo: options.loadDemo,
  };
  const instance = render(options.contexts ? <Session first={{ ...environment, contexts: options.contexts(environment) }} /> : <App environment={environment} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  onTestFinished(() => instance.unmount());
  // Styled padding survives Ink's own trimming, so trailing blanks are dropped here.
  const frame = () => stripVTControlCharacters(stdout.lastFrame()).replace(/ +$/gm, '');
  const handle: AppHandle = {
    home,
    stdout,
    terminal,
    service: target.service,
    frame,
    rawFrame: () => stdout.lastFrame(),
    async press(...keys) {
      for (const key of keys) {
        const before = stdout.frames.length;
        stdin.write(key);
        // A key that changes the screen yields a frame; give it the turn it needs, no more.
        await until(() => stdout.frames.length > before, 200).catch(() => undefined);
      }
    },
    async waitFor(test, timeoutMs = 5_000) {
      const ok = typeof test === 'string' ? (f: string) => f.includes(test) : test;
      await until(() => ok(frame()), timeoutMs).catch(() => {
        throw new Error(`the frame never matched ${typeof test === 'string' ? JSON.stringify(test) : 'the condition'}; last frame:\n${frame()}`);
      });
      return frame();
    },
  };
  return handle;
}

/** Resolves once `condition` holds, checking every few milliseconds; rejects after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A frame with its volatile parts (random KMS key ids, the temp folder) made stable, for snapshots. */
export function stable(frame: string): string {
  return frame
    .replace(/\b[0-9a-f]{8}-[0-9a-f-]{0,28}/g, (id) => id.replace(/[0-9a-f]/g, 'x'))
    .replace(/paramdeck-test-[A-Za-z0-9]{6}/g, 'paramdeck-test-XXXXXX')
    // The end of a key ARN wrapped onto the next line of a detail view.
    .replace(/^(\s+)([0-9a-f]{1,35})$/gm, (_, indent: string, rest: string) => indent + 'x'.repeat(rest.length));
}

/** Waits until nothing is loading: the spinner line is gone and the lists are drawn. */
export function settled(frame: string): boolean {
  return !frame.includes('loading');
}
