import { useCallback, useEffect, useMemo, type Dispatch } from 'react';
import type { ListOptions } from '../../service/capabilities';
import type { UiAction, UiState } from '../state/ui-state';
import { useEnvironment } from '../ui-context';
import { loaders } from './loaders';
import { mapPages, useListing } from './use-listing';
import { toEntry } from '../model/parameter-entry';
import { useResource } from './use-resource';

/**
 * All of the browser's I/O in one place: which listings stream, which details load, and when.
 * Parameters and aliases load at start (the list and its key-alias column); keys and the audit
 * trail load the first time their pane opens; details load for what the user opened.
 */
export function useBrowserData(state: UiState, dispatch: Dispatch<UiAction>): void {
  const { service } = useEnvironment();
  const load = useMemo(() => loaders(service), [service]);
  const { refreshToken, listings, pane } = state;

  useCachedListing(dispatch);
  const parameters = useCallback((options: ListOptions) => mapPages(service.listParameters({}, options), toEntry), [service]);
  const aliases = useCallback((options: ListOptions) => service.listAliases({}, options), [service]);
  const keys = useCallback((options: ListOptions) => service.listKeys(options), [service]);
  const audit = useCallback((options: ListOptions) => service.auditEvents({}, options), [service]);
  // The first screen needs the first page of parameters: the key aliases (one column) and the
  // caller's identity (the header) wait for it, so their calls and redraws come after it, not before.
  const first = listings.parameters;
  const parametersIn = first.items.length > 0 || first.complete || first.error !== undefined;
  useListing(dispatch, 'parameters', parameters, refreshToken);
  useListing(dispatch, 'aliases', aliases, refreshToken, parametersIn);
  useListing(dispatch, 'keys', keys, refreshToken, pane === 'keys' || listings.keys.run > 0);
  useListing(dispatch, 'audit', audit, refreshToken, pane === 'audit' || listings.audit.run > 0);

  const view = state.parameters;
  const detailKey = pane === 'parameters' && view.mode === 'detail' ? view.selected : undefined;
  const historyKey = pane === 'parameters' && view.mode === 'history' ? view.selected : undefined;
  const keyDetailKey = pane === 'keys' && state.keys.mode === 'detail' ? state.keys.selected : undefined;
  useResource(dispatch, 'detail', detailKey, load.detail, refreshToken);
  useResource(dispatch, 'history', historyKey, load.history, refreshToken);
  useResource(dispatch, 'keyDetail', keyDetailKey, load.keyDetail, refreshToken);
  useResource(dispatch, 'identity', parametersIn ? 'self' : undefined, load.identity, refreshToken);
}

/**
 * Draws the aws target's cached listing before the live one starts (this effect is declared
 * before the listings', so it runs first): a large account opens at once, and the live listing
 * replaces the rows when it ends, marking what changed.
 */
function useCachedListing(dispatch: Dispatch<UiAction>): void {
  const { service } = useEnvironment();
  useEffect(() => {
    const cached = service.cachedParameters?.();
    if (cached && cached.items.length > 0) dispatch({ type: 'listing-cache', items: cached.items.map(toEntry), savedAt: cached.savedAt });
  }, [service, dispatch]);
}
