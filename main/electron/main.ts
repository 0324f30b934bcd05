/**
 * Electron lifecycle only: single-instance lock, hardening, window, menu, IPC. Everything the
 * app does lives in plain Node modules behind `createApp`, shared with the browser host.
 */
import { Menu, app, type BrowserWindow } from 'electron';
import path from 'node:path';
import { createApp, type App } from '../app-context';
import { tuneGarbageCollection } from '../garbage-collection';
import { SettingsStore } from '../settings/settings-store';
import { createElectronSettingsBackend } from '../settings/electron-settings-backend';
import { grantingDialogs, PathGrants } from '../ipc/path-grants';
import { createNativeDialogs } from './dialogs';
import { forwardEvents, registerIpc } from './ipc';
import { buildApplicationMenu } from './menu';
import { electronNativeBinding } from './native-binding';
import { registerAppScheme, serveRenderer } from './renderer-protocol';
import { createSafeStorageVault } from './safe-storage-vault';
import { createMainWindow, denyWebPermissions, lockDownWebContents } from './window';

tuneGarbageCollection();
let mainWindow: BrowserWindow | null = null;
let kartoteka: App | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme();

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void kartoteka?.dispose());

  void app.whenReady().then(() => {
    const distDir = path.join(app.getAppPath(), 'dist');
    const settings = new SettingsStore(createElectronSettingsBackend());
    const defaultFolder = path.join(app.getPath('documents'), 'Kartoteka');
    const grants = new PathGrants(() => settings.read().recentDatabases.map((entry) => entry.path));
    const current = createApp({
      kind: 'electron',
      platform: process.platform,
      defaultDatabaseFolder: defaultFolder,
      settings,
      vault: createSafeStorageVault(process.platform),
      dialogs: grantingDialogs(
        createNativeDialogs(() => mainWindow, defaultFolder),
        grants,
      ),
      connection: { nativeBinding: electronNativeBinding(app.isPackaged, app.getAppPath()) },
      logError: (error, channel) => console.error(`[${channel}]`, error),
    });
    kartoteka = current;

    const applyMenu = () =>
      Menu.setApplicationMenu(
        buildApplicationMenu(settings.read().language, {
          command: (command) => current.events.emit('menu:command', { command }),
          lock: () => void current.session.lock('user'),
        }),
      );
    applyMenu();
    registerIpc(current, grants, (channel) => {
      if (channel === 'settings:update') applyMenu();
    });
    forwardEvents(current, () => mainWindow);
    denyWebPermissions();
    serveRenderer(path.join(distDir, 'renderer'));
    mainWindow = createMainWindow(settings, path.join(distDir, 'preload', 'preload.cjs'));
    mainWindow.on('closed', () => (mainWindow = null));
  });
}
