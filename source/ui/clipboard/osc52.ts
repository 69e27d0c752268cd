const ESC = '\u001b';
const BEL = '\u0007';
const OPEN = `${ESC}]52;c;`;

/**
 * The most a value may hold to go over OSC 52, in UTF-8 bytes. The cap is on the value, not the
 * sequence: 74,994 bytes encode to 99,992 base64 characters, and with `ESC ] 52 ; c ;` before
 * and BEL after the sequence is exactly 100,000 bytes, the longest that terminals which cap OSC
 * strings (hterm, xterm's default build) take. tmux's passthrough wrapping comes on top.
 */
export const OSC52_MAX_BYTES = 74_994;

/** A value that cannot reach the clipboard this way; the message says why and what to do. */
export class ClipboardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClipboardError';
  }
}

/**
 * The bytes that put `text` on the terminal's clipboard: `ESC ] 52 ; c ; <base64> BEL`. Inside
 * tmux the sequence is wrapped for passthrough (`ESC P tmux ; … ESC \`, every ESC inside
 * doubled) so it reaches the terminal tmux runs in rather than tmux itself.
 */
export function osc52Sequence(text: string, tmux: boolean): string {
  const bytes = Buffer.from(text, 'utf8');
  // Never the value's size: a message must not say how long a secret is.
  if (bytes.length > OSC52_MAX_BYTES) {
    throw new ClipboardError(`the value is longer than the ${OSC52_MAX_BYTES.toLocaleString('en-US')} bytes OSC 52 can carry; use \`paramdeck get --decrypt\` instead`);
  }
  return wrap(`${OPEN}${bytes.toString('base64')}${BEL}`, tmux);
}

/** The bytes that empty the terminal's clipboard: the same sequence with nothing in it. */
export function osc52Clear(tmux: boolean): string {
  return wrap(`${OPEN}${BEL}`, tmux);
}

function wrap(sequence: string, tmux: boolean): string {
  return tmux ? `${ESC}Ptmux;${sequence.replaceAll(ESC, ESC + ESC)}${ESC}\\` : sequence;
}
