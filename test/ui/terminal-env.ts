// Imported first by render-app: ES modules evaluate imports before a module's own body, so these
// must live in a module of their own to be set before Ink (and chalk under it) is loaded.
// Dates render in the local zone: pinned so frames are the same on every machine.
process.env.TZ = 'UTC';
// The test streams are not terminals, so chalk would drop every colour; the tests check them.
process.env.FORCE_COLOR = '1';

export {};
