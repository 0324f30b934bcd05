#!/usr/bin/env node
// Builds the SQLite cipher addon for Electron's ABI into .native/electron/, next to (never over)
// the Node build in node_modules that tests and the CLI load. The app passes this file to the
// driver as `nativeBinding`. Tries the published prebuilt first, then compiles against Electron's
// headers; both need the internet once. Skips work when the build matches the installed versions.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const addonDir = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const addonVersion = require('better-sqlite3-multiple-ciphers/package.json').version;
const arch = process.env.npm_config_arch || process.arch;
const outDir = path.resolve('.native/electron');
const stampFile = path.join(outDir, 'BUILD');
const stamp = `electron ${electronVersion} ${process.platform}-${arch} better-sqlite3-multiple-ciphers ${addonVersion}`;
const output = path.join(outDir, 'better_sqlite3.node');

if (fs.existsSync(output) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

console.log(`Building the SQLite addon for ${stamp}...`);
const workDir = path.join(outDir, 'work');
fs.rmSync(workDir, { recursive: true, force: true });
fs.cpSync(addonDir, workDir, { recursive: true, filter: (source) => !source.includes(`${path.sep}build${path.sep}`) });
const run = (command, args) =>
  execFileSync(command, args, { cwd: workDir, stdio: 'inherit', shell: process.platform === 'win32' });
const bin = (name) => path.resolve('node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

try {
  run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--verbose']);
} catch {
  console.log('No prebuilt addon for this Electron; compiling it (a few minutes)...');
  run(bin('node-gyp'), [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
  ]);
}
fs.copyFileSync(path.join(workDir, 'build', 'Release', 'better_sqlite3.node'), output);
fs.writeFileSync(stampFile, stamp);
fs.rmSync(workDir, { recursive: true, force: true });
console.log(`Wrote ${path.relative(process.cwd(), output)}`);
