#!/usr/bin/env node
// Bundles the Electron main process, its worker threads and the sandboxed preload with esbuild.
// Everything but `electron` and the native SQLite addon is bundled, so the package needs no
// node_modules beyond the addon's own JS.
import { build } from 'esbuild';
import { mainBundleOptions, nodeBundleOptions, workerBundles } from './main-bundle-options.mjs';

await Promise.all([
  build({ ...mainBundleOptions, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main/electron-main.cjs' }),
  ...Object.entries(workerBundles).map(([name, entry]) =>
    build({ ...mainBundleOptions, entryPoints: [entry], outfile: `dist/main/${name}.cjs` }),
  ),
  // A sandboxed preload may require only `electron`: it must be a single self-contained file.
  build({ ...nodeBundleOptions, entryPoints: ['preload/index.ts'], outfile: 'dist/preload/preload.cjs' }),
]);
console.log('Built dist/main/electron-main.cjs, its workers and dist/preload/preload.cjs');
