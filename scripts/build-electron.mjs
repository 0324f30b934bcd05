#!/usr/bin/env node
// Bundles the Electron main process and the sandboxed preload with esbuild. Everything but
// `electron` and the native SQLite addon is bundled, so the package needs no node_modules
// beyond the addon's own JS.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron'],
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['main/electron/main.ts'],
    outfile: 'dist/main/electron-main.cjs',
    external: [...common.external, 'better-sqlite3-multiple-ciphers'],
  }),
  // A sandboxed preload may require only `electron`: it must be a single self-contained file.
  build({ ...common, entryPoints: ['preload/index.ts'], outfile: 'dist/preload/preload.cjs' }),
]);
console.log('Built dist/main/electron-main.cjs and dist/preload/preload.cjs');
