#!/usr/bin/env node
// Builds the SQLite cipher addon for this Node on first use. Install scripts are off
// (.npmrc), so `npm ci` never downloads anything; this runs the addon's own install
// step (a prebuilt download where the network allows, else a ~2 minute source build).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const quiet = process.argv.includes('--quiet');

function addonLoads() {
  try {
    const Sqlite = require('better-sqlite3-multiple-ciphers');
    new Sqlite(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

if (!addonLoads()) {
  console.error('Building the encrypted SQLite addon for Node ' + process.version + ' (first run only, ~2 minutes)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['rebuild', 'better-sqlite3-multiple-ciphers', '--ignore-scripts=false'], {
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    shell: process.platform === 'win32',
  });
  if (!addonLoads()) {
    console.error('The SQLite addon still does not load. Check that python3, make and a C++ compiler are installed.');
    process.exit(1);
  }
}
