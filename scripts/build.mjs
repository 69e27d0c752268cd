// Bundles the CLI with esbuild: one file loads faster than hundreds of modules, and start-up
// time is a product feature. better-sqlite3 stays external because it loads a native addon.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

// Every file in dist/ is CommonJS (dist/package.json says so): Node starts a CommonJS entry a few
// milliseconds sooner than an ES module, and source/boot/code-cache.ts needs the CLI as CommonJS.
// The sources' `import.meta.url` becomes the file's own URL, and the code stays in strict mode as
// the ES modules it was written as were.
const BUNDLE_URL = `"use strict";\nconst __paramdeckBundleUrl = require('node:url').pathToFileURL(__filename).href;`;
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  define: { 'import.meta.url': '__paramdeckBundleUrl' },
  banner: { js: BUNDLE_URL },
};

// Empty stand-ins for modules the bundle imports but never uses: conf builds an ajv validator only
// when given a JSON schema, which paramdeck never passes (config/settings.ts checks the file
// itself): 300 KB that every start would otherwise parse and run.
const withoutUnused = {
  name: 'without-unused',
  setup(b) {
    b.onResolve({ filter: /^(ajv\/dist\/2020\.js|ajv-formats)$/ }, (args) => ({ path: args.path, namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {}; export const Ajv2020 = undefined;', loader: 'js' }));
  },
};

// The CLI is one CommonJS file, run through V8's code cache (source/boot/code-cache.ts): the cache
// skips parsing and compiling it, which is what start-up mostly spent its time on. Node 20 offers
// a code cache to vm.Script only, and a vm.Script is CommonJS, so there is no code splitting;
// whatever the code imports dynamically (the TUI, SDK clients a first frame does not need) still
// runs its module code only when first used. Packages' ES module builds come first: esbuild drops
// what is never imported from them, where their CommonJS builds are kept whole (the AWS SDK's
// every command and schema).
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

/** `source` with each `[from, to]` replaced once; the build fails if a `from` is gone. */
function patched(file, source, replacements) {
  for (const [from, to] of replacements) {
    if (!source.includes(from)) throw new Error(`${file}: "${from}" is gone; check the package before updating this patch`);
    source = source.replace(from, to);
  }
  return source;
}

// Yoga (Ink's layout engine) carries its WebAssembly inline as a data: URL, and its ES module
// entry awaits the compile at the top level, which CommonJS cannot do. The bundle instead hands
// Yoga's Emscripten loader an `instantiateWasm` that compiles the same bytes synchronously (its
// documented hook), so the module is ready when the loader returns. The loader's own copy of the
// bytes is emptied: it would only be parsed and never used. No fetch() either, which would load
// Node's whole HTTP client (undici) before the first frame.
let yogaWasmBase64;
const yogaSync = {
  name: 'yoga-sync',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const dataUrl = /H="data:application\/octet-stream;base64,([^"]+)"/.exec(source);
      if (!dataUrl) throw new Error(`${args.path}: the inline WebAssembly is gone; check yoga-layout's loader`);
      yogaWasmBase64 = dataUrl[1];
      return { contents: source.replace(dataUrl[0], 'H="data:application/octet-stream;base64,"'), loader: 'js' };
    });
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, (args) => ({
      loader: 'js',
      resolveDir: dirname(args.path),
      contents: patched(args.path, readFileSync(args.path, 'utf8'), [
        [
          'const Yoga = wrapAssembly(await loadYoga());',
          `const yogaModule = {
  instantiateWasm(imports, ready) {
    const bytes = Buffer.from(__PARAMDECK_YOGA_WASM__, 'base64');
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
    ready(instance);
    return instance.exports;
  },
};
loadYoga(yogaModule);
const Yoga = wrapAssembly(yogaModule);`,
        ],
      ]),
    }));
  },
};

// Ink's reconciler awaits React DevTools at the top level when DEV=true; paramdeck never runs
// with DevTools (react-devtools-core is not installed), so those two awaits go.
const inkWithoutDevtools = {
  name: 'ink-without-devtools',
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]reconciler\.js$/ }, (args) => ({
      loader: 'js',
      contents: patched(args.path, readFileSync(args.path, 'utf8'), [
        ["await import('./devtools.js')", 'undefined'],
        ['await loadPackageJson()', '{ name: undefined, version: undefined }'],
      ]),
    }));
  },
};

// string-width, slice-ansi and ansi-tokenize (Ink's measuring, clipping and frame parsing) each
// build a grapheme segmenter when their modules load, and string-width Unicode property
// expressions: some 30 ms before the first frame, and a segmenter pass over every line of every
// frame, for text that is nearly always ASCII or the UI's own symbols. In the bundle they share
// source/text/single-cell.ts instead, which answers such text itself (checked against
// Intl.Segmenter and string-width in test/text/single-cell.test.ts) and builds the real segmenter
// and expressions on the first other text.
const SINGLE_CELL = JSON.stringify(resolve('source/text/single-cell.ts'));
const segmenterOnDemand = (file, source) =>
  `import { graphemeSegmenter } from ${SINGLE_CELL};\n${patched(file, source, [['new Intl.Segmenter(', 'graphemeSegmenter(']])}`;
