import { render } from 'ink';
import { Welcome, type WelcomeProps } from './Welcome';
import { enterAlternateScreen } from './terminal-screen';

/** Runs the TUI until the user quits, inside the alternate screen. */
export async function runTui(summary: WelcomeProps): Promise<void> {
  const restore = enterAlternateScreen(process.stdout);
  try {
    const app = render(<Welcome {...summary} />, { exitOnCtrlC: true, incrementalRendering: true });
    await app.waitUntilExit();
  } finally {
    restore();
  }
}
