import fs from 'node:fs';
import path from 'node:path';

/**
 * The SQLite addon compiled for Electron's ABI lives apart from the Node build in node_modules
 * (which tests and the CLI use): in the package under resources/native, in development under
 * .native/electron (scripts/build-native-electron.mjs makes it).
 */
export function electronNativeBinding(isPackaged: boolean, appPath: string): string | undefined {
  const candidate = isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(appPath, '.native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}
