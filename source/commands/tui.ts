import { repeatPolicySweeps, sweepDuePolicies } from '../engine/parameters/policy-sweep';
import { openTarget } from '../target';
import { chooseTheme } from '../ui/theme/tokens';
import { seedDemo } from './demo';
import { localDemoAuditor } from './demo-auditor';
import { CommandError, ExitCode } from './exit-codes';
import type { TargetOptions } from './options';
import { resolveOptions } from './resolved-options';

/** Starts the terminal UI, refusing without a TTY (a script should use get, ls or export). */
export async function startTui(flags: TargetOptions): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new CommandError(
      'the TUI needs an interactive terminal (stdin and stdout must be a TTY); in scripts use `paramdeck get`, `paramdeck ls` or `paramdeck export`',
      ExitCode.usage,
    );
  }
  const options = resolveOptions(flags);
  const target = await openTarget(options);
  // On the local store, policies that fall due while the TUI is open are carried out as they do.
  const store = target.engine;
  const sweeps = store ? repeatPolicySweeps(store, () => sweepDuePolicies(store)) : undefined;
  try {
    const { engine, service } = target;
    const { runTui } = await import('../ui/run');
    await runTui({
      service,
      label: target.label,
      theme: chooseTheme(options.settings.theme),
      readOnly: options.readOnly,
      changeSignal: target.changeSignal,
      // The demo seeds the local store only: writing samples into a real AWS account is not a first look.
      loadDemo: engine ? async () => void (await seedDemo(service, { auditor: localDemoAuditor(engine) })) : undefined,
    });
  } finally {
    sweeps?.stop();
    target.close();
  }
}
