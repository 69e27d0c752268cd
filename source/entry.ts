// The process entry. Ink decides at import time whether it runs in CI (is-in-ci reads CI and
// CONTINUOUS_INTEGRATION) and then renders nothing until exit, so those variables are dropped
// before the app, and with it Ink, is first loaded.
import envPaths from 'env-paths';
import { fileURLToPath } from 'node:url';
import { runBundle } from './boot/code-cache';

delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
// The AWS SDK v3 warns on stderr about Node versions it will stop supporting; that is library
// noise the user cannot act on, so it never reaches their terminal.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

runBundle(fileURLToPath(new URL('./cli.cjs', import.meta.url)), envPaths('paramdeck', { suffix: '' }).cache);
