import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** The terminal's size in cells. */
export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

// The layout is designed for 80×24 at least; smaller terminals get that layout, cut by the terminal.
const MIN: TerminalSize = { columns: 80, rows: 24 };

/** The terminal's size, updated on every resize (Ink itself only listens outside CI). */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => measure(stdout));
  useEffect(() => {
    const onResize = () => setSize(measure(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

function measure(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: Math.max(MIN.columns, stdout.columns || MIN.columns), rows: Math.max(MIN.rows, stdout.rows || MIN.rows) };
}
