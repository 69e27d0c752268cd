import { setFlagsFromString } from 'node:v8';
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
  // Loading 100,000 parameters passes gigabytes through the heap while 40–60 MB stay alive, and
  // V8 lets the old generation grow to up to 4× what survived its last full collection: the TUI
  // would sit at 260 MB. Growing by half instead holds it under 200 MB, for a few more full
  // collections (mostly concurrent) while a large listing loads.
  setFlagsFromString('--heap-growing-percent=50');
  const target = await openTarget(options);
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
    target.close();
  }
}
