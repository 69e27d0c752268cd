// Bundles the CLI with esbuild: one file loads faster than hundreds of modules, and start-up
// time is a product feature. better-sqlite3 stays external because it loads a native addon.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __pdCreateRequire } from 'node:module'; const require = __pdCreateRequire(import.meta.url);",
  },
};

// Empty stand-ins for modules the bundle imports but never uses: Ink imports react-devtools-core
// only when DEV=true (the optional package must not become a hard dependency), and conf builds an
// ajv validator only when given a JSON schema, which paramdeck never passes (config/settings.ts
// checks the file itself): 300 KB that every start would otherwise parse and run.
const withoutUnused = {
  name: 'without-unused',
  setup(b) {
    b.onResolve({ filter: /^(react-devtools-core|ajv\/dist\/2020\.js|ajv-formats)$/ }, (args) => ({ path: args.path, namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {}; export const Ajv2020 = undefined;', loader: 'js' }));
  },
};

// Split into chunks: a command loads only the modules it reaches, and whatever the code imports
// dynamically (the TUI, SDK clients a first frame does not need) is parsed only when it is used.
// Packages' ES module builds come first: esbuild drops what is never imported from them, where
// their CommonJS builds are kept whole (the AWS SDK's every command and schema).
rmSync('dist', { recursive: true, force: true });
// Ink serialises every frame with @alcalzone/ansi-tokenize; Ink's own imports of it get
// source/ui/ink/styled-chars.ts, the same functions with a serialiser that skips unchanged styles.
const fastStyledChars = {
  name: 'fast-styled-chars',
  setup(b) {
    b.onResolve({ filter: /^@alcalzone\/ansi-tokenize$/ }, (args) =>
      /[\\/]node_modules[\\/]ink[\\/]/.test(args.importer) ? { path: resolve('source/ui/ink/styled-chars.ts') } : undefined);
  },
};

// Yoga (Ink's layout engine) carries its WebAssembly inline as a data: URL, and its loader
// fetch()es that URL whenever fetch exists: Node then loads its whole HTTP client (undici) before
// the first frame, for bytes the loader decodes itself when there is no fetch. The bundle's copy
// takes that path; the build fails if the loader no longer reads as expected.
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const test = '"function"!=typeof fetch';
      if (!source.includes(test)) throw new Error(`${args.path}: the fetch test to remove is gone; check yoga-layout's loader`);
      return { contents: source.replaceAll(test, 'true'), loader: 'js' };
    });
  },
};

await build({
  ...common,
  entryPoints: ['source/cli.tsx'],
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  mainFields: ['module', 'main'],
  external: ['better-sqlite3'],
  plugins: [withoutUnused, fastStyledChars, yogaWithoutFetch],
  // React's production build: its development build checks every render and is several times slower.
  define: { 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"', __PARAMDECK_VERSION__: JSON.stringify(pkg.version) },
});

// serve's engine thread runs from its own file beside cli.js (source/protocol/engine-thread.ts).
await build({
  ...common,
  entryPoints: ['source/protocol/engine-thread-worker.ts'],
  outfile: 'dist/engine-thread-worker.js',
  external: ['better-sqlite3'],
});

// The tiny entry cleans the environment before Ink is imported (Ink reads CI at import time).
await build({
  ...common,
  entryPoints: ['source/entry.ts'],
  outfile: 'dist/paramdeck.js',
  external: ['./cli.js'],
  banner: { js: '#!/usr/bin/env node' },
});
chmodSync('dist/paramdeck.js', 0o755);
