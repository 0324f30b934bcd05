import { app, dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import { DATABASE_EXTENSION } from '../../shared/constants';
import type { NativeDialogs } from '../app-context';

const databaseFilters = [
  { name: 'Kartoteka', extensions: [DATABASE_EXTENSION.slice(1), 'db', 'sqlite'] },
  { name: '*', extensions: ['*'] },
];

const spreadsheetFilters = [
  { name: 'Excel, CSV, vCard', extensions: ['xlsx', 'csv', 'txt', 'vcf', 'xls'] },
  { name: '*', extensions: ['*'] },
];

export function createNativeDialogs(getWindow: () => BrowserWindow | null, defaultFolder: string): NativeDialogs {
  const parent = () => getWindow() ?? undefined;
  return {
    chooseNewDatabasePath: async (suggestedName) => {
      const options = {
        defaultPath: path.join(defaultFolder, `${suggestedName || 'Kartoteka'}${DATABASE_EXTENSION}`),
        filters: databaseFilters,
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
          'createDirectory' | 'showOverwriteConfirmation'
        >,
      };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseExistingDatabase: async () => {
      const options = {
        defaultPath: defaultFolder,
        filters: databaseFilters,
        properties: ['openFile'] as Array<'openFile'>,
      };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseFolder: async () => {
      const options = {
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseImportFile: async () => {
      const options = { filters: spreadsheetFilters, properties: ['openFile'] as Array<'openFile'> };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseExportPath: async (suggestedName, extension) => {
      const options = {
        defaultPath: path.join(app.getPath('documents'), `${suggestedName}.${extension}`),
        filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
          'createDirectory' | 'showOverwriteConfirmation'
        >,
      };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
