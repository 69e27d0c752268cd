import type { Command } from 'commander';

/** How much each source of an option value counts: the command line beats the environment beats defaults. */
const SOURCE_RANK: Readonly<Record<string, number>> = { cli: 4, env: 3, config: 2, implied: 2, default: 1 };

/**
 * A subcommand's options merged with the program's. The target flags exist on both, and
 * commander lets the program take a flag it knows even when it comes after the subcommand
 * (`paramdeck env --home X` sets the program's --home), so a subcommand must look at both; where
 * both have a value, the one from the more explicit source wins, the subcommand's on a tie.
 */
export function mergedOptions<T>(command: Command): T {
  const merged: Record<string, unknown> = {};
  const rank: Record<string, number> = {};
  for (let current: Command | null = command; current; current = current.parent) {
    for (const [key, value] of Object.entries(current.opts())) {
      if (value === undefined) continue;
      const score = SOURCE_RANK[current.getOptionValueSource(key) ?? ''] ?? 0;
      if (!Object.hasOwn(rank, key) || score > rank[key]!) {
        merged[key] = value;
        rank[key] = score;
      }
    }
  }
  return merged as T;
}
