import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A hand-written stand-in for the few Electron APIs main/electron/ uses, so the glue can be
 * tested in plain Node. Use it from a test file with:
 *
 *   vi.mock('electron', async () => (await import('../support/fake-electron')).fakeElectron);
 *
 * and call `resetFakeElectron()` in `beforeEach`. Everything is loosely typed on purpose.
 */

type Bounds = { x: number; y: number; width: number; height: number };
type Display = { workArea: Bounds };
type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly send = vi.fn<(channel: string, ...args: unknown[]) => void>();
  windowOpenHandler: OpenHandler | null = null;

  setWindowOpenHandler(handler: OpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];

  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly maximize = vi.fn(() => {
    this.maximized = true;
  });
  destroyed = false;
  minimized = false;
  maximized = false;
  bounds: Bounds = { x: 0, y: 0, width: 1280, height: 820 };
  normalBounds: Bounds = { x: 0, y: 0, width: 1280, height: 820 };

  constructor(readonly options: any) {
    super();
    FakeBrowserWindow.instances.push(this);
  }

  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  isMaximized = () => this.maximized;
  getBounds = () => ({ ...this.bounds });
  getNormalBounds = () => ({ ...this.normalBounds });
}

type IpcHandler = (event: any, ...args: unknown[]) => unknown;

function createFake() {
  const ipcHandlers = new Map<string, IpcHandler>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  return {
    ipcHandlers,
    protocolHandlers,
    displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] as Display[],
    app: { isPackaged: false, getVersion: vi.fn(() => '1.2.3') },
    ipcMain: {
      handle: vi.fn((channel: string, handler: IpcHandler) => {
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcHandlers.set(channel, handler);
      }),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
        protocolHandlers.set(scheme, handler);
      }),
    },
    net: { fetch: vi.fn(async (_url: string) => new Response('x', { headers: { 'Content-Type': 'text/html' } })) },
    shell: { openExternal: vi.fn(async (_url: string) => undefined) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${[...plain].reverse().join('')}`, 'utf8')),
      decryptString: vi.fn((sealed: Buffer) => {
        const text = sealed.toString('utf8');
        if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided');
        return [...text.slice('sealed:'.length)].reverse().join('');
      }),
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ fakeMenu: true, template })),
      setApplicationMenu: vi.fn(),
    },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    },
  };
}

/** The current fake; tests read and tweak its fields (`fake.app.isPackaged = true`, `fake.displays = [...]`). */
export let fake = createFake();

/** What `vi.mock('electron', ...)` returns: getters, so a reset fake is seen by the modules under test. */
export const fakeElectron = {
  BrowserWindow: FakeBrowserWindow,
  screen: { getAllDisplays: () => fake.displays },
  get app() {
    return fake.app;
  },
  get ipcMain() {
    return fake.ipcMain;
  },
  get protocol() {
    return fake.protocol;
  },
  get net() {
    return fake.net;
  },
  get shell() {
    return fake.shell;
  },
  get session() {
    return fake.session;
  },
  get safeStorage() {
    return fake.safeStorage;
  },
  get Menu() {
    return fake.Menu;
  },
  get dialog() {
    return fake.dialog;
  },
};

export function resetFakeElectron(): void {
  fake = createFake();
  FakeBrowserWindow.instances.length = 0;
}
