// esbuild options shared by the app's bundles (scripts/build-electron.mjs) and the
// check that runs the bundled worker threads (scripts/check-worker-bundles.mjs).

/** Worker bundles built next to the main one: workerEntries of main/threads/start-worker.ts (a test compares). */
export const workerBundles = {
  'xlsx-reader-worker': 'main/spreadsheets/xlsx-reader-worker.ts',
  'import-parse-worker': 'main/import/parse-worker.ts',
};

/** Every bundle Electron loads: one CommonJS file for its Node. */
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron'],
};

export const mainBundleOptions = {
  ...nodeBundleOptions,
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  // A CommonJS bundle has no import.meta: its URL is the bundle's own file (workers are found next to
  // it), and nothing is resolved from node_modules at run time.
  define: { 'import.meta.url': '__bundleUrl', 'import.meta.resolve': '__bundleResolve' },
  banner: {
    js:
      '"use strict";\n' +
      'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;\n' +
      'const __bundleResolve = (specifier) => { throw new Error(`Not bundled: ${specifier}`); };',
  },
};
