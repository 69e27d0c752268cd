import { markTuiRun } from '../boot/code-cache-kind';
import { repeatPolicySweeps, sweepDuePolicies } from '../engine/parameters/policy-sweep';
import { openTarget, type OpenedTarget } from '../target';
import type { EnvironmentInput } from '../ui/ui-context';
import { contextChoices, rememberContext } from './tui-contexts';
import { chooseTheme } from '../ui/theme/tokens';
import { seedDemo } from './demo';
import { localDemoAuditor } from './demo-auditor';
import { CommandError, ExitCode } from './exit-codes';
import type { TargetOptions } from './options';
import { resolveOptions, type ResolvedOptions } from './resolved-options';

/** Starts the terminal UI, refusing without a TTY (a script should use get, ls or export). */
export async function startTui(flags: TargetOptions): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new CommandError(
      'the TUI needs an interactive terminal (stdin and stdout must be a TTY); in scripts use `paramdeck get`, `paramdeck ls` or `paramdeck export`',
      ExitCode.usage,
    );
  }
  const options = resolveOptions(flags);
  markTuiRun();
  // The target on screen: the switcher (P) replaces it, and whichever is open last is closed at exit.
  let current: OpenedTarget | undefined;
  try {
    const first = await environmentFor(options, (opened) => {
      const previous = current;
      current = opened;
      return previous;
    });
    const { runTui } = await import('../ui/run');
    await runTui(first);
  } finally {
    current?.close();
  }
}

/**
 * Opens `options`' target and builds the browser's environment on it. `adopt` takes the new
 * target once it is ready and hands back the one it replaces, which is closed then.
 */
async function environmentFor(options: ResolvedOptions<TargetOptions>, adopt: (opened: OpenedTarget) => OpenedTarget | undefined): Promise<EnvironmentInput> {
  // Only the browser draws from the listing cache; scripts always want the live answer.
  const opened = await openTarget({ ...options, metadataCache: options.settings.metadataCache });
  // On the local store, policies that fall due while the TUI is open are carried out as they do.
  const store = opened.engine;
  const sweeps = store ? repeatPolicySweeps(store, () => sweepDuePolicies(store)) : undefined;
  const target: OpenedTarget = {
    ...opened,
    close: () => {
      sweeps?.stop();
      opened.close();
    },
  };
  adopt(target)?.close();
  const { engine, service } = target;
  const where = { profile: target.label.profile, region: target.label.region };
  return {
    service,
    label: target.label,
    theme: chooseTheme(options.settings.theme),
    readOnly: options.readOnly,
    revealSeconds: options.settings.revealSeconds,
    clipboardSeconds: options.settings.clipboardSeconds,
    // Under --read-only there is no writer: the change keys say so, and the service refuses anyway.
    writer: options.readOnly ? undefined : service,
    changeSignal: target.changeSignal,
    // The demo seeds the local store only: writing samples into a real AWS account is not a first look.
    loadDemo: engine ? async () => void (await seedDemo(service, { auditor: localDemoAuditor(engine) })) : undefined,
    contexts:
      options.target === 'aws'
        ? {
            choices: () => contextChoices(where),
            open: async (choice) => {
              const next = await environmentFor({ ...withoutProfile(options), ...(choice.profile ? { profile: choice.profile } : {}), region: choice.region }, adopt);
              rememberContext(choice);
              return next;
            },
          }
        : undefined,
  };
}

/** The options with no profile: the default chain, unless the choice names one. */
function withoutProfile(options: ResolvedOptions<TargetOptions>): ResolvedOptions<TargetOptions> {
  const { profile: _profile, ...rest } = options;
  return rest as ResolvedOptions<TargetOptions>;
}
