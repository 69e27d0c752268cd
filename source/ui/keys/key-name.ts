import type { Key } from 'ink';

/**
 * Turns Ink's (input, key) pair into the one key name the keymap uses: `enter`, `esc`, `tab`,
 * `up`/`down`/`left`/`right`, `home`/`end`, `pageup`/`pagedown`, `backspace`, or the character.
 */
export function keyName(input: string, key: Key): string {
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl) return `ctrl-${input}`;
  return input;
}
