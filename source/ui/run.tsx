import { render } from 'ink';
import { App } from './App';
import { FrameWriter } from './frame-writer';
import { enterAlternateScreen } from './terminal-screen';
import type { EnvironmentInput } from './ui-context';

/**
 * Runs the TUI until the user quits, inside the alternate screen. Ink renders each frame whole
 * (its debug mode) and the FrameWriter redraws only the lines that changed: the incremental
 * rendering DESIGN.md asks for, without Ink 6.8's line drift (see frame-writer.ts).
 */
export async function runTui(environment: EnvironmentInput): Promise<void> {
  const restore = enterAlternateScreen(process.stdout);
  const screen = new FrameWriter(process.stdout);
  try {
    const app = render(<App environment={environment} />, {
      stdout: screen.stream,
      debug: true,
      exitOnCtrlC: true,
      patchConsole: false,
    });
    await app.waitUntilExit();
  } finally {
    screen.close();
    restore();
  }
}
