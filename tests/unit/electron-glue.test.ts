import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_PREFIX } from '../../shared/constants';
import { channels } from '../../shared/ipc/channels';
import type { App } from '../../main/app-context';
import { CONTENT_SECURITY_POLICY } from '../../main/content-security-policy';
import { EventBus } from '../../main/ipc/event-bus';
import { createFileSettingsStore } from '../../main/settings/settings-store';
import { createNativeDialogs } from '../../main/electron/dialogs';
import { forwardEvents, registerIpc } from '../../main/electron/ipc';
import { grantingDialogs, PathGrants } from '../../main/ipc/path-grants';
import { buildApplicationMenu } from '../../main/electron/menu';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from '../../main/electron/renderer-protocol';
import { createSafeStorageVault } from '../../main/electron/safe-storage-vault';
import { createMainWindow, denyWebPermissions, lockDownWebContents } from '../../main/electron/window';
import { FakeBrowserWindow, FakeWebContents, fake, resetFakeElectron } from '../support/fake-electron';
import { useTempDir } from '../support/temp-dir';
import { createTestApp } from '../support/test-app';

vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectron);

beforeEach(() => resetFakeElectron());
afterEach(() => vi.useRealTimers());

const PRELOAD = path.join(path.sep, 'opt', 'kartoteka', 'dist', 'preload', 'preload.cjs');

/** A `will-navigate`-style event whose preventDefault can be checked. */
const navigationEvent = () => ({ preventDefault: vi.fn() });

