// The process entry. Ink decides at import time whether it runs in CI (is-in-ci reads CI and
// CONTINUOUS_INTEGRATION) and then renders nothing until exit, so those variables are dropped
// before the app, and with it Ink, is first loaded.
import envPaths from 'env-paths';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runBundle } from './boot/code-cache';

delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
// The AWS SDK v3 warns on stderr about Node versions it will stop supporting; that is library
// noise the user cannot act on, so it never reaches their terminal.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Loading 100,000 parameters in the TUI passes gigabytes through the heap while 40–60 MB stay
// alive, and V8 lets the old generation grow to up to 4× what survived its last full collection:
// the TUI would sit at 260 MB. Growing by half instead holds it under 200 MB, for a few more full
// collections (mostly concurrent) while a large listing loads. Set here, before any code is
// compiled, because V8's code cache is only valid under the flags it was made with.
setFlagsFromString('--heap-growing-percent=50');

runBundle(fileURLToPath(new URL('./cli.cjs', import.meta.url)), envPaths('paramdeck', { suffix: '' }).cache);
