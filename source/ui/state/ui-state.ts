import type { Tag } from '../../service/capabilities';
import type { AuditEvent, CallerIdentity, KmsAlias, KmsKey, Parameter, ParameterVersion } from '../../service/types';
import type { ParameterEntry } from '../model/parameter-entry';
import type { Dialog, DialogAction } from './dialog';
import { INITIAL_AUDIT_VIEW, reduceAuditView, type AuditAction, type AuditView } from './audit-view';
import { INITIAL_KEYS_VIEW, reduceKeysView, type KeysAction, type KeysView } from './keys-view';
import { emptyListing, reduceListing, type ListingError, type ListingEvent, type ListingState } from './listing-state';
import { INITIAL_PARAMETERS_VIEW, reduceParametersView, type ParametersAction, type ParametersView } from './parameters-view';
import { reduceResource, type Resource, type ResourceEvent } from './resource-state';
import { cachedView, changesText, revalidatedView, type ListingCacheView } from './listing-cache-view';
import { NO_REVEALS, reduceReveals, remaskOnMove, type RevealAction, type RevealPlace, type Reveals } from './reveal-state';

/** The three panes, in `tab` order. */
export const PANES = ['parameters', 'keys', 'audit'] as const;
export type PaneId = (typeof PANES)[number];

/** One parameter as the detail view shows it; each part may be refused on its own. */
export interface ParameterDetail {
  readonly parameter: Parameter;
  /** The current version's full metadata and labels, from GetParameterHistory. */
  readonly current?: ParameterVersion | undefined;
  readonly metadataError?: ListingError | undefined;
  readonly tags?: readonly Tag[] | undefined;
  readonly tagsError?: ListingError | undefined;
}

/** A KMS key with what its detail view adds: the key policy and rotation status. */
export interface KeyDetail {
  readonly key: KmsKey;
  readonly policy?: string | undefined;
  readonly policyError?: ListingError | undefined;
  readonly rotation?: { readonly enabled: boolean; readonly periodDays?: number | undefined; readonly next?: Date | undefined } | undefined;
  readonly rotationError?: ListingError | undefined;
}

/** The streamed listings and what each holds. */
export interface Listings {
  readonly parameters: ListingState<ParameterEntry>;
  readonly keys: ListingState<KmsKey>;
  readonly aliases: ListingState<KmsAlias>;
  readonly audit: ListingState<AuditEvent>;
}
export type ListingSlot = keyof Listings;
export type ItemOf<S extends ListingSlot> = Listings[S] extends ListingState<infer T> ? T : never;

/** The things loaded once per key. */
export interface Resources {
  readonly detail?: Resource<ParameterDetail> | undefined;
  readonly history?: Resource<readonly ParameterVersion[]> | undefined;
  readonly keyDetail?: Resource<KeyDetail> | undefined;
  readonly identity?: Resource<CallerIdentity> | undefined;
}
export type ResourceSlot = keyof Resources;
export type ValueOf<S extends ResourceSlot> = NonNullable<Resources[S]> extends Resource<infer T> ? T : never;

/** A status-line message; errors carry AWS's own text. */
export interface Flash {
  readonly tone: 'error' | 'info';
  readonly text: string;
  readonly seq: number;
}

/** Everything the screen shows, in one reducer. */
export interface UiState {
  readonly pane: PaneId;
  readonly help: boolean;
  /** The open modal dialog: it takes every key until it closes (see dialog.ts). */
  readonly dialog?: Dialog | undefined;
  readonly flash?: Flash | undefined;
  /** How many flashes were shown: a clear timer only clears its own flash. */
  readonly flashes: number;
  /** Bumped by `R` and by another process's writes: every loading hook reruns on it. */
  readonly refreshToken: number;
  readonly listings: Listings;
  readonly resources: Resources;
  readonly parameters: ParametersView;
  readonly keys: KeysView;
  readonly audit: AuditView;
  /** The aws target's cached listing, while it is drawn and once the live one is compared with it. */
  readonly listingCache?: ListingCacheView | undefined;
  /** Decrypted values on screen now; see reveal-state.ts for when they are dropped. */
  readonly reveals: Reveals;
}

export const INITIAL_STATE: UiState = {
  pane: 'parameters',
  help: false,
  flashes: 0,
  refreshToken: 0,
  listings: { parameters: emptyListing(), keys: emptyListing(), aliases: emptyListing(), audit: emptyListing() },
  resources: {},
  parameters: INITIAL_PARAMETERS_VIEW,
  keys: INITIAL_KEYS_VIEW,
  audit: INITIAL_AUDIT_VIEW,
  reveals: NO_REVEALS,
};

