import { BrowserWindow, session, shell } from 'electron';
import { APP_NAME } from '../../shared/constants';
import type { SettingsStore } from '../settings/settings-store';
import { APP_ORIGIN, isAppUrl } from './renderer-protocol';
import { rememberWindowState, restoredBounds } from './window-state';

export function createMainWindow(settings: SettingsStore, preloadPath: string): BrowserWindow {
  const bounds = restoredBounds(settings);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: APP_NAME,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would otherwise open links in a new window, bypassing the open handler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  if (bounds.maximized) window.maximize();
  rememberWindowState(window, settings);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/**
 * No navigation away from the app, no new windows, no webviews. Links to the web open in the
 * user's browser instead (only http/https/mailto).
 */
export function lockDownWebContents(contents: Electron.WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (/^(https?|mailto):/i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** The app needs no web permissions (camera, geolocation, notifications...): refuse them all. */
export function denyWebPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
