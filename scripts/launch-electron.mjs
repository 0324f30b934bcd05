#!/usr/bin/env node
// `npm start`: makes sure the Electron binary and an Electron-ABI build of the SQLite addon
// exist (both need the internet the first time), then starts the app. Where Electron can't be
// had (an offline machine), it says so and points at the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let electronPath;
try {
  // Requiring the package downloads the binary on first use (install scripts are off, see .npmrc).
  electronPath = require('electron');
} catch (error) {
  console.error(`Electron could not be installed: ${error.message}`);
  console.error('Without a network connection, run the same app in a browser instead: npm run start:browser');
  process.exit(1);
}

const native = spawnSync(process.execPath, ['scripts/build-native-electron.mjs'], { stdio: 'inherit' });
if (native.status !== 0) process.exit(native.status ?? 1);

const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
