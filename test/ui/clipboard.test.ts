import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { Clipboard } from '../../source/ui/clipboard/clipboard';
import { localClipboardCommand } from '../../source/ui/clipboard/local-command';
import { ClipboardError, OSC52_MAX_BYTES, osc52Clear, osc52Sequence } from '../../source/ui/clipboard/osc52';
import { tempHome } from '../helpers/temp-home';
import { until } from './render-app';
import { TestStdout } from './terminal-streams';

/** A folder of fake clipboard programs that record their stdin and arguments. */
function fakeBin(...commands: string[]): { path: string; received: (command: string) => { stdin: string; args: string } | undefined } {
  const bin = join(dirname(tempHome()), 'bin');
  mkdirSync(bin, { recursive: true });
  for (const command of commands) {
    const script = join(bin, command);
    writeFileSync(script, `#!/bin/sh\necho "$@" > "${script}.args"\n/bin/cat > "${script}.stdin"\n`);
    chmodSync(script, 0o755);
  }
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  return {
    path: bin,
    received: (command) => {
      const stdin = read(join(bin, `${command}.stdin`));
      return stdin === undefined ? undefined : { stdin, args: read(join(bin, `${command}.args`))!.trim() };
    },
  };
}

describe('OSC 52', () => {
  it('is ESC ] 52 ; c ; base64 BEL, and inside tmux a passthrough with every ESC doubled', () => {
    expect(osc52Sequence('fake', false)).toBe('\u001b]52;c;ZmFrZQ==\u0007');
    expect(osc52Sequence('fake', true)).toBe('\u001bPtmux;\u001b\u001b]52;c;ZmFrZQ==\u0007\u001b\\');
    expect(osc52Clear(false)).toBe('\u001b]52;c;\u0007');
    expect(osc52Clear(true)).toBe('\u001bPtmux;\u001b\u001b]52;c;\u0007\u001b\\');
  });

  it('caps the value at 74,994 UTF-8 bytes, which makes a sequence of exactly 100,000 bytes', () => {
    expect(OSC52_MAX_BYTES).toBe(74_994);
    expect(osc52Sequence('a'.repeat(74_994), false)).toHaveLength(100_000);
    // Two-byte characters count as two: 37,497 of them are exactly at the cap.
    expect(Buffer.byteLength(osc52Sequence('é'.repeat(37_497), false))).toBe(100_000);
    for (const over of ['a'.repeat(74_995), `${'é'.repeat(37_497)}a`]) {
      expect(() => osc52Sequence(over, false)).toThrow(ClipboardError);
      expect(() => osc52Sequence(over, false)).toThrow('the value is longer than the 74,994 bytes OSC 52 can carry; use `paramdeck get --decrypt` instead');
    }
  });
});

describe('the local clipboard command', () => {
  it.each([
    ['pbcopy on PATH', ['pbcopy', 'xclip'], { DISPLAY: ':0' }, 'pbcopy'],
    ['wl-copy under Wayland', ['wl-copy', 'xclip'], { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, 'wl-copy -'],
    ['wl-copy without Wayland', ['wl-copy', 'xclip'], { DISPLAY: ':0' }, 'xclip -selection clipboard'],
    ['xsel when xclip is missing', ['xsel'], { DISPLAY: ':0' }, 'xsel --clipboard --input'],
    ['X11 tools without a display', ['xclip', 'xsel'], {}, undefined],
    ['an SSH session (SSH_CONNECTION)', ['pbcopy'], { SSH_CONNECTION: '10.0.0.1 22 10.0.0.2 22' }, undefined],
    ['an SSH session (SSH_TTY)', ['pbcopy'], { SSH_TTY: '/dev/pts/1' }, undefined],
  ])('%s', (_, commands, env, expected) => {
    const bin = fakeBin(...commands);
    const found = localClipboardCommand({ PATH: bin.path, ...env });
    expect(found && [found.command, ...found.args].join(' ').replace(/^wl-copy$/, 'wl-copy -')).toBe(expected);
  });

  it('gets the value on stdin, never in its arguments, and empties the clipboard after the delay', async () => {
    const bin = fakeBin('xclip');
    const terminal = new TestStdout(80, 24);
    const clipboard = new Clipboard({ terminal, env: { PATH: bin.path, DISPLAY: ':0' } });
    onTestFinished(() => clipboard.dispose());
    let cleared: string | undefined;
    const report = await clipboard.copy('fake-secret value\nline two', { afterMs: 50, onCleared: (r) => (cleared = r.via) });
    expect(report).toEqual({ via: 'xclip', verifiable: true });
    expect(bin.received('xclip')).toEqual({ stdin: 'fake-secret value\nline two', args: '-selection clipboard' });
    await until(() => cleared !== undefined, 2_000);
    expect(cleared).toBe('xclip');
    expect(bin.received('xclip')?.stdin).toBe('');
    expect(terminal.frames).toEqual([]);
  });
});

describe('the clipboard over OSC 52', () => {
  it('writes the sequence to the terminal stream, then the clear after the delay (fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    onTestFinished(() => void vi.useRealTimers());
    const terminal = new TestStdout(80, 24);
    const clipboard = new Clipboard({ terminal, env: { TMUX: '/tmp/tmux-0/default,1,0' } });
    const cleared: string[] = [];
    expect(await clipboard.copy('fake', { afterMs: 45_000, onCleared: (r) => cleared.push(r.via) })).toEqual({ via: 'OSC 52 through tmux', verifiable: false });
    expect(terminal.frames).toEqual(['\u001bPtmux;\u001b\u001b]52;c;ZmFrZQ==\u0007\u001b\\']);
    vi.advanceTimersByTime(44_999);
    expect(terminal.frames).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(terminal.frames[1]).toBe('\u001bPtmux;\u001b\u001b]52;c;\u0007\u001b\\');
    expect(cleared).toEqual(['OSC 52 through tmux']);
  });

  it('clears a secret still pending at exit, and leaves a copied name alone', async () => {
    const terminal = new TestStdout(80, 24);
    const clipboard = new Clipboard({ terminal, env: {} });
    await clipboard.copy('/app/name');
    clipboard.dispose();
    expect(terminal.frames).toEqual([osc52Sequence('/app/name', false)]);
    await clipboard.copy('fake', { afterMs: 45_000, onCleared: () => undefined });
    clipboard.dispose();
    expect(terminal.frames.slice(1)).toEqual([osc52Sequence('fake', false), osc52Clear(false)]);
  });
});
