/**
 * The engine's notion of now. Injected so expiry, deletion windows and import tokens are tested
 * by moving a clock, never by waiting.
 */
export type Clock = () => Date;

/** Wall-clock time, the default outside tests. */
export const systemClock: Clock = () => new Date();

/** A clock tests can move by hand. */
export function manualClock(start: Date | number = Date.UTC(2026, 0, 1)): Clock & {
  advance(ms: number): void;
  set(at: Date | number): void;
} {
  let now = typeof start === 'number' ? start : start.getTime();
  const clock = (() => new Date(now)) as Clock & { advance(ms: number): void; set(at: Date | number): void };
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (at) => {
    now = typeof at === 'number' ? at : at.getTime();
  };
  return clock;
}
