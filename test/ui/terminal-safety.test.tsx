import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { FrameWriter } from '../../source/ui/frame-writer';
import { call } from '../helpers/engine';
import { seedSample } from './fixtures';
import { renderApp, until, type AppHandle } from './render-app';
import { KEYS, TestStdout } from './terminal-streams';

const COLUMNS = 100;
const ROWS = 30;
const HOSTILE = {
  '/hostile/osc52': 'fake\u001b]52;c;ZmFrZQ==\u0007',
  '/hostile/clear': '\u001b[2J\u001b[Hwiped',
};

/**
 * Replays every frame the app drew through the FrameWriter (the path run.tsx uses) into a
 * headless xterm that records each OSC 52 and each erase-in-display it parses.
 */
async function replay(app: AppHandle): Promise<{ terminal: Terminal; osc52: string[]; erased: number[][] }> {
  const bytes = new TestStdout(COLUMNS, ROWS);
  const writer = new FrameWriter(bytes as unknown as NodeJS.WriteStream);
  for (const frame of app.stdout.frames) {
    const before = bytes.frames.length;
    writer.stream.write(frame);
    await until(() => bytes.frames.length > before, 1_000).catch(() => undefined);
  }
  writer.close();
  const terminal = new Terminal({ cols: COLUMNS, rows: ROWS, allowProposedApi: true });
  const osc52: string[] = [];
  const erased: number[][] = [];
  terminal.parser.registerOscHandler(52, (data) => {
    osc52.push(data);
    return true;
  });
  terminal.parser.registerCsiHandler({ final: 'J' }, (params) => {
    erased.push(params.map(Number));
    return false;
  });
  // Whatever the clipboard wrote goes to the same terminal: it must be nothing here.
  for (const chunk of [...bytes.frames, ...app.terminal.frames]) await new Promise<void>((done) => terminal.write(chunk, done));
  return { terminal, osc52, erased };
}

function screenText(terminal: Terminal): string {
  const buffer = terminal.buffer.active;
  return Array.from({ length: terminal.rows }, (_, i) => buffer.getLine(i)?.translateToString(true) ?? '').join('\n');
}

describe('terminal safety', () => {
  it('a revealed value holding OSC 52 or a clear-screen sequence sets no clipboard and clears no screen', async () => {
    const app = await renderApp({
      columns: COLUMNS,
      rows: ROWS,
      seed: (engine, advance) => {
        seedSample(engine, advance);
        for (const [name, value] of Object.entries(HOSTILE)) call(engine, 'ssm', 'PutParameter', { Name: name, Value: value, Type: 'SecureString' });
      },
    });
    await app.waitFor('hostile/');
    for (const name of Object.keys(HOSTILE)) {
      await app.press(KEYS.esc, KEYS.esc, '/', ...name, KEYS.enter);
      await app.waitFor((f) => f.includes(`Parameter ${name}`) && f.includes('Tier            Standard'));
      await app.press('r');
      await app.waitFor('y/N');
      await app.press('y');
      await app.waitFor('masked again in');
    }
    const { terminal, osc52, erased } = await replay(app);
    expect(osc52).toEqual([]);
    expect(erased).toEqual([]);
    // The last frame is on screen, whole, with the sequence shown as visible escapes.
    const screen = screenText(terminal);
    expect(screen).toContain('Parameter /hostile/clear');
    expect(screen).toContain('Value           \\x1b[2J\\x1b[Hwiped');
    expect(screen.split('\n')[0]).toContain('paramdeck · local');
    expect(app.stdout.frames.join('')).toContain('fake\\x1b]52;c;ZmFrZQ==\\x07');
  });

  it('the replay would catch a raw sequence: an unescaped OSC 52 and 2J are seen by the parser', async () => {
    const terminal = new Terminal({ cols: 20, rows: 5, allowProposedApi: true });
    const seen: string[] = [];
    terminal.parser.registerOscHandler(52, (data) => (seen.push(data), true));
    terminal.parser.registerCsiHandler({ final: 'J' }, (params) => (seen.push(`J${params.join(';')}`), false));
    await new Promise<void>((done) => terminal.write(Object.values(HOSTILE).join(''), done));
    expect(seen).toEqual(['c;ZmFrZQ==', 'J2']);
  });
});
