import { Box, useApp } from 'ink';
import { useCallback, useReducer } from 'react';
import { Dialog } from './components/Dialog';
import { HelpOverlay } from './components/HelpOverlay';
import { HintBar } from './components/HintBar';
import { Header } from './components/Header';
import { StatusLine } from './components/StatusLine';
import { useBrowserData } from './hooks/use-browser-data';
import { useContextSwitch } from './hooks/use-context-switch';
import { useKeyRouter } from './hooks/use-key-router';
import { useScreen } from './hooks/use-screen';
import { useTerminalSize } from './hooks/use-terminal-size';
import { useChangeSignal, useFlashTimeout, useRevealCountdown } from './hooks/use-timers';
import type { PaneCommands } from './keys/pane-commands';
import { bodyHeight } from './layout';
import { errorText, INITIAL_STATE, PANES, reduceUi, type UiAction } from './state/ui-state';
import { EnvironmentProvider, useEnvironment, type EnvironmentInput } from './ui-context';
import { listingError } from './hooks/listing-error';
import type { Dispatch } from 'react';

/**
 * The browser with its environment: the service, the target's label, theme and settings.
 * `onSwitch` takes the environment of another profile and region (run.tsx starts over on it).
 */
export function App({ environment, onSwitch }: { environment: EnvironmentInput; onSwitch?: ((next: EnvironmentInput) => void) | undefined }) {
  return (
    <EnvironmentProvider value={environment}>
      <Browser onSwitch={onSwitch} />
    </EnvironmentProvider>
  );
}

/**
 * The screen: header, the active pane (or the help overlay), the status line and the hint bar,
 * in exactly rows − 1 lines. All state lives in one reducer; hooks do the I/O.
 */
function Browser({ onSwitch }: { onSwitch: ((next: EnvironmentInput) => void) | undefined }) {
  const { bindings, changeSignal } = useEnvironment();
  const [state, dispatch] = useReducer(reduceUi, INITIAL_STATE);
  const { columns, rows } = useTerminalSize();
  useBrowserData(state, dispatch);
  useChangeSignal(changeSignal, dispatch);
  useFlashTimeout(state.flash, dispatch);
  useRevealCountdown(state.reveals.shown.length > 0, dispatch);
  const height = bodyHeight(rows);
  const screen = useScreen(state, dispatch, columns, height);
  const commands: PaneCommands = { ...screen.commands, ...useGlobalCommands(state, screen.welcome, dispatch), 'context.switch': useContextSwitch(dispatch, onSwitch) };
  useKeyRouter(state, commands, bindings, screen.filterPick, dispatch);
  const identity = state.resources.identity;
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Header pane={state.pane} identity={identity?.status === 'ready' ? identity.value : undefined} />
      {state.dialog ? <Dialog dialog={state.dialog} body={screen.element} width={columns} height={height} />
      : state.help ? <HelpOverlay commands={commands} width={columns} height={height} />
      : screen.element}
      <StatusLine flash={state.flash} loading={screen.loading} position={screen.position} />
      <HintBar commands={commands} dialog={state.dialog} width={columns} />
    </Box>
  );
}

/** The bindings every screen has: quit, help, panes, refresh, and the demo data on an empty store. */
function useGlobalCommands(state: ReturnType<typeof reduceUi>, welcome: boolean, dispatch: Dispatch<UiAction>): PaneCommands {
  const { exit } = useApp();
  const { loadDemo } = useEnvironment();
  const demo = useCallback(() => {
    if (!loadDemo) return;
    dispatch({ type: 'flash', tone: 'info', text: 'loading the demo data…' });
    loadDemo().then(
      () => {
        dispatch({ type: 'refresh' });
        dispatch({ type: 'flash', tone: 'info', text: 'demo data loaded' });
      },
      (error: unknown) => dispatch({ type: 'flash', tone: 'error', text: errorText(listingError(error)) }),
    );
  }, [loadDemo, dispatch]);
  const next = PANES[(PANES.indexOf(state.pane) + 1) % PANES.length]!;
  return {
    quit: { run: () => exit() },
    help: { run: () => dispatch({ type: 'help', open: true }) },
    'pane.next': { run: () => dispatch({ type: 'pane', pane: next }) },
    'pane.parameters': { run: () => dispatch({ type: 'pane', pane: 'parameters' }) },
    'pane.keys': { run: () => dispatch({ type: 'pane', pane: 'keys' }) },
    'pane.audit': { run: () => dispatch({ type: 'pane', pane: 'audit' }) },
    refresh: { run: () => dispatch({ type: 'refresh' }) },
    'demo.load':
      !loadDemo ? { disabled: 'only the local store has demo data' }
      : !welcome ? { disabled: 'the store already has parameters' }
      : { run: demo, hint: true },
  };
}
