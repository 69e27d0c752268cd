import { useMemo, type Dispatch, type ReactElement } from 'react';
import { scrollRange } from '../components/DetailView';
import type { Loading } from '../components/StatusLine';
import type { PaneCommands } from '../keys/pane-commands';
import { auditListRows, AuditPane } from '../panes/AuditPane';
import { auditCommands, keysCommands } from '../panes/browse-commands';
import { DetailPane, detailTextHeight } from '../panes/DetailPane';
import { historyLayout, HistoryPane } from '../panes/HistoryPane';
import { KeyDetailPane } from '../panes/KeyDetailPane';
import { keysListRows, KeysPane } from '../panes/KeysPane';
import { parametersCommands } from '../panes/parameters-commands';
import { parametersListRows, ParametersPane } from '../panes/ParametersPane';
import { WelcomePane } from '../panes/WelcomePane';
import { keyDetailLines } from '../render/key-detail';
import { parameterDetailLines } from '../render/parameter-detail';
import { count, shortTime } from '../render/format';
import { listCursor } from '../state/parameters-view';
import { revealedVersion } from '../state/reveal-state';
import type { UiAction, UiState } from '../state/ui-state';
import { useEnvironment } from '../ui-context';
import { useAuditModel } from './use-audit-model';
import { useKeysModel } from './use-keys-model';
import { useParametersModel } from './use-parameters-model';
import { writeFlows } from './write-flows';
import { valueCommands } from '../panes/value-commands';

/** The body of the screen now: what to draw, the commands it adds, and the status line's facts. */
export interface Screen {
  readonly element: ReactElement;
  readonly commands: PaneCommands;
  readonly position: string;
  readonly loading?: Loading | undefined;
  /** The rows an `enter` in the parameters filter prompt opens: the selected match. */
  readonly filterPick?: string | undefined;
  /** True when the store is empty and the welcome screen shows. */
  readonly welcome: boolean;
}

/** Chooses the pane and view on screen and wires its commands to the dispatcher. */
export function useScreen(state: UiState, dispatch: Dispatch<UiAction>, width: number, height: number): Screen {
  const environment = useEnvironment();
  const { now, writer, service, label } = environment;
  const flows = useMemo(() => (writer ? writeFlows(writer, service, label.region, dispatch) : undefined), [writer, service, label.region, dispatch]);
  const model = useParametersModel(state);
  const auditRows = useAuditModel(state);
  const keysModel = useKeysModel(state);
  const view = state.parameters;
  const detail = state.resources.detail;
  const detailValue = detail?.status === 'ready' && detail.key === view.selected ? detail.value : undefined;
  const revealed = detailValue ? revealedVersion(state.reveals, view.selected, detailValue.parameter.version) : undefined;
  const detailLines = useMemo(
    () => parameterDetailLines({ detail: detailValue, summary: model.selected, revealed }, model.aliases, width, now()),
    [detailValue, model.selected, revealed, model.aliases, width, now],
  );
  const keyDetail = state.resources.keyDetail;
  const keyAliases = keysModel.aliases;
  const keyLines = useMemo(() => {
    if (keyDetail?.status !== 'ready') return [];
    return keyDetailLines(keyDetail.value, keyAliases.get(keyDetail.value.key.keyId) ?? [], width, now());
  }, [keyDetail, keyAliases, width, now]);

  const listing = state.listings[state.pane];
  const loading = listing.loading ? { what: state.pane === 'audit' ? 'events' : state.pane, seen: listing.seen } : undefined;

  if (state.pane === 'keys') {
    const inDetail = state.keys.mode === 'detail';
    const text = detailTextHeight(height);
    const extent = inDetail ? { length: scrollRange(keyLines.length, text), height: text } : { length: keysModel.rows.length, height: keysListRows(height) };
    return {
      element: inDetail ? <KeyDetailPane state={state} lines={keyLines} height={height} /> : <KeysPane state={state} model={keysModel} width={width} height={height} />,
      commands: keysCommands(state, keysModel.rows, extent, dispatch),
      position: inDetail ? '' : positionText(state.keys.list.cursor, extent.length),
      loading,
      welcome: false,
    };
  }
  if (state.pane === 'audit') {
    const extent = { length: auditRows.length, height: auditListRows(state, height) };
    return {
      element: <AuditPane state={state} rows={auditRows} width={width} height={height} />,
      commands: auditCommands(state, extent, dispatch),
      position: positionText(state.audit.list.cursor, auditRows.length),
      loading,
      welcome: false,
    };
  }
  const parameters = state.listings.parameters;
  const welcome = parameters.complete && parameters.items.length === 0 && !parameters.error && !view.filter;
  const history = state.resources.history;
  const extent =
    view.mode === 'detail' ? { length: scrollRange(detailLines.length, detailTextHeight(height)), height: detailTextHeight(height) }
    : view.mode === 'history' ? { length: history?.status === 'ready' ? history.value.length : 0, height: historyLayout(height, state.reveals.marked.length === 2).table }
    : { length: model.rows.length, height: parametersListRows(state, height) };
  const cursor = listCursor(view).cursor;
  const pick = view.filter && model.rows.length > 0 ? model.rows.at(Math.min(cursor, model.rows.length - 1)) : undefined;
  return {
    element:
      welcome ? <WelcomePane height={height} />
      : view.mode === 'detail' ? <DetailPane state={state} lines={detailLines} height={height} />
      : view.mode === 'history' ? <HistoryPane state={state} width={width} height={height} />
      : <ParametersPane state={state} model={model} width={width} height={height} />,
    commands: { ...parametersCommands(state, model, extent, dispatch, flows), ...valueCommands(state, model, environment, dispatch) },
    position: welcome ? '' : view.mode === 'list' ? positionText(cursor, model.rows.length) : view.mode === 'history' ? positionText(view.history.cursor, extent.length) : '',
    loading: parameters.loading ? { what: loadingWhat(state), seen: parameters.seen } : undefined,
    filterPick: pick?.kind === 'parameter' ? model.items[pick.index]?.name : undefined,
    welcome,
  };
}

/** While the cached listing is drawn, the loading line says the rows are the cache's. */
function loadingWhat(state: UiState): string {
  const cache = state.listingCache;
  if (!cache || cache.changes) return 'parameters';
  return `parameters (showing the listing cached ${shortTime(cache.savedAt)})`;
}

function positionText(cursor: number, length: number): string {
  return length === 0 ? '0/0' : `${count(Math.min(cursor, length - 1) + 1)}/${count(length)}`;
}
