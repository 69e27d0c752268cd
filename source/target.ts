import { Engine } from './engine/engine';
import { resolveHome } from './engine/home';
import type { TargetOptions } from './commands/options';

/**
 * The one composition root: builds what a command needs for the chosen target. Only this file
 * and `commands/` wiring may open the engine directly. `creation` applies only when the store is
 * new (`init --region`).
 */
export function openLocalEngine(options: Pick<TargetOptions, 'home'>, creation: { region?: string } = {}): Engine {
  return Engine.open({ home: resolveHome(options.home), ...creation });
}

/** What the welcome screen shows about a local store. */
export interface LocalStoreSummary {
  home: string;
  accountId: string;
  region: string;
  parameterCount: number;
}

export function summarizeLocalStore(options: Pick<TargetOptions, 'home'>): LocalStoreSummary {
  const engine = openLocalEngine(options);
  try {
    const { count } = engine.db.prepare('SELECT count(*) AS count FROM parameters').get() as { count: number };
    return { home: engine.home, accountId: engine.accountId, region: engine.region, parameterCount: count };
  } finally {
    engine.close();
  }
}
