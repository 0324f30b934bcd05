import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { BackupResult, ChangePassphraseRequest, DatabaseInfo, DatabaseStatus } from '../../shared/domain/database';
import type { EventBus } from '../ipc/event-bus';
import type { SettingsStore } from '../settings/settings-store';
import type { ConnectionOptions } from '../db/open';
import type { PassphraseVault } from './passphrase-vault';
import {
  backupDatabase,
  backupFileName,
  changePassphrase,
  createDatabase,
  describeDatabase,
  openDatabase,
  readDatabaseName,
  type OpenDatabase,
} from './encrypted-database';

export type DatabaseSessionDeps = {
  settings: SettingsStore;
  vault: PassphraseVault;
  events: EventBus;
  connection?: ConnectionOptions;
  now?: () => Date;
};

type Current =
  | { state: 'closed' }
  | { state: 'locked'; path: string; name: string }
  | { state: 'open'; database: OpenDatabase; name: string };

/**
 * The database this window works with: at most one open file, or the file it was locked from.
 * Locking closes the connection, so the key is not kept in memory while locked.
 */
export class DatabaseSession {
  readonly #deps: DatabaseSessionDeps;
  #current: Current = { state: 'closed' };
  #queue: Promise<unknown> = Promise.resolve();

  constructor(deps: DatabaseSessionDeps) {
    this.#deps = deps;
  }

  /**
   * Runs state changes one at a time: a user lock racing the idle lock, or a close racing an
   * unlock, must not both act on the same connection.
   */
  #exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(operation, operation);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  #now(): Date {
    return this.#deps.now?.() ?? new Date();
  }

  status(): DatabaseStatus {
    const current = this.#current;
    switch (current.state) {
      case 'closed':
        return { state: 'closed' };
      case 'locked':
        return {
          state: 'locked',
          path: current.path,
          name: current.name,
          remembered: current.path in this.#deps.settings.read().wrappedPassphrases,
        };
      case 'open':
        return { state: 'open', path: current.database.path, name: current.name };
    }
  }

  get isOpen(): boolean {
    return this.#current.state === 'open';
  }

  requireOpen(): OpenDatabase {
    if (this.#current.state !== 'open') throw new AppError('DatabaseNotOpen', 'No database is open');
    return this.#current.database;
  }

  async #becomeOpen(database: OpenDatabase, passphrase: string, remember: boolean): Promise<DatabaseStatus> {
    await this.#closeCurrent();
    const name = await readDatabaseName(database);
    this.#current = { state: 'open', database, name };
    const { settings, vault } = this.#deps;
    settings.recordRecent(database.path, name, this.#now());
    if (remember && vault.available) settings.setWrappedPassphrase(database.path, vault.wrap(passphrase));
    return this.status();
  }

  create(request: { path: string; name: string; passphrase: string; remember: boolean }): Promise<DatabaseStatus> {
    return this.#exclusive(async () => {
      const database = await createDatabase(request.path, request.name, request.passphrase, {
        ...this.#deps.connection,
        now: () => this.#now(),
      });
      return this.#becomeOpen(database, request.passphrase, request.remember);
    });
  }

  unlock(request: { path: string; passphrase: string; remember: boolean }): Promise<DatabaseStatus> {
    return this.#exclusive(() => this.#unlock(request));
  }

  async #unlock(request: { path: string; passphrase: string; remember: boolean }): Promise<DatabaseStatus> {
    const database = await openDatabase(request.path, request.passphrase, {
      ...this.#deps.connection,
      now: () => this.#now(),
    });
    return this.#becomeOpen(database, request.passphrase, request.remember);
  }

  unlockRemembered(filePath: string): Promise<DatabaseStatus> {
    return this.#exclusive(() => this.#unlockRemembered(filePath));
  }

  async #unlockRemembered(filePath: string): Promise<DatabaseStatus> {
    const resolved = path.resolve(filePath);
    const wrapped = this.#deps.settings.read().wrappedPassphrases[resolved];
    if (wrapped === undefined || !this.#deps.vault.available) {
      throw new AppError('WrongPassphrase', 'No passphrase is remembered for this database on this computer');
    }
    try {
      return await this.#unlock({ path: resolved, passphrase: this.#deps.vault.unwrap(wrapped), remember: false });
    } catch (error) {
      // A stale secret (passphrase changed elsewhere) must not be tried again.
      if (error instanceof AppError && error.code === 'WrongPassphrase') {
        this.#deps.settings.setWrappedPassphrase(resolved, null);
      }
      throw error;
    }
  }

  lock(reason: 'user' | 'idle'): Promise<DatabaseStatus> {
    return this.#exclusive(async () => {
      const current = this.#current;
      if (current.state !== 'open') return this.status();
      this.#current = { state: 'locked', path: current.database.path, name: current.name };
      await current.database.close();
      this.#deps.events.emit('database:locked', { reason });
      return this.status();
    });
  }

  async #closeCurrent(): Promise<void> {
    if (this.#current.state === 'open') await this.#current.database.close();
    this.#current = { state: 'closed' };
  }

  close(): Promise<DatabaseStatus> {
    return this.#exclusive(async () => {
      await this.#closeCurrent();
      return this.status();
    });
  }

  async info(): Promise<DatabaseInfo> {
    return describeDatabase(this.requireOpen());
  }

  changePassphrase(request: ChangePassphraseRequest): Promise<void> {
    return this.#exclusive(() => this.#changePassphrase(request));
  }

  async #changePassphrase(request: ChangePassphraseRequest): Promise<void> {
    const database = this.requireOpen();
    await changePassphrase(database, request.currentPassphrase, request.newPassphrase, this.#deps.connection);
    const { settings, vault } = this.#deps;
    if (database.path in settings.read().wrappedPassphrases && vault.available) {
      settings.setWrappedPassphrase(database.path, vault.wrap(request.newPassphrase));
    }
  }

  /** A dated, encrypted copy in the backup folder (default: "Backups" beside the file). */
  async backup(): Promise<BackupResult> {
    const database = this.requireOpen();
    const folder = this.#deps.settings.read().backupFolder ?? path.join(path.dirname(database.path), 'Backups');
    return backupDatabase(database, path.join(folder, backupFileName(database.path, this.#now())));
  }

  dispose(): Promise<void> {
    return this.#exclusive(() => this.#closeCurrent());
  }
}
