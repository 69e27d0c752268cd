import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { tempHome } from '../helpers/temp-home';
import { ACCOUNT, sampleClock, seedSample } from './fixtures';
import { until } from './render-app';

const BINARY = 'dist/paramdeck.js';

/** A tmux server of this test's own (its own socket), with one window running `command`. */
function tmuxSession(command: string, columns = 100, rows = 30) {
  const socket = `paramdeck-test-${randomBytes(4).toString('hex')}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  tmux('new-session', '-d', '-s', 'app', '-x', String(columns), '-y', String(rows), command);
  onTestFinished(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });
  return {
    screen: () => tmux('capture-pane', '-p', '-t', 'app'),
    /** The pane's whole history, scrollback included. */
    scrollback: () => tmux('capture-pane', '-p', '-S', '-', '-t', 'app'),
    alternate: () => tmux('display-message', '-p', '-t', 'app', '#{alternate_on}').trim(),
    keys: (...keys: string[]) => tmux('send-keys', '-t', 'app', ...keys),
    shellPid: () => Number(tmux('display-message', '-p', '-t', 'app', '#{pane_pid}').trim()),
    async waitFor(text: string, timeoutMs = 15_000): Promise<string> {
      await until(() => this.screen().includes(text), timeoutMs).catch(() => {
        throw new Error(`tmux never showed ${JSON.stringify(text)}; screen:\n${this.screen()}`);
      });
      return this.screen();
    },
  };
}

function sampleHome(): string {
  const home = tempHome();
  const clock = sampleClock();
  const engine = Engine.open({ home, clock, accountId: ACCOUNT });
  seedSample(engine, clock.advance);
  engine.close();
  return home;
}

/** Runs the built binary the way a user would, with CI set as in CI: the entry must drop it. */
function appCommand(home: string): string {
  return `sh -c 'echo BEFORE-THE-APP; CI=true node ${BINARY} --home ${home}; echo EXIT=$?; sleep 600'`;
}

describe('the real binary in a terminal (tmux)', () => {
  it('draws, takes keys, and restores the terminal on q', async () => {
    const term = tmuxSession(appCommand(sampleHome()));
    let screen = await term.waitFor('payments/ (5)');
    expect(term.alternate()).toBe('1');
    expect(screen).not.toContain('BEFORE-THE-APP');
    term.keys('Enter');
    await term.waitFor('Parameters /payments ');
    term.keys('/', 'p', 'w', 'd');
    await term.waitFor('2 matches');
    term.keys('Enter');
    screen = await term.waitFor('team = payments');
    expect(screen).toContain('••••••••');
    expect(screen).not.toContain('second-secret');
    term.keys('2');
    await term.waitFor('alias/payments');
    term.keys('q');
    screen = await term.waitFor('EXIT=0');
    expect(term.alternate()).toBe('0');
    expect(screen).toContain('BEFORE-THE-APP');
    expect(screen).not.toContain('alias/payments');
  });

  it('restores the terminal when killed with SIGTERM', async () => {
    const term = tmuxSession(appCommand(sampleHome()));
    await term.waitFor('payments/ (5)');
    const app = Number(execFileSync('pgrep', ['-P', String(term.shellPid()), 'node'], { encoding: 'utf8' }).trim());
    process.kill(app, 'SIGTERM');
    const screen = await term.waitFor('EXIT=143');
    expect(term.alternate()).toBe('0');
    expect(screen).not.toContain('payments/');
  });

  it('writes from the real binary: n, the form, the preview, then the new parameter opens', async () => {
    const term = tmuxSession(appCommand(sampleHome()));
    await term.waitFor('payments/ (5)');
    term.keys('n');
    await term.waitFor('New parameter');
    term.keys('-l', 'tmux/made');
    term.keys('Tab', 'Tab');
    term.keys('-l', 'typed in tmux');
    term.keys('Enter');
    await term.waitFor('Create /tmux/made? y/N');
    term.keys('y');
    const screen = await term.waitFor('version 1 of /tmux/made written');
    await term.waitFor('typed in tmux');
    expect(screen).toContain('Parameter /tmux/made');
    term.keys('q');
    await term.waitFor('EXIT=0');
  });

  it('reveals and copies from the real binary, and leaves no plaintext in the scrollback', async () => {
    const term = tmuxSession(appCommand(sampleHome()));
    // Each step: the keys, then what the screen shows once they took effect.
    const steps: [string[], string][] = [
      [['/'], 'matches'],
      [['-l', 'prodpassword'], '1 match'],
      [['Enter'], 'team = payments'],
      [['r'], 'Reveal the value? y/N'],
      [['y'], 'second-secret'],
      [['c'], 'Copy the value to the clipboard? y/N'],
      // Inside tmux (TMUX is set in the pane) the value goes out as OSC 52 through passthrough.
      [['y'], 'copied (OSC 52 through tmux; its clear in 45s cannot be verified)'],
    ];
    await term.waitFor('payments/ (5)');
    for (const [keys, shown] of steps) {
      term.keys(...keys);
      await term.waitFor(shown);
    }
    term.keys('q');
    await term.waitFor('EXIT=0');
    expect(term.scrollback()).not.toContain('second-secret');
  });

  it('refuses to start without a terminal and points to get, ls and export', () => {
    const result = spawnSync(process.execPath, [BINARY, '--home', tempHome()], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/TTY/);
    expect(result.stderr).toContain('paramdeck get');
    expect(result.stderr).toContain('paramdeck export');
  });
});
