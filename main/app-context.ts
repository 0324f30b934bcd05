import type { HostKind } from '../shared/ipc/contract';
import type { ConnectionOptions } from './db/open';
import { createHandlers } from './ipc/handlers';
import { EventBus } from './ipc/event-bus';
import { createDispatch, type Dispatch } from './ipc/registry';
import type { SettingsStore } from './settings/settings-store';
import { DatabaseSession } from './services/database-session';
import { IdleLock } from './services/idle-lock';
import { ImportSessions } from './services/import-service';
import type { PassphraseVault } from './services/passphrase-vault';

/** File pickers; only the Electron glue has them. */
export type NativeDialogs = {
  chooseNewDatabasePath(suggestedName: string): Promise<string | null>;
  chooseExistingDatabase(): Promise<string | null>;
  chooseFolder(): Promise<string | null>;
  chooseImportFile(): Promise<string | null>;
  chooseExportPath(suggestedName: string, extension: 'xlsx' | 'csv'): Promise<string | null>;
};

/** What a host (Electron or the browser host) supplies; everything else is plain Node. */
export type HostEnvironment = {
  kind: HostKind;
  platform: string;
  defaultDatabaseFolder: string;
  settings: SettingsStore;
  vault: PassphraseVault;
  dialogs: NativeDialogs | null;
  connection?: ConnectionOptions;
  logError?: (error: unknown, channel: string) => void;
};

export type AppContext = {
  environment: HostEnvironment;
  events: EventBus;
  session: DatabaseSession;
  idleLock: IdleLock;
  /** Open import wizards' files and dry runs; dropped when the database locks. */
  imports: ImportSessions;
};

export type App = AppContext & { dispatch: Dispatch; dispose(): Promise<void> };

/** The composition root shared by both hosts: one session, one event bus, one handler map. */
export function createApp(environment: HostEnvironment): App {
  const events = new EventBus();
  const session = new DatabaseSession({
    settings: environment.settings,
    vault: environment.vault,
    events,
    ...(environment.connection === undefined ? {} : { connection: environment.connection }),
  });
  const idleLock = new IdleLock({
    minutes: () => environment.settings.read().autoLockMinutes,
    isOpen: () => session.isOpen,
    lock: () => session.lock('idle'),
    onError: (error) => environment.logError?.(error, 'idle-lock'),
  });
  const imports = new ImportSessions();
  events.subscribe((event) => {
    if (event.name === 'database:locked') imports.closeAll();
  });
  const context: AppContext = { environment, events, session, idleLock, imports };
  const dispatch = createDispatch(createHandlers(context), {
    onCall: () => idleLock.touch(),
    ...(environment.logError === undefined ? {} : { logError: environment.logError }),
  });
  idleLock.start();
  return {
    ...context,
    dispatch,
    dispose: async () => {
      idleLock.stop();
      await session.dispose();
    },
  };
}