const singleCellFirst = {
  name: 'single-cell-first',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](slice-ansi[\\/]tokenize-ansi|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize)\.js$/ }, (args) => ({
      loader: 'js',
      resolveDir: dirname(args.path),
      contents: segmenterOnDemand(args.path, readFileSync(args.path, 'utf8')),
    }));
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const imports = source.match(/^import .*;$/gm) ?? [];
      if (!imports.some((line) => line.startsWith('import stripAnsi from'))) throw new Error(`${args.path}: no stripAnsi import`);
      const body = patched(args.path, imports.reduce((rest, line) => rest.replace(line, ''), source), [
        ['export default function stringWidth(', 'function stringWidth('],
        ['new Intl.Segmenter(', 'graphemeSegmenter('],
      ]);
      return {
        loader: 'js',
        resolveDir: dirname(args.path),
        contents: `${imports.join('\n')}
import { graphemeSegmenter, isSingleCellText } from ${SINGLE_CELL};
let loaded;
export default function singleCellFirstStringWidth(input, options) {
  if (options === undefined && typeof input === 'string') {
    // As string-width does: escape sequences take no cells.
    const visible = input.includes('\\u001B') || input.includes('\\u009B') ? stripAnsi(input) : input;
    if (isSingleCellText(visible)) return visible.length;
  }
  loaded ??= load();
  return loaded(input, options);
}
function load() {
${body}
return stringWidth;
}`,
      };
    });
  },
};

// Node modules that the bundle's packages load when their own modules load, but that the TUI's
// first frame never uses: HTTP and HTTPS (the SDK's socket handler; the local target has no
// socket), child processes (commander, the clipboard), worker threads (serve), fs/promises (the
// SDK's profile files), assert (conf), v8 (the TUI's heap setting, a second in). Loading them
// costs some 20 ms of every start. In the
// bundle each stands behind an object that loads the module on the first property read, which
// is all the code does with them (as `mod.fn(...)`, `new mod.Class(...)`, or through esbuild's
// __toESM for a default import, whose `default` is the module itself).
const ON_FIRST_USE = ['child_process', 'http', 'https', 'worker_threads', 'fs/promises', 'assert', 'readline/promises', 'timers/promises', 'v8'];
const LAZY_MODULE = `function __paramdeckOnFirstUse(id, asDefault) {
  let loaded;
  const load = () => (loaded ??= require(id));
  const read = (key) => (asDefault && key === 'default' ? load() : asDefault && key === '__esModule' ? undefined : load()[key]);
  return new Proxy(Object.create(null), {
    get: (_, key) => read(key),
    has: (_, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => (key in load() ? { value: read(key), writable: false, enumerable: true, configurable: true } : undefined),
  });
}
`;
function onFirstUse(source) {
  const names = ON_FIRST_USE.map((name) => name.replace('/', '\\/')).join('|');
  const required = `require\\("((?:node:)?(?:${names}))"\\)`;
  const rewritten = source
    .replace(new RegExp(`__toESM\\(${required}(?:, 1)?\\)`, 'g'), (_, id) => `__paramdeckOnFirstUse("${id}", true)`)
    .replace(new RegExp(required, 'g'), (_, id) => `__paramdeckOnFirstUse("${id}", false)`);
  return rewritten.replace(BUNDLE_URL, `${BUNDLE_URL}\n${LAZY_MODULE}`);
}

const cliBuild = await build({
  ...common,
  entryPoints: ['source/cli.tsx'],
  outfile: 'dist/cli.cjs',
  // ASCII only, so source/boot/code-cache.ts can read it as latin1.
  charset: 'ascii',
  // A vm.Script has no module loader for import(): dynamic imports of Node's modules become require().
  supported: { 'dynamic-import': false },
  mainFields: ['module', 'main'],
  external: ['better-sqlite3'],
  plugins: [withoutUnused, fastStyledChars, yogaSync, inkWithoutDevtools, singleCellFirst],
  // META=file.json writes esbuild's metafile: what each package adds to the bundle.
  metafile: !!process.env.META,
  // React's production build: its development build checks every render and is several times slower.
  define: {
    ...common.define,
    'process.env.DEV': '"false"',
    'process.env.NODE_ENV': '"production"',
    __PARAMDECK_VERSION__: JSON.stringify(pkg.version),
  },
});
if (process.env.META) writeFileSync(process.env.META, JSON.stringify(cliBuild.metafile));
const bundle = readFileSync('dist/cli.cjs', 'utf8');
if (bundle.split('__PARAMDECK_YOGA_WASM__').length !== 2) throw new Error('dist/cli.cjs: expected one __PARAMDECK_YOGA_WASM__');
writeFileSync('dist/cli.cjs', onFirstUse(bundle.replace('__PARAMDECK_YOGA_WASM__', JSON.stringify(yogaWasmBase64))));

// serve's engine thread runs from its own file beside cli.cjs (source/protocol/engine-thread.ts).
await build({
  ...common,
  entryPoints: ['source/protocol/engine-thread-worker.ts'],
  outfile: 'dist/engine-thread-worker.js',
  external: ['better-sqlite3'],
});

// serve's WAL checkpointer thread, beside it too (source/engine/wal-checkpointer.ts).
await build({
  ...common,
  entryPoints: ['source/engine/wal-checkpointer-worker.ts'],
  outfile: 'dist/wal-checkpointer-worker.js',
  external: ['better-sqlite3'],
});

// The tiny entry cleans the environment before Ink is loaded (Ink reads CI at import time), then
// runs dist/cli.cjs through the code cache.
await build({
  ...common,
  entryPoints: ['source/entry.ts'],
  outfile: 'dist/paramdeck.js',
  banner: { js: `#!/usr/bin/env node\n${BUNDLE_URL}` },
});
writeFileSync('dist/paramdeck.js', onFirstUse(readFileSync('dist/paramdeck.js', 'utf8')));
chmodSync('dist/paramdeck.js', 0o755);
writeFileSync('dist/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);
