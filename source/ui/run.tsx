import { render } from 'ink';
import { useCallback, useState } from 'react';
import { App } from './App';
import { Clipboard } from './clipboard/clipboard';
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
  // OSC 52 goes to the real terminal, beside the frames: Ink's stream would take it for a frame.
  const clipboard = new Clipboard({ terminal: process.stdout, env: process.env });
  // A signal ends the process without unwinding: a copied secret is cleared on that path too.
  const clearOnExit = () => clipboard.dispose();
  process.once('exit', clearOnExit);
  try {
    const app = render(<Session first={{ ...environment, clipboard }} />, {
      stdout: screen.stream,
      debug: true,
      exitOnCtrlC: true,
      patchConsole: false,
    });
    await app.waitUntilExit();
  } finally {
    clipboard.dispose();
    process.off('exit', clearOnExit);
    screen.close();
    restore();
  }
}

/**
 * The app on one environment at a time: switching profile or region starts the browser over on
 * the new target (a fresh key remounts it, so no state of the old account survives the switch).
 */
export function Session({ first }: { first: EnvironmentInput }) {
  const [current, setCurrent] = useState({ environment: first, generation: 0 });
  const onSwitch = useCallback(
    (next: EnvironmentInput) => setCurrent((was) => ({ environment: { ...next, clipboard: was.environment.clipboard }, generation: was.generation + 1 })),
    [],
  );
  return <App key={current.generation} environment={current.environment} onSwitch={onSwitch} />;
}