type ListingAction = { [S in ListingSlot]: { readonly type: 'listing'; readonly slot: S; readonly change: ListingEvent<ItemOf<S>> } }[ListingSlot];
type ResourceAction = { [S in ResourceSlot]: { readonly type: 'resource'; readonly slot: S; readonly change: ResourceEvent<ValueOf<S>> } }[ResourceSlot];

/** Every change the UI knows. */
export type UiAction =
  | { readonly type: 'pane'; readonly pane: PaneId }
  | { readonly type: 'help'; readonly open: boolean }
  | { readonly type: 'flash'; readonly tone: Flash['tone']; readonly text: string }
  | { readonly type: 'flash-clear'; readonly seq: number }
  | { readonly type: 'refresh' }
  | { readonly type: 'listing-cache'; readonly items: readonly ParameterEntry[]; readonly savedAt: Date }
  | DialogAction
  | RevealAction
  | ListingAction
  | ResourceAction
  | ParametersAction
  | KeysAction
  | AuditAction;

/**
 * The next state. Whatever moves the user away from the parameter on screen (another pane, view
 * or parameter, a refresh) drops every revealed value with it.
 */
export function reduceUi(state: UiState, action: UiAction): UiState {
  if (action.type.startsWith('reveal/')) return { ...state, reveals: reduceReveals(state.reveals, action as RevealAction, revealPlace(state)) };
  const next = reduceOther(state, action);
  const reveals = remaskOnMove(next.reveals, revealPlace(state), revealPlace(next));
  return reveals === next.reveals ? next : { ...next, reveals };
}

/** Where the screen is, as far as a revealed value cares. */
export function revealPlace(state: UiState): RevealPlace {
  return { pane: state.pane, mode: state.parameters.mode, selected: state.parameters.selected, refreshToken: state.refreshToken };
}

function reduceOther(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'pane':
      return { ...state, pane: action.pane };
    case 'help':
      return { ...state, help: action.open };
    case 'flash':
      return withFlash(state, action.tone, action.text);
    case 'flash-clear':
      return state.flash?.seq === action.seq ? { ...state, flash: undefined } : state;
    case 'refresh':
      return { ...state, refreshToken: state.refreshToken + 1 };
    case 'listing-cache': {
      const parameters = reduceListing(state.listings.parameters, { event: 'cached', items: action.items });
      if (parameters === state.listings.parameters) return state;
      return { ...state, listings: { ...state.listings, parameters }, listingCache: cachedView(action.items, action.savedAt) };
    }
    case 'dialog':
      return { ...state, dialog: action.dialog };
    case 'dialog-close':
      return { ...state, dialog: undefined };
    case 'listing': {
      const slot = state.listings[action.slot] as ListingState<unknown>;
      const next = { ...state, listings: { ...state.listings, [action.slot]: reduceListing(slot, action.change as ListingEvent<unknown>) } };
      const ended = action.change.event === 'end' && action.change.run === slot.run;
      const error = ended && action.change.event === 'end' ? action.change.error : undefined;
      if (error) return withFlash(next, 'error', errorText(error));
      if (ended && action.slot === 'parameters' && state.listingCache && !state.listingCache.changes) {
        const listingCache = revalidatedView(state.listingCache, next.listings.parameters.items);
        return withFlash({ ...next, listingCache }, 'info', changesText(listingCache));
      }
      return next;
    }
    case 'resource': {
      const slot = state.resources[action.slot] as Resource<unknown> | undefined;
      const next = { ...state, resources: { ...state.resources, [action.slot]: reduceResource(slot, action.change as ResourceEvent<unknown>) } };
      const failed = action.change.event === 'failed' && slot?.key === action.change.key ? action.change.error : undefined;
      return failed ? withFlash(next, 'error', errorText(failed)) : next;
    }
    default:
      return reducePaneAction(state, action as ParametersAction | KeysAction | AuditAction);
  }
}

function reducePaneAction(state: UiState, action: ParametersAction | KeysAction | AuditAction): UiState {
  if (action.type.startsWith('parameters/')) return { ...state, parameters: reduceParametersView(state.parameters, action as ParametersAction) };
  if (action.type.startsWith('keys/')) return { ...state, keys: reduceKeysView(state.keys, action as KeysAction) };
  return { ...state, audit: reduceAuditView(state.audit, action as AuditAction) };
}

function withFlash(state: UiState, tone: Flash['tone'], text: string): UiState {
  const seq = state.flashes + 1;
  return { ...state, flashes: seq, flash: { tone, text, seq } };
}

/** `AccessDeniedException: User: … is not authorized …`: AWS's name and its own words. */
export function errorText(error: ListingError): string {
  return error.message.startsWith(error.code) ? error.message : `${error.code}: ${error.message}`;
}
