/**
 * `npm run start:browser`: the app in any browser on this machine, served by the real main-process
 * code. Options: --port N (default: a free port), --data-dir DIR (settings and default database
 * folder), --static DIR (built renderer, default dist/renderer).
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../app-context';
import { tuneGarbageCollection } from '../garbage-collection';
import { createFileSettingsStore } from '../settings/settings-store';
import { unavailableVault } from '../services/passphrase-vault';
import { startBrowserHost } from './browser-host';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string', default: path.join(os.homedir(), '.kartoteka-browser') },
    static: { type: 'string', default: path.resolve('dist/renderer') },
  },
});

tuneGarbageCollection();
const dataDir = path.resolve(values['data-dir']);
const app = createApp({
  kind: 'browser',
  platform: process.platform,
  defaultDatabaseFolder: path.join(dataDir, 'databases'),
  settings: createFileSettingsStore(dataDir),
  vault: unavailableVault,
  dialogs: null,
  logError: (error, channel) => console.error(`[${channel}]`, error),
});

const host = await startBrowserHost({ app, staticDir: values.static, port: Number(values.port) });
console.log(`Kartoteka is running at ${host.url}`);
console.log('Open that address in a browser on this computer. Press Ctrl+C to stop.');

async function shutDown(): Promise<void> {
  await host.close();
  await app.dispose();
  process.exit(0);
}
process.on('SIGINT', () => void shutDown());
process.on('SIGTERM', () => void shutDown());
