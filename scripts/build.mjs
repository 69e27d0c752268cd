// Bundles the CLI with esbuild: one file loads faster than hundreds of modules, and start-up
// time is a product feature. better-sqlite3 stays external because it loads a native addon.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

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

// Ink imports react-devtools-core only when DEV=true; the bundle gets an empty stand-in so the
// dead branch does not make the optional package a hard dependency.
const withoutDevtools = {
  name: 'without-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

await build({
  ...common,
  entryPoints: ['source/cli.tsx'],
  outfile: 'dist/cli.js',
  external: ['better-sqlite3'],
  plugins: [withoutDevtools],
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