describe('createMainWindow', () => {
  const tempDir = useTempDir();

  function open(settings = createFileSettingsStore(tempDir())) {
    const window = createMainWindow(settings, PRELOAD) as unknown as FakeBrowserWindow;
    return { window, settings };
  }

  it('builds a sandboxed, isolated window with the preload and no Node', () => {
    const { window } = open();
    expect(FakeBrowserWindow.instances).toEqual([window]);
    const { webPreferences } = window.options;
    expect(webPreferences).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(webPreferences.disableBlinkFeatures.split(',')).toContain('Auxclick');
    expect(window.options).toMatchObject({ show: false, title: 'Kartoteka', minWidth: 900, minHeight: 600 });
  });

  it('loads the renderer from app://kartoteka and shows itself when ready', () => {
    const { window } = open();
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://kartoteka/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('uses the default size when nothing was saved', () => {
    const { window } = open();
    expect(window.options).toMatchObject({ width: 1280, height: 820 });
    expect(window.options).not.toHaveProperty('x');
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('restores saved bounds that are on a connected display', () => {
    const settings = createFileSettingsStore(tempDir());
    settings.update({ windowBounds: { x: 2000, y: 100, width: 1000, height: 700, maximized: false } });
    fake.displays = [
      { workArea: { x: 0, y: 0, width: 1920, height: 1080 } },
      { workArea: { x: 1920, y: 0, width: 1920, height: 1080 } },
    ];
    const { window } = open(settings);
    expect(window.options).toMatchObject({ x: 2000, y: 100, width: 1000, height: 700 });
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('drops saved bounds that are on no display any more, keeping only "maximized"', () => {
    const settings = createFileSettingsStore(tempDir());
    // The window was on a second monitor that has been unplugged.
    settings.update({ windowBounds: { x: 2000, y: 100, width: 1000, height: 700, maximized: true } });
    fake.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
    const { window } = open(settings);
    expect(window.options).not.toHaveProperty('x');
    expect(window.options).not.toHaveProperty('y');
    expect(window.options).toMatchObject({ width: 1280, height: 820 });
    expect(window.maximize).toHaveBeenCalledOnce();
  });

  it('saves the window bounds to settings on close', () => {
    const { window, settings } = open();
    window.bounds = { x: 40, y: 30, width: 1100, height: 750 };
    window.emit('close');
    expect(settings.read().windowBounds).toEqual({ x: 40, y: 30, width: 1100, height: 750, maximized: false });
  });

  it('saves the normal (unmaximized) bounds of a maximized window', () => {
    const { window, settings } = open();
    window.maximized = true;
    window.bounds = { x: 0, y: 0, width: 1920, height: 1080 };
    window.normalBounds = { x: 50, y: 60, width: 1000, height: 700 };
    window.emit('close');
    expect(settings.read().windowBounds).toEqual({ x: 50, y: 60, width: 1000, height: 700, maximized: true });
  });

  it('saves nothing for a minimized or destroyed window', () => {
    const { window, settings } = open();
    window.minimized = true;
    window.emit('close');
    window.minimized = false;
    window.destroyed = true;
    window.emit('close');
    expect(settings.read().windowBounds).toBeNull();
  });

  it('saves moves and resizes once they settle', () => {
    vi.useFakeTimers();
    const { window, settings } = open();
    window.bounds = { x: 1, y: 2, width: 1000, height: 700 };
    window.emit('move');
    vi.advanceTimersByTime(300);
    window.bounds = { x: 1, y: 2, width: 1200, height: 800 };
    window.emit('resize');
    vi.advanceTimersByTime(300);
    expect(settings.read().windowBounds).toBeNull();
    vi.advanceTimersByTime(200);
    expect(settings.read().windowBounds).toEqual({ x: 1, y: 2, width: 1200, height: 800, maximized: false });
  });

  it('a restored window round-trips through settings', () => {
    const first = open();
    first.window.bounds = { x: 100, y: 80, width: 1111, height: 777 };
    first.window.emit('close');
    const second = open(first.settings);
    expect(second.window.options).toMatchObject({ x: 100, y: 80, width: 1111, height: 777 });
  });
});

describe('lockDownWebContents', () => {
  function lockedDown() {
    const contents = new FakeWebContents();
    lockDownWebContents(contents as any);
    return contents;
  }

  it.each(['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:3000/', 'app://other-host/index.html'])(
    'prevents will-navigate and will-redirect to %s',
    (url) => {
      const contents = lockedDown();
      for (const name of ['will-navigate', 'will-redirect']) {
        const event = navigationEvent();
        contents.emit(name, event, url);
        expect(event.preventDefault, name).toHaveBeenCalled();
      }
    },
  );

  it.each(['app://kartoteka/index.html', 'app://kartoteka/', 'app://kartoteka/index.html#/settings'])(
    'lets will-navigate and will-redirect to %s through',
    (url) => {
      const contents = lockedDown();
      for (const name of ['will-navigate', 'will-redirect']) {
        const event = navigationEvent();
        contents.emit(name, event, url);
        expect(event.preventDefault, name).not.toHaveBeenCalled();
      }
    },
  );

  it('denies every new window and sends only web and mail links to the browser', () => {
    const contents = lockedDown();
    const handler = contents.windowOpenHandler!;
    expect(handler).toBeTypeOf('function');
    const external = ['https://example.com/a?b=c', 'HTTP://example.com/', 'mailto:someone@example.com'];
    const internal = [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://kartoteka/index.html',
      'smb://server/share',
      'ms-settings:',
      ' https://leading-space.example/',
    ];
    for (const url of [...external, ...internal]) expect(handler({ url }), url).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal.mock.calls.map(([url]) => url)).toEqual(external);
  });

  it('prevents attaching a webview', () => {
    const contents = lockedDown();
    const event = navigationEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('denyWebPermissions', () => {
  it('refuses every permission request and check', () => {
    denyWebPermissions();
    const { setPermissionRequestHandler, setPermissionCheckHandler } = fake.session.defaultSession;
    expect(setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(setPermissionCheckHandler).toHaveBeenCalledOnce();
    const callback = vi.fn();
    const requestHandler = setPermissionRequestHandler.mock.calls[0]![0] as any;
    requestHandler({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    const checkHandler = setPermissionCheckHandler.mock.calls[0]![0] as any;
    expect(checkHandler({}, 'notifications', 'app://kartoteka', {})).toBe(false);
  });
});

describe('registerIpc', () => {
  const tempDir = useTempDir();
  const trustedFrame = { url: 'app://kartoteka/index.html', parent: null };

  function fakeApp(result: unknown = { ok: true, value: { state: 'closed' } }) {
    const dispatch = vi.fn(async (_channel: string, _input: unknown) => result);
    return { app: { dispatch, events: new EventBus() } as unknown as App, dispatch };
  }

  const noGrants = () => new PathGrants(() => []);

  function handlerFor(channel: string) {
    const handler = fake.ipcHandlers.get(IPC_PREFIX + channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return (senderFrame: unknown, input: unknown) => handler({ senderFrame }, input) as Promise<any>;
  }

  it('registers exactly one prefixed handler per contract channel', () => {
    registerIpc(fakeApp().app, noGrants(), vi.fn());
    const registered = fake.ipcMain.handle.mock.calls.map(([name]) => name);
    expect(registered).toHaveLength(channels.length);
    expect([...registered].sort()).toEqual(channels.map((channel) => `kartoteka:${channel}`).sort());
    for (const [, handler] of fake.ipcMain.handle.mock.calls) expect(handler).toBeTypeOf('function');
  });

  it('passes a call from the app window to the dispatcher and returns its result', async () => {
    const { app, dispatch } = fakeApp();
    const afterCall = vi.fn();
    registerIpc(app, noGrants(), afterCall);
    const result = await handlerFor('database:status')(trustedFrame, { some: 'input' });
    expect(result).toEqual({ ok: true, value: { state: 'closed' } });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('database:status', { some: 'input' });
    expect(afterCall).toHaveBeenCalledExactlyOnceWith('database:status');
  });

  it('reaches a real app through the real dispatcher', async () => {
    const { app } = createTestApp(tempDir());
    try {
      registerIpc(app, noGrants(), vi.fn());
      const result = await handlerFor('app:info')({ url: 'app://kartoteka/index.html#/unlock', parent: null }, {});
      expect(result).toMatchObject({ ok: true, value: { host: 'browser', nativeDialogs: false } });
      const invalid = await handlerFor('database:unlock')(trustedFrame, { path: '' });
      expect(invalid).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    } finally {
      await app.dispose();
    }
  });

  it('opens, reads or writes only files the user picked in a dialog, or databases opened before', async () => {
    const { app, dispatch } = fakeApp();
    const grants = new PathGrants(() => ['/home/anna/Клиенты.kartoteka']);
    const dialogs = grantingDialogs(
      {
        chooseNewDatabasePath: async () => '/home/anna/Новая.kartoteka',
        chooseExistingDatabase: async () => null,
        chooseFolder: async () => '/home/anna/Копии',
        chooseImportFile: async () => '/home/anna/Загрузки/клиенты.xlsx',
        chooseExportPath: async () => '/home/anna/Документы/выгрузка.csv',
      },
      grants,
    );
    registerIpc(app, grants, vi.fn());
    const call = (channel: string, input: unknown) => handlerFor(channel)(trustedFrame, input);
    const refused = { ok: false, error: { code: 'Unauthorized' } };

    // Named by a script in the page, never picked: not read, not written.
    expect(await call('import:open', { path: '/home/anna/.ssh/id_rsa' })).toMatchObject(refused);
    expect(await call('export:records', { path: '/home/anna/.bashrc', entity: 'person' })).toMatchObject(refused);
    expect(await call('database:create', { path: '/home/anna/Новая.kartoteka' })).toMatchObject(refused);
    expect(dispatch).not.toHaveBeenCalled();

    expect(await dialogs.chooseImportFile()).toBe('/home/anna/Загрузки/клиенты.xlsx');
    expect(await dialogs.chooseExportPath('выгрузка', 'csv')).toBe('/home/anna/Документы/выгрузка.csv');
    expect(await dialogs.chooseNewDatabasePath('Новая')).toBe('/home/anna/Новая.kartoteka');
    expect(await dialogs.chooseExistingDatabase()).toBeNull();
    await call('import:open', { path: '/home/anna/Загрузки/../Загрузки/клиенты.xlsx' });
    await call('export:records', { path: '/home/anna/Документы/выгрузка.csv', entity: 'person' });
    await call('database:create', { path: '/home/anna/Новая.kartoteka' });
    // The start page's list: a database opened before is unlocked by its path.
    await call('database:unlock', { path: '/home/anna/Клиенты.kartoteka' });
    expect(dispatch.mock.calls.map(([channel]) => channel)).toEqual([
      'import:open',
      'export:records',
      'database:create',
      'database:unlock',
    ]);
    // That list opens databases only: no export over one of them.
    expect(await call('export:database', { path: '/home/anna/Клиенты.kartoteka' })).toMatchObject(refused);
    // Channels naming no file, and inputs the contract refuses anyway, go on to the dispatcher.
    await call('database:status', {});
    await call('import:open', {});
    expect(dispatch).toHaveBeenCalledTimes(6);
  });

  it('does not call afterCall when the call fails', async () => {
    const failure = { ok: false, error: { code: 'DatabaseNotOpen', message: 'No database is open' } };
    const { app, dispatch } = fakeApp(failure);
    const afterCall = vi.fn();
    registerIpc(app, noGrants(), afterCall);
    expect(await handlerFor('settings:update')(trustedFrame, { theme: 'dark' })).toEqual(failure);
    expect(dispatch).toHaveBeenCalledOnce();
    expect(afterCall).not.toHaveBeenCalled();
  });

  it.each([
    ['a subframe of the app', { url: 'app://kartoteka/index.html', parent: { url: 'app://kartoteka/index.html' } }],
    ['no frame (destroyed)', null],
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['another app:// host', { url: 'app://other-host/index.html', parent: null }],
    ['a file: page', { url: 'file:///tmp/evil.html', parent: null }],
    ['an unparseable url', { url: 'not a url', parent: null }],
  ])('refuses a call from %s with Unauthorized, without dispatching', async (_name, frame) => {
    const { app, dispatch } = fakeApp();
    const afterCall = vi.fn();
    registerIpc(app, noGrants(), afterCall);
    const result = await handlerFor('database:status')(frame, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'Unauthorized' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(afterCall).not.toHaveBeenCalled();
  });
});

describe('forwardEvents', () => {
  function setup(getWindow: () => FakeBrowserWindow | null) {
    const events = new EventBus();
    const app = { events } as unknown as App;
    const unsubscribe = forwardEvents(app, getWindow as any);
    return { events, unsubscribe };
  }

  it('sends each app event to the window on the event channel', () => {
    const window = new FakeBrowserWindow({});
    const { events } = setup(() => window);
    events.emit('menu:command', { command: 'newDatabase' });
    events.emit('database:locked', { reason: 'idle' });
    expect(window.webContents.send.mock.calls).toEqual([
      [IPC_EVENT_CHANNEL, { name: 'menu:command', payload: { command: 'newDatabase' } }],
      [IPC_EVENT_CHANNEL, { name: 'database:locked', payload: { reason: 'idle' } }],
    ]);
    expect(IPC_EVENT_CHANNEL).toBe('kartoteka:event');
  });

  it('asks for the current window on every event', () => {
    let current: FakeBrowserWindow | null = null;
    const { events } = setup(() => current);
    expect(() => events.emit('data:changed', { entities: ['contacts'] })).not.toThrow();
    current = new FakeBrowserWindow({});
    events.emit('data:changed', { entities: ['contacts'] });
    expect(current.webContents.send).toHaveBeenCalledExactlyOnceWith(IPC_EVENT_CHANNEL, {
      name: 'data:changed',
      payload: { entities: ['contacts'] },
    });
  });

  it('sends nothing to a destroyed window', () => {
    const window = new FakeBrowserWindow({});
    window.destroyed = true;
    const { events } = setup(() => window);
    expect(() => events.emit('database:locked', { reason: 'user' })).not.toThrow();
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('stops forwarding once unsubscribed', () => {
    const window = new FakeBrowserWindow({});
    const { events, unsubscribe } = setup(() => window);
    unsubscribe();
    events.emit('database:locked', { reason: 'user' });
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});

describe('createSafeStorageVault', () => {
  it('is unavailable on Linux with the basic_text fallback backend', () => {
    fake.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(createSafeStorageVault('linux').available).toBe(false);
  });

  it.each(['gnome_libsecret', 'kwallet5', 'kwallet6'])('is available on Linux with %s', (backend) => {
    fake.safeStorage.getSelectedStorageBackend.mockReturnValue(backend);
    expect(createSafeStorageVault('linux').available).toBe(true);
  });

  it.each(['win32', 'darwin'] as const)('is available on %s whenever encryption is', (platform) => {
    // getSelectedStorageBackend is Linux-only; its answer must not matter elsewhere.
    fake.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(createSafeStorageVault(platform).available).toBe(true);
  });

  it.each(['linux', 'win32', 'darwin'] as const)('is unavailable on %s when encryption is not', (platform) => {
    fake.safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expect(createSafeStorageVault(platform).available).toBe(false);
  });

  it('wraps with safeStorage into base64 and unwraps back', () => {
    const vault = createSafeStorageVault('linux');
    const passphrase = 'correct horse battery staple — пароль';
    const wrapped = vault.wrap(passphrase);
    expect(fake.safeStorage.encryptString).toHaveBeenCalledExactlyOnceWith(passphrase);
    expect(wrapped).not.toContain(passphrase);
    expect(wrapped).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(wrapped, 'base64').equals(fake.safeStorage.encryptString.mock.results[0]!.value)).toBe(true);
    expect(vault.unwrap(wrapped)).toBe(passphrase);
    const [sealed] = fake.safeStorage.decryptString.mock.calls[0]!;
    expect(Buffer.isBuffer(sealed)).toBe(true);
  });

  it('lets a decryption failure surface', () => {
    const vault = createSafeStorageVault('linux');
    expect(() => vault.unwrap(Buffer.from('garbage').toString('base64'))).toThrow(/decrypting/);
  });
});

describe('buildApplicationMenu', () => {
  type Item = {
    label?: string;
    role?: string;
    accelerator?: string;
    type?: string;
    click?: () => void;
    submenu?: Item[];
  };

  function build(language: 'ru' | 'en') {
    const actions = { command: vi.fn(), lock: vi.fn() };
    const menu = buildApplicationMenu(language, actions);
    expect(fake.Menu.buildFromTemplate).toHaveBeenCalledOnce();
    const template = fake.Menu.buildFromTemplate.mock.calls[0]![0] as Item[];
    expect(menu).toBe(fake.Menu.buildFromTemplate.mock.results[0]!.value);
    return { template, actions };
  }

  const submenu = (template: Item[], label: string): Item[] => {
    const menu = template.find((item) => item.label === label);
    if (!menu?.submenu) throw new Error(`no submenu ${label}`);
    return menu.submenu;
  };
  const item = (items: Item[], label: string): Item => {
    const found = items.find((entry) => entry.label === label);
    if (!found) throw new Error(`no item ${label}`);
    return found;
  };
  const shortcuts = (items: Item[]) =>
    Object.fromEntries(items.filter((entry) => entry.accelerator).map((entry) => [entry.label, entry.accelerator]));

  it('has a Russian File menu with the usual shortcuts', () => {
    const { template } = build('ru');
    expect(shortcuts(submenu(template, 'Файл'))).toEqual({
      'Новая база…': 'CmdOrCtrl+N',
      'Открыть базу…': 'CmdOrCtrl+O',
      Заблокировать: 'CmdOrCtrl+L',
      'Настройки…': 'CmdOrCtrl+,',
    });
    const labels = template.map((entry) => entry.label).filter(Boolean);
    expect(labels).toEqual(expect.arrayContaining(['Файл', 'Правка', 'Вид', 'Окно', 'Справка']));
    expect(labels).not.toContain('File');
  });

  it('has an English File menu with the same shortcuts', () => {
    const { template } = build('en');
    expect(shortcuts(submenu(template, 'File'))).toEqual({
      'New Database…': 'CmdOrCtrl+N',
      'Open Database…': 'CmdOrCtrl+O',
      Lock: 'CmdOrCtrl+L',
      'Settings…': 'CmdOrCtrl+,',
    });
    expect(template.map((entry) => entry.label)).not.toContain('Файл');
  });

  it('wires the File items to the actions', () => {
    const { template, actions } = build('en');
    const file = submenu(template, 'File');
    item(file, 'Lock').click!();
    expect(actions.lock).toHaveBeenCalledOnce();
    expect(actions.command).not.toHaveBeenCalled();
    item(file, 'New Database…').click!();
    item(file, 'Open Database…').click!();
    item(file, 'Settings…').click!();
    expect(actions.command.mock.calls).toEqual([['newDatabase'], ['openDatabase'], ['settings']]);
    expect(actions.lock).toHaveBeenCalledOnce();
  });

  it('offers reload and dev tools only while not packaged', () => {
    fake.app.isPackaged = false;
    const development = submenu(build('en').template, 'View').map((entry) => entry.role);
    expect(development).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));

    resetFakeElectron();
    fake.app.isPackaged = true;
    const { template } = build('en');
    const roles = JSON.stringify(template);
    expect(roles).not.toMatch(/toggleDevTools|"reload"|forceReload/i);
    expect(submenu(template, 'View').map((entry) => entry.role)).toEqual(
      expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']),
    );
  });

  it('shows the version in About', () => {
    const { template } = build('ru');
    item(submenu(template, 'Справка'), 'О программе Kartoteka').click!();
    expect(fake.dialog.showMessageBox).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ message: 'Kartoteka 1.2.3' }),
    );
  });

  it('puts Quit in File except on macOS, where the app menu has it', () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    try {
      Object.defineProperty(process, 'platform', { ...platform, value: 'linux' });
      const linux = build('en').template;
      expect(submenu(linux, 'File').map((entry) => entry.role)).toContain('quit');
      expect(linux[0]!.label).toBe('File');

      resetFakeElectron();
      Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' });
      const mac = build('en').template;
      expect(mac[0]).toEqual({ role: 'appMenu' });
      expect(submenu(mac, 'File').map((entry) => entry.role)).not.toContain('quit');
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });
});

describe('renderer protocol', () => {
  const root = path.join(path.sep, 'opt', 'kartoteka', 'dist', 'renderer');

  function serve() {
    serveRenderer(root);
    expect(fake.protocol.handle).toHaveBeenCalledOnce();
    expect(fake.protocol.handle.mock.calls[0]![0]).toBe('app');
    const handler = fake.protocolHandlers.get('app')!;
    return (url: string) => handler(new Request(url));
  }

  const fileUrl = (...segments: string[]) => pathToFileURL(path.join(root, ...segments)).toString();

  it('registers app: as a standard, secure scheme', () => {
    registerAppScheme();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(APP_ORIGIN).toBe('app://kartoteka');
  });

  it('serves a file from the renderer folder with the CSP as a header', async () => {
    const get = serve();
    const response = await get('app://kartoteka/index.html');
    expect(fake.net.fetch).toHaveBeenCalledExactlyOnceWith(fileUrl('index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Type')).toBe('text/html');
    expect(await response.text()).toBe('x');
  });

  it('serves index.html for the bare origin and nested assets by path', async () => {
    const get = serve();
    await get('app://kartoteka/');
    await get('app://kartoteka/assets/index-abc123.js?v=1#x');
    await get('app://kartoteka/assets/%D0%BA%D0%B0%D1%80%D1%82%D0%B0.svg');
    expect(fake.net.fetch.mock.calls.map(([url]) => url)).toEqual([
      fileUrl('index.html'),
      fileUrl('assets', 'index-abc123.js'),
      fileUrl('assets', 'карта.svg'),
    ]);
  });

  it('keeps the status of a failed fetch', async () => {
    const get = serve();
    fake.net.fetch.mockResolvedValueOnce(new Response('missing', { status: 404 }));
    const response = await get('app://kartoteka/nope.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://kartoteka/..%2f..%2fetc%2fpasswd',
    'app://kartoteka/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://kartoteka/assets/..%2F..%2F..%2Fsecret.txt',
    'app://kartoteka/%2Fetc%2Fpasswd/..%2f..%2f..%2f..',
    'app://other-host/index.html',
    'app://KARTOTEKA.evil/index.html',
  ])('answers %s with 404 without touching the disk', async (url) => {
    const get = serve();
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(fake.net.fetch).not.toHaveBeenCalled();
  });

  it.each([
    'app://kartoteka/../../etc/passwd',
    'app://kartoteka/%2e%2e/%2e%2e/etc/passwd',
    'app://kartoteka/a/../../../etc/passwd',
  ])(
    'never reads outside the renderer folder for %s (dot segments are resolved by the URL parser first)',
    async (url) => {
      const get = serve();
      await get(url);
      // The URL parser already turned these into app://kartoteka/etc/passwd: a path inside the folder.
      expect(fake.net.fetch.mock.calls.map(([fetched]) => fetched)).toEqual([fileUrl('etc', 'passwd')]);
    },
  );
});

describe('createNativeDialogs', () => {
  const folder = path.join(path.sep, 'home', 'user', 'Documents', 'Kartoteka');

  it('suggests a .kartoteka file in the default folder, over the window', async () => {
    const window = new FakeBrowserWindow({});
    const dialogs = createNativeDialogs(() => window as any, folder);
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/data/Клиенты.kartoteka' });
    expect(await dialogs.chooseNewDatabasePath('Клиенты')).toBe('/data/Клиенты.kartoteka');
    const [parent, options] = fake.dialog.showSaveDialog.mock.calls[0]! as [unknown, any];
    expect(parent).toBe(window);
    expect(options.defaultPath).toBe(path.join(folder, 'Клиенты.kartoteka'));
    expect(options.filters[0].extensions).toContain('kartoteka');
  });

  it('falls back to a default name and to no parent window', async () => {
    const dialogs = createNativeDialogs(() => null, folder);
    expect(await dialogs.chooseNewDatabasePath('')).toBeNull();
    expect(fake.dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ defaultPath: path.join(folder, 'Kartoteka.kartoteka') }),
    );
  });

  it('returns the chosen file or folder, or null when cancelled', async () => {
    const dialogs = createNativeDialogs(() => null, folder);
    expect(await dialogs.chooseExistingDatabase()).toBeNull();
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/data/a.kartoteka'] });
    expect(await dialogs.chooseExistingDatabase()).toBe('/data/a.kartoteka');
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/backups'] });
    expect(await dialogs.chooseFolder()).toBe('/backups');
    const properties = fake.dialog.showOpenDialog.mock.calls.map(([options]) => (options as any).properties);
    expect(properties).toEqual([['openFile'], ['openFile'], ['openDirectory', 'createDirectory']]);
  });
});
