import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { CachedListingReader } from '../service/listing-cache';
import type { AuditReader, HistoryReader, Identity, KeyReader, ParameterReader, ParameterWriter } from '../service/capabilities';
import { DEFAULT_SETTINGS } from '../config/settings';
import type { Clipboard } from './clipboard/clipboard';
import { activeBindings, type Binding } from './keys/keymap';
import type { Theme } from './theme/tokens';

/** The capabilities the browser uses: reading only; the write flows come with their own screens. */
export type BrowserService = ParameterReader & HistoryReader & KeyReader & AuditReader & Identity & Partial<CachedListingReader>;

/** Who and where the service talks to, as the header shows it (target.ts's TargetLabel fits). */
export interface TargetFacts {
  readonly target: 'local' | 'aws';
  readonly region: string;
  readonly account?: string | undefined;
  readonly principal?: string | undefined;
  readonly home?: string | undefined;
  readonly profile?: string | undefined;
}

/** A place the aws target can switch to: a profile (none: the default chain) and a region. */
export interface ContextChoice {
  readonly profile?: string | undefined;
  readonly region: string;
  /** How the picker names it, and what it adds beside it (recent, sso, role…). */
  readonly label: string;
  readonly detail?: string | undefined;
}

/** Switching the aws target's profile and region while the app runs (`P`). */
export interface ContextSwitcher {
  /** The last contexts used first, then every profile of the AWS config files. */
  choices(): Promise<readonly ContextChoice[]>;
  /** Opens `choice`'s target and resolves with its environment; the old target closes once it is ready. */
  open(choice: ContextChoice): Promise<EnvironmentInput>;
}

/** What every pane may read and nothing changes while the app runs. */
export interface UiEnvironment {
  readonly service: BrowserService;
  /** Writes parameters (`n`, `e`, `d`, `L`, `T`); absent under --read-only. */
  readonly writer?: ParameterWriter | undefined;
  readonly label: TargetFacts;
  readonly theme: Theme;
  readonly readOnly: boolean;
  /** The bindings in force (`--read-only` drops the dangerous ones). */
  readonly bindings: readonly Binding[];
  /** The clock relative ages are measured against; tests fix it. */
  readonly now: () => Date;
  /** Seeds the demo tree; absent where the target cannot take it. */
  readonly loadDemo?: (() => Promise<void>) | undefined;
  /** The aws target's profile and region switcher; absent on the local target. */
  readonly contexts?: ContextSwitcher | undefined;
  /** The local store's change counter, polled to notice other processes' writes. */
  readonly changeSignal?: (() => number) | undefined;
  /** Where `c` and `y` copy to; absent where there is no terminal to write OSC 52 to. */
  readonly clipboard?: Clipboard | undefined;
  /** How long a revealed value stays on screen, and a copied one on the clipboard. */
  readonly revealSeconds: number;
  readonly clipboardSeconds: number;
}

const Environment = createContext<UiEnvironment | undefined>(undefined);

/** What the app needs to build its environment. */
export type EnvironmentInput = Omit<UiEnvironment, 'bindings' | 'now' | 'revealSeconds' | 'clipboardSeconds'> & {
  now?: (() => Date) | undefined;
  revealSeconds?: number | undefined;
  clipboardSeconds?: number | undefined;
};

/** Provides the environment to every pane, with the bindings derived once from read-only mode. */
export function EnvironmentProvider({ value, children }: { value: EnvironmentInput; children: ReactNode }) {
  const environment = useMemo<UiEnvironment>(
    () => ({
      ...value,
      now: value.now ?? (() => new Date()),
      bindings: activeBindings(value.readOnly),
      revealSeconds: value.revealSeconds ?? DEFAULT_SETTINGS.revealSeconds,
      clipboardSeconds: value.clipboardSeconds ?? DEFAULT_SETTINGS.clipboardSeconds,
    }),
    [value],
  );
  return <Environment.Provider value={environment}>{children}</Environment.Provider>;
}

/** The app's environment; panes and hooks read the service and theme here. */
export function useEnvironment(): UiEnvironment {
  const environment = useContext(Environment);
  if (!environment) throw new Error('useEnvironment outside EnvironmentProvider');
  return environment;
}
