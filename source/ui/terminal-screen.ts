/**
 * Ink 6 has no alternate-screen option, so paramdeck writes the sequences itself: enter on
 * start, leave on every exit path (normal, SIGINT, SIGTERM, uncaught error), so a user's
 * scrollback never holds a frame and the terminal is always restored.
 */
const ENTER = '\u001b[?1049h';
const LEAVE = '\u001b[?1049l\u001b[?25h';

export function enterAlternateScreen(stream: NodeJS.WriteStream): () => void {
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    stream.write(LEAVE);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    leave();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const onFatal = (error: unknown) => {
    leave();
    process.stderr.write(`paramdeck: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  };
  stream.write(ENTER);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('uncaughtException', onFatal);
  process.once('exit', leave);
  return () => {
    leave();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('uncaughtException', onFatal);
    process.off('exit', leave);
  };
}
