import type { Dispatch } from 'react';
import type { ParameterSelector } from '../../service/capabilities';
import type { ParameterType } from '../../service/types';
import type { ParametersModel } from '../hooks/use-parameters-model';
import { listingError } from '../hooks/listing-error';
import type { PaneCommand, PaneCommands } from '../keys/pane-commands';
import { keyLabel } from '../render/parameter-cells';
import { listCursor } from '../state/parameters-view';
import { revealedVersion, type RevealPlace } from '../state/reveal-state';
import { errorText, revealPlace, type UiAction, type UiState } from '../state/ui-state';
import type { UiEnvironment } from '../ui-context';

/** The parameter (and, in the history, the version) that `r`, `c`, `y` and `m` act on. */
interface ValueTarget {
  readonly name: string;
  readonly type?: ParameterType | undefined;
  readonly keyId?: string | undefined;
  /** Set in the history: the version the cursor is on. */
  readonly version?: number | undefined;
  /** The version whose value the screen shows now, if known. */
  readonly shownVersion?: number | undefined;
}

/**
 * The value bindings of the parameters pane: reveal (`r`) and copy (`c`) behind a y/N confirm
 * naming the parameter, its KMS key and who decrypts; copy the name (`y`); mark a revealed
 * version for the history's diff (`m`).
 */
export function valueCommands(state: UiState, model: ParametersModel, environment: UiEnvironment, dispatch: Dispatch<UiAction>): PaneCommands {
  const target = valueTarget(state, model);
  if (!target) {
    const none: PaneCommand = { disabled: listRow(state, model)?.kind === 'folder' ? 'select a parameter, not a folder' : 'no parameter selected' };
    return { 'value.reveal': none, 'value.copy': none, 'name.copy': none, 'version.mark': none };
  }
  const view = state.parameters;
  const shown = revealedVersion(state.reveals, target.name, target.shownVersion);
  const selector: ParameterSelector | undefined = target.version === undefined ? undefined : { version: target.version };
  const ask = (question: string, onYes: () => void) => () => dispatch({ type: 'dialog', dialog: {
    kind: 'confirm',
    title: question.replace(/\?$/, ''),
    lines: confirmLines(state, model, target),
    question,
    onYes,
  } });
  // From the list, a reveal opens the detail first: that is where the value shows.
  const place: RevealPlace = view.mode === 'list' ? { ...revealPlace(state), mode: 'detail', selected: target.name } : revealPlace(state);
  const reveal = () => {
    environment.service.reveal(target.name, selector).then(
      (value) => dispatch({ type: 'reveal/shown', value, seconds: environment.revealSeconds, place }),
      (error: unknown) => dispatch({ type: 'flash', tone: 'error', text: errorText(listingError(error)) }),
    );
  };
  const { clipboard } = environment;
  const copy = () => {
    if (!clipboard) return;
    environment.service.reveal(target.name, selector).then(
      (value) => clipboard.copy(value.plaintext(), {
        afterMs: environment.clipboardSeconds * 1_000,
        onCleared: (report) => dispatch({ type: 'flash', tone: 'info', text: report.verifiable ? `clipboard cleared (${report.via})` : `clipboard cleared over ${report.via}: the terminal cannot confirm it` }),
      }).then((report) => dispatch({ type: 'flash', tone: 'info', text: copiedText(target, report.via, report.verifiable, environment.clipboardSeconds) })),
    ).catch((error: unknown) => dispatch({ type: 'flash', tone: 'error', text: errorText(listingError(error)) }));
  };
  const secret = target.type === undefined || target.type === 'SecureString';
  const noClipboard: PaneCommand | undefined = clipboard ? undefined : { disabled: 'no clipboard: not running in a terminal' };
  return {
    'value.reveal':
      shown ? { run: () => dispatch({ type: 'reveal/hide' }) }
      : !secret ? { disabled: `a ${target.type} is not secret: its value is shown as is` }
      : { run: () => {
        if (view.mode === 'list') dispatch({ type: 'parameters/open', name: target.name });
        ask('Reveal the value?', reveal)();
      } },
    'value.copy': noClipboard ?? { run: ask('Copy the value to the clipboard?', copy) },
    'name.copy': noClipboard ?? { run: () => {
      clipboard!.copy(target.name).then(
        (report) => dispatch({ type: 'flash', tone: 'info', text: `copied the name ${target.name} (${report.via})` }),
        (error: unknown) => dispatch({ type: 'flash', tone: 'error', text: errorText(listingError(error)) }),
      );
    } },
    'version.mark':
      view.mode !== 'history' ? { disabled: 'marks versions in the history (v)' }
      : shown ? { run: () => dispatch({ type: 'reveal/mark', version: shown.value.version }), hint: true }
      : { disabled: 'reveal this version first (r)' },
  };
}

// The honest part comes first: a long name may be cut at the edge of the status line.
function copiedText(target: ValueTarget, via: string, verifiable: boolean, seconds: number): string {
  const how = verifiable ? `${via}; cleared in ${seconds}s` : `${via}; its clear in ${seconds}s cannot be verified`;
  return `copied (${how}): the value of ${target.name}${target.version === undefined ? '' : ` version ${target.version}`}`;
}

/** What the confirm names: the parameter (and version), the KMS key, and who will decrypt. */
function confirmLines(state: UiState, model: ParametersModel, target: ValueTarget): string[] {
  const identity = state.resources.identity;
  const who = identity?.status === 'ready' ? identity.value.arn : 'the current credentials (identity not loaded)';
  const key =
    target.type !== undefined && target.type !== 'SecureString' ? `none: a ${target.type} is not encrypted`
    : target.keyId ? `${keyLabel(target.keyId, model.aliases)}${target.keyId.startsWith('alias/') ? '' : ` (${target.keyId})`}`
    : 'the key the parameter names';
  return [
    `Parameter    ${target.name}${target.version === undefined ? '' : `  version ${target.version}`}`,
    `KMS key      ${key}`,
    `Decrypts as  ${who}`,
  ];
}

/** The parameter the cursor or the open view is on. */
function valueTarget(state: UiState, model: ParametersModel): ValueTarget | undefined {
  const view = state.parameters;
  if (view.mode === 'list') {
    const row = listRow(state, model);
    const entry = row?.kind === 'parameter' ? model.items[row.index] : undefined;
    return entry && { name: entry.name, type: entry.type, keyId: entry.keyId, shownVersion: entry.version };
  }
  if (!view.selected) return undefined;
  if (view.mode === 'history') {
    const history = state.resources.history;
    const versions = history?.status === 'ready' && history.key === view.selected ? history.value : [];
    const version = versions[Math.min(view.history.cursor, versions.length - 1)];
    if (!version) return { name: view.selected };
    return { name: view.selected, type: version.type, keyId: version.keyId, version: version.version, shownVersion: version.version };
  }
  const detail = state.resources.detail;
  const loaded = detail?.status === 'ready' && detail.key === view.selected ? detail.value : undefined;
  return {
    name: view.selected,
    type: loaded?.parameter.type ?? model.selected?.type,
    keyId: loaded?.current?.keyId ?? model.selected?.keyId,
    shownVersion: loaded?.parameter.version ?? model.selected?.version,
  };
}

function listRow(state: UiState, model: ParametersModel) {
  const { rows } = model;
  return state.parameters.mode === 'list' && rows.length > 0 ? rows.at(Math.min(listCursor(state.parameters).cursor, rows.length - 1)) : undefined;
}
