import { useInput, type Key } from 'ink';
import { useLayoutEffect, useRef, type Dispatch } from 'react';
import { commandForKey, droppedBinding, READ_ONLY_REFUSAL, type Binding } from '../keys/keymap';
import { keyName } from '../keys/key-name';
import type { PaneCommands } from '../keys/pane-commands';
import { dialogKey, dialogTakesText } from '../state/dialog';
import type { FilterEdit } from '../state/text-filter';
import { typedText } from '../state/text-filter';
import type { UiAction, UiState } from '../state/ui-state';

// Keys that keep their binding while a filter prompt takes text: moving through the matches.
const PASS_THROUGH = new Set(['up', 'down', 'pageup', 'pagedown', 'tab']);
const CLOSES_HELP = new Set(['esc', '?', 'q']);

/**
 * The one place keys are read. A key is turned into a name, then: an open dialog takes it; the
 * help overlay takes it if open; a filter prompt being edited takes text; otherwise the keymap names a command and the
 * screen's command table runs it or says why it cannot.
 */
export function useKeyRouter(state: UiState, commands: PaneCommands, bindings: readonly Binding[], filterPick: string | undefined, dispatch: Dispatch<UiAction>): void {
  // Keys typed quickly arrive before Ink re-subscribes the new handler (it does so in a passive
  // effect), so the handler reads the screen of the last commit from here, never a stale closure.
  const latest = useRef({ state, commands, filterPick });
  // The rest of a chunk of keys typed together, waiting for the screen the key before left.
  const pending = useRef<{ readonly seq: number; readonly text: string; readonly key: Key } | undefined>(undefined);
  const sequence = useRef(0);
  function feed(input: string, key: Key): void {
    const name = keyName(input, key);
    const { state } = latest.current;
    const chars = [...input];
    // Over a slow link several typed keys arrive as one chunk. Outside a prompt each is its own
    // key, taken one after another, each once the screen the one before it left is committed
    // (`/` then `pwd` must reach the filter prompt `/` opened, not the keys `p`, `w`, `d`).
    if (name === input && chars.length > 1 && !editing(state)) {
      route(chars[0]!, chars[0]!);
      later(chars.slice(1).join(''), key);
      return;
    }
    route(name, input);
  }

  function later(text: string, key: Key): void {
    const seq = ++sequence.current;
    pending.current = { seq, text, key };
    // A key that changed nothing is followed by no commit: the next one goes after a short wait.
    setTimeout(() => {
      if (pending.current?.seq === seq) drain();
    }, 15);
  }

  function drain(): void {
    const next = pending.current;
    if (!next) return;
    pending.current = undefined;
    feed(next.text, next.key);
  }

  useLayoutEffect(() => {
    latest.current = { state, commands, filterPick };
    if (pending.current) queueMicrotask(drain);
  });
  useInput(feed);

  function route(name: string, input: string): void {
    const { state, commands, filterPick } = latest.current;
    if (state.dialog) {
      const outcome = dialogKey(state.dialog, name, input);
      if (!('next' in outcome)) dispatch({ type: 'dialog-close' });
      else if (outcome.next !== state.dialog) dispatch({ type: 'dialog', dialog: outcome.next });
      outcome.then?.();
      return;
    }
    if (state.help) {
      if (CLOSES_HELP.has(name)) dispatch({ type: 'help', open: false });
      return;
    }
    if (editFilter(state, name, input, filterPick, dispatch)) return;
    const command = commandForKey(bindings, name);
    if (!command) {
      // A change key under --read-only says why it does nothing.
      const dropped = droppedBinding(bindings, name);
      if (dropped) dispatch({ type: 'flash', tone: 'info', text: `${dropped.label}: ${READ_ONLY_REFUSAL}` });
      return;
    }
    const binding = bindings.find((b) => b.command === command)!;
    const action = commands[command];
    if (!action) dispatch({ type: 'flash', tone: 'info', text: `${binding.label}: not available here` });
    else if ('disabled' in action) dispatch({ type: 'flash', tone: 'info', text: `${binding.label}: ${action.disabled}` });
    else action.run();
  }
}

/** The dialog or filter prompt on screen, when one takes text. */
function editing(state: UiState): boolean {
  if (state.dialog) return dialogTakesText(state.dialog);
  return (state.pane === 'parameters' && state.parameters.filter?.editing === true) || (state.pane === 'audit' && state.audit.filter?.editing === true);
}

/** Feeds a key to the filter prompt being edited; false when the key is not the prompt's. */
function editFilter(state: UiState, name: string, input: string, pick: string | undefined, dispatch: Dispatch<UiAction>): boolean {
  if (!editing(state) || PASS_THROUGH.has(name)) return false;
  const pane = state.pane === 'audit' ? 'audit' : 'parameters';
  const filter = (pane === 'audit' ? state.audit.filter : state.parameters.filter)!;
  const edit = (change: FilterEdit) => dispatch({ type: `${pane}/filter-edit`, change });
  if (name === 'esc') dispatch({ type: `${pane}/filter-clear` });
  else if (name === 'enter') {
    if (filter.query === '') dispatch({ type: `${pane}/filter-clear` });
    else if (pane === 'parameters') dispatch({ type: 'parameters/filter-commit', open: pick });
    else dispatch({ type: 'audit/filter-commit' });
  } else if (name === 'backspace') edit({ edit: 'erase' });
  else {
    // Only plain keys type: ctrl-combinations and unknown sequences are not text.
    const text = name === input ? typedText(input) : undefined;
    if (text !== undefined) edit({ edit: 'type', text });
  }
  return true;
}
