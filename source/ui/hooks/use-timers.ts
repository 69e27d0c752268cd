import { useEffect, useState, type Dispatch } from 'react';
import type { Flash, UiAction } from '../state/ui-state';

const CHANGE_POLL_MS = 1_500;
const FLASH_MS = { info: 4_000, error: 10_000 } as const;
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const SPINNER_MS = 100;

/**
 * Polls the local store's change counter and refreshes when another process (`serve`, a
 * script, a second paramdeck) has written: the store is a file, there is no push to wait for.
 */
export function useChangeSignal(changeSignal: (() => number) | undefined, dispatch: Dispatch<UiAction>): void {
  useEffect(() => {
    if (!changeSignal) return undefined;
    let seen = changeSignal();
    const timer = setInterval(() => {
      const now = changeSignal();
      if (now === seen) return;
      seen = now;
      dispatch({ type: 'refresh' });
    }, CHANGE_POLL_MS);
    return () => clearInterval(timer);
  }, [changeSignal, dispatch]);
}

/** Takes a flash message down after a while; errors stay longer so they can be read. */
export function useFlashTimeout(flash: Flash | undefined, dispatch: Dispatch<UiAction>): void {
  useEffect(() => {
    if (!flash) return undefined;
    const timer = setTimeout(() => dispatch({ type: 'flash-clear', seq: flash.seq }), FLASH_MS[flash.tone]);
    return () => clearTimeout(timer);
  }, [flash, dispatch]);
}

/**
 * Counts revealed values down once a second while any is on screen; the reducer masks each
 * again when its time is up. Nothing ticks while everything is masked.
 */
export function useRevealCountdown(active: boolean, dispatch: Dispatch<UiAction>): void {
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => dispatch({ type: 'reveal/tick' }), 1_000);
    return () => clearInterval(timer);
  }, [active, dispatch]);
}

/** A spinner frame that turns only while `active`, so an idle screen writes nothing. */
export function useSpinner(active: boolean): string {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setFrame((f) => (f + 1) % SPINNER.length), SPINNER_MS);
    return () => clearInterval(timer);
  }, [active]);
  return SPINNER[frame]!;
}
