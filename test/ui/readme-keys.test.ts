import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { keymapMarkdown } from '../../source/ui/keys/keymap-markdown';

it('the README key table is the one generated from the keymap', () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(readme).toContain(keymapMarkdown());
});
