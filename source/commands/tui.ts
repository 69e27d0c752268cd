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
  // Only the browser draws from the listing cache; scripts always want the live answer.
  const target = await openTarget({ ...options, metadataCache: options.settings.metadataCache });
  try {
    const { engine, service } = target;
    const { runTui } = await import('../ui/run');
    await runTui({
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
    });
  } finally {
    target.close();
  }
}
