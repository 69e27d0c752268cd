import type { RevealedValue } from '../../service/revealed-value';

/** One decrypted version on screen, and the seconds left before it is masked again. */
export interface Revealed {
  readonly value: RevealedValue;
  readonly remaining: number;
}

/**
 * The decrypted values the screen may show: only the parameter open now, each for a limited
 * time. Dropping an entry drops the only reference the UI holds to its plaintext. `marked` are
 * the versions picked for the history's diff.
 */
export interface Reveals {
  readonly shown: readonly Revealed[];
  readonly marked: readonly number[];
}

/** Nothing revealed: the start, and what every re-mask returns to. */
export const NO_REVEALS: Reveals = { shown: [], marked: [] };

/** Where a reveal is allowed to land: the parameter the user is looking at. */
export interface RevealPlace {
  readonly pane: string;
  readonly mode: string;
  readonly selected?: string | undefined;
  readonly refreshToken: number;
}

/** What changes the revealed values. */
export type RevealAction =
  | { readonly type: 'reveal/shown'; readonly value: RevealedValue; readonly seconds: number; readonly place: RevealPlace }
  | { readonly type: 'reveal/tick' }
  | { readonly type: 'reveal/mark'; readonly version: number }
  | { readonly type: 'reveal/hide' };

/** The revealed values after one action; `place` is where the screen is now. */
export function reduceReveals(reveals: Reveals, action: RevealAction, place: RevealPlace): Reveals {
  switch (action.type) {
    case 'reveal/shown': {
      // An answer that arrives after the user moved on is dropped, never drawn.
      if (!samePlace(action.place, place) || action.value.name !== place.selected) return reveals;
      const others = reveals.shown.filter((r) => r.value.version !== action.value.version);
      return { ...reveals, shown: [...others, { value: action.value, remaining: action.seconds }] };
    }
    case 'reveal/tick': {
      if (reveals.shown.length === 0) return reveals;
      const shown = reveals.shown.map((r) => ({ ...r, remaining: r.remaining - 1 })).filter((r) => r.remaining > 0);
      return { shown, marked: reveals.marked.filter((v) => shown.some((r) => r.value.version === v)) };
    }
    case 'reveal/mark': {
      if (!reveals.shown.some((r) => r.value.version === action.version)) return reveals;
      if (reveals.marked.includes(action.version)) return { ...reveals, marked: reveals.marked.filter((v) => v !== action.version) };
      // Two versions make a diff: a third mark replaces the older of the two.
      return { ...reveals, marked: [...reveals.marked, action.version].slice(-2) };
    }
    case 'reveal/hide':
      return NO_REVEALS;
  }
}

/**
 * The values after any other change: leaving the pane, the view or the parameter, or a refresh
 * (`R` or another process's write) masks everything again.
 */
export function remaskOnMove(reveals: Reveals, before: RevealPlace, after: RevealPlace): Reveals {
  return reveals.shown.length > 0 && !samePlace(before, after) ? NO_REVEALS : reveals;
}

function samePlace(a: RevealPlace, b: RevealPlace): boolean {
  return a.pane === b.pane && a.mode === b.mode && a.selected === b.selected && a.refreshToken === b.refreshToken;
}

/** The decrypted value of one version, when it is on screen. */
export function revealedVersion(reveals: Reveals, name: string | undefined, version: number | undefined): Revealed | undefined {
  return reveals.shown.find((r) => r.value.name === name && r.value.version === version);
}
