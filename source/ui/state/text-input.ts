/**
 * One line of typed text with a cursor, as the write forms' fields hold it. Pure: a key name in,
 * the next field out, so every editing rule is tested without a terminal.
 */
export interface TextInput {
  readonly text: string;
  /** Cursor position in code points, 0 … length. */
  readonly cursor: number;
}

/** How a field takes text: a value may hold line breaks (from a paste); a masked one hides where the cursor is. */
export interface TextRules {
  readonly multiline?: boolean | undefined;
  readonly masked?: boolean | undefined;
}

/** An empty field. */
export const EMPTY_INPUT: TextInput = { text: '', cursor: 0 };

/** A field holding `text`, the cursor at its end. */
export function inputOf(text: string): TextInput {
  return { text, cursor: [...text].length };
}

/**
 * The field after one key, or undefined when the key is not an editing key (the form decides
 * what `enter`, `tab` or `esc` do). `name` is the keymap's key name, `input` Ink's raw input.
 * A masked field has no visible cursor, so it only appends, erases from the end and clears.
 */
export function editText(field: TextInput, name: string, input: string, rules: TextRules = {}): TextInput | undefined {
  const chars = [...field.text];
  const at = rules.masked ? chars.length : Math.min(field.cursor, chars.length);
  switch (name) {
    case 'backspace':
      return at === 0 ? field : { text: [...chars.slice(0, at - 1), ...chars.slice(at)].join(''), cursor: at - 1 };
    case 'ctrl-u':
      return { text: chars.slice(at).join(''), cursor: 0 };
    case 'ctrl-k':
      return { text: chars.slice(0, at).join(''), cursor: at };
  }
  if (!rules.masked) {
    const moved = moveCursor(name, at, chars.length);
    if (moved !== undefined) return { ...field, cursor: moved };
  }
  // Only plain keys type: ctrl-combinations and named keys are not text.
  if (name !== input) return undefined;
  const typed = cleanTyped(input, rules.multiline ?? false);
  if (typed === '') return undefined;
  const added = [...typed];
  return { text: [...chars.slice(0, at), ...added, ...chars.slice(at)].join(''), cursor: at + added.length };
}

function moveCursor(name: string, at: number, length: number): number | undefined {
  switch (name) {
    case 'left':
      return Math.max(0, at - 1);
    case 'right':
      return Math.min(length, at + 1);
    case 'home':
    case 'ctrl-a':
      return 0;
    case 'end':
    case 'ctrl-e':
      return length;
    default:
      return undefined;
  }
}

/**
 * What a key press or paste adds. Terminals send a pasted line break as CR: in a value it becomes
 * `\n` (AWS values may span lines), elsewhere a space; the line break that ends a copied line is
 * dropped, since a masked field could not show it. Tabs stay in a value; every other control or
 * format character is dropped, since nobody means to type one.
 */
export function cleanTyped(input: string, multiline: boolean): string {
  const pasted = input.length > 1 ? input.replace(/(\r\n?|\n)+$/, '') : input;
  const breaks = pasted.replace(/\r\n?|\n/g, multiline ? '\n' : ' ');
  return breaks.replace(/[\p{Cc}\p{Cf}]/gu, (char) => (multiline && (char === '\n' || char === '\t') ? char : ''));
}

/** The keys a control character stands for when several keys arrive in one chunk. */
const CONTROL_KEYS: Readonly<Record<string, string>> = { '\t': 'tab', '\r': 'enter', '\x7f': 'backspace', '\b': 'backspace' };

/**
 * One chunk of input as the keys it holds. Keys typed quickly (or sent by a script, over a slow
 * link) arrive together: `a\tb` is `a`, `tab`, `b`. Other controls are no keys and are dropped.
 */
export function splitKeys(input: string): { name: string; input: string }[] {
  const keys: { name: string; input: string }[] = [];
  for (const run of input.match(/\p{Cc}|\P{Cc}+/gu) ?? []) {
    const name = CONTROL_KEYS[run];
    if (name) keys.push({ name, input: '' });
    else if (!/^\p{Cc}$/u.test(run)) keys.push({ name: run, input: run });
  }
  return keys;
}

/**
 * A paste into a field that keeps line breaks: the text whole, and the CR that ends the chunk as
 * the `enter` typed after it (keys sent together, or a copied line's own end).
 */
export function pasteKeys(input: string): { name: string; input: string }[] {
  const end = /\r+$/.exec(input);
  const text = end ? input.slice(0, end.index) : input;
  return [...(text === '' ? [] : [{ name: text, input: text }]), ...(end ? [{ name: 'enter', input: '' }] : [])];
}
