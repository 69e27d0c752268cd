/** How many names every client of the concurrency test shares. */
export const RACE_NAMES = 10;

/** The name client `client` puts to on its `i`-th put: each client walks all ten in turn, from its own start. */
export function raceName(client: number, i: number): string {
  return `/race/n${(client + i) % RACE_NAMES}`;
}
