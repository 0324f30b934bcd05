import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/constants';
import type { BackupResult, DatabaseInfo } from '../../shared/domain/database';
import { migrations as defaultMigrations, type Migration } from '../../migrations';
import { APP_VERSION } from '../app-version';
import { createKysely, type AppDb } from '../db/kysely';
import { assertNotNewer, migrateToLatest, planMigrations, type MigrationOutcome } from '../db/migrate';
import {
  applyConnectionPragmas,
  checkIntegrity,
  copyDatabaseFile,
  countRows,
  createEncryptedFile,
  listUserTables,
  openEncryptedFile,
  readCipherSettings,
  readJournalMode,
  readSchemaVersion,
  rekeyConnection,
  type ConnectionOptions,
  type SqliteConnection,
} from '../db/open';
import { readMeta, writeMeta } from '../db/repositories/app-meta';
import { knownFailure } from '../db/sqlite-errors';

/** An unlocked database: the raw connection stays inside main/, services use `db`. */
export type OpenDatabase = {
  readonly path: string;
  readonly connection: SqliteConnection;
  readonly db: AppDb;
  readonly migration: MigrationOutcome;
  close(): Promise<void>;
};

export type OpenOptions = ConnectionOptions & {
  migrations?: Record<string, Migration>;
  now?: () => Date;
};

export function assertPassphraseStrength(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('PassphraseTooShort', `The passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`, {
      minLength: MIN_PASSPHRASE_LENGTH,
    });
  }
}

function timestampForFileName(date: Date): string {
  return date
    .toISOString()
    .replaceAll(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function wrap(filePath: string, connection: SqliteConnection, db: AppDb, migration: MigrationOutcome): OpenDatabase {
  return {
    path: filePath,
    connection,
    db,
    migration,
    // Kysely's destroy closes the underlying connection.
    close: () => db.destroy(),
  };
}

export async function createDatabase(
  filePath: string,
  name: string,
  passphrase: string,
  options: OpenOptions = {},
): Promise<OpenDatabase> {
  assertPassphraseStrength(passphrase);
  const resolved = path.resolve(filePath);
  const connection = createEncryptedFile(resolved, passphrase, options);
  const db = createKysely(connection);
  try {
    const migration = await migrateToLatest(db, connection, options.migrations ?? defaultMigrations);
    await writeMeta(db, {
      database_id: randomUUID(),
      name,
      created_at: (options.now?.() ?? new Date()).toISOString(),
      created_by_version: APP_VERSION,
    });
    return wrap(resolved, connection, db, migration);
  } catch (error) {
    await db.destroy();
    fs.rmSync(resolved, { force: true });
    throw error;
  }
}

export async function openDatabase(
  filePath: string,
  passphrase: string,
  options: OpenOptions = {},
): Promise<OpenDatabase> {
  const resolved = path.resolve(filePath);
  const registry = options.migrations ?? defaultMigrations;
  const connection = openEncryptedFile(resolved, passphrase, options);
  try {
    // Refuse a newer file before any pragma or migration could write to it.
    assertNotNewer(connection, planMigrations(registry).length);
    applyConnectionPragmas(connection);
  } catch (error) {
    connection.close();
    throw error;
  }
  const db = createKysely(connection);
  try {
    const migration = await migrateToLatest(db, connection, registry, {
      beforeMigratingExisting: (from, to) => {
        const stamp = timestampForFileName(options.now?.() ?? new Date());
        copyDatabaseFile(connection, resolved, `${resolved}.pre-v${to}-from-v${from}-${stamp}.bak`);
      },
    });
    return wrap(resolved, connection, db, migration);
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/**
 * Rekeys with a safety net: a consistent copy is taken first, the result is reopened with the
 * new passphrase and checked, and only then is the copy removed; on any failure the copy is put back.
 */
export async function changePassphrase(
  database: OpenDatabase,
  currentPassphrase: string,
  newPassphrase: string,
  options: ConnectionOptions = {},
): Promise<void> {
  assertPassphraseStrength(newPassphrase);
  // Proves the user knows the current passphrase (the open connection doesn't keep it).
  openEncryptedFile(database.path, currentPassphrase, options).close();
  const safetyCopy = `${database.path}.rekey-${randomUUID()}.bak`;
  copyDatabaseFile(database.connection, database.path, safetyCopy);
  try {
    rekeyConnection(database.connection, newPassphrase);
    const check = openEncryptedFile(database.path, newPassphrase, options);
    try {
      const problems = checkIntegrity(check);
      if (problems.length > 0)
        throw new AppError('DatabaseCorrupt', `Integrity check failed after rekey: ${problems[0]}`);
    } finally {
      check.close();
    }
  } catch (error) {
    fs.copyFileSync(safetyCopy, database.path);
    fs.rmSync(safetyCopy, { force: true });
    throw error;
  }
  fs.rmSync(safetyCopy, { force: true });
}

export function backupFileName(databasePath: string, now: Date): string {
  const base = path.basename(databasePath).replace(/\.[^.]+$/, '');
  return `${base}-${timestampForFileName(now)}${path.extname(databasePath) || '.kartoteka'}`;
}

/** An encrypted, consistent copy, verified to open with the same passphrase structure. */
export function backupDatabase(database: OpenDatabase, targetPath: string): BackupResult {
  const resolved = path.resolve(targetPath);
  if (fs.existsSync(resolved)) throw new AppError('FileExists', 'The backup file already exists', { path: resolved });
  try {
    copyDatabaseFile(database.connection, database.path, resolved);
  } catch (error) {
    // Made meanwhile by someone else (another computer's backup): left alone, and said so.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppError('FileExists', 'The backup file already exists', { path: resolved });
    }
    throw error;
  }
  return { path: resolved, sizeBytes: fs.statSync(resolved).size };
}

/**
 * What the file is: name, size, schema, cipher. Counts no rows: on a base of a million people
 * counting every table reads most of the file (4 s), and screens ask for this on open.
 */
export async function describeDatabase(database: OpenDatabase, registry = defaultMigrations): Promise<DatabaseInfo> {
  const meta = await readMeta(database.db);
  return {
    path: database.path,
    name: meta.name ?? path.basename(database.path),
    sizeBytes: fs.statSync(database.path).size,
    schemaVersion: readSchemaVersion(database.connection),
    latestSchemaVersion: planMigrations(registry).length,
    createdAt: meta.created_at ?? new Date(0).toISOString(),
    cipher: readCipherSettings(database.connection),
    journalMode: readJournalMode(database.connection),
  };
}

/** Rows in every table, by full count: for administrators (the CLI's stats), never a screen. */
export function countTableRows(database: OpenDatabase): Array<{ name: string; rows: number }> {
  return listUserTables(database.connection).map((name) => ({ name, rows: countRows(database.connection, name) }));
}

export async function readDatabaseName(database: OpenDatabase): Promise<string> {
  return (await readMeta(database.db)).name ?? path.basename(database.path);
}

/**
 * What is damaged in the file, read before anything writes to it (no migration, no pragma): the
 * integrity check's findings, or the damage that stopped the reading. A wrong passphrase still throws.
 */
export function fileIntegrityProblems(filePath: string, passphrase: string, options: ConnectionOptions = {}): string[] {
  let connection: SqliteConnection | undefined;
  try {
    connection = openEncryptedFile(path.resolve(filePath), passphrase, options);
    return checkIntegrity(connection);
  } catch (error) {
    const failure = knownFailure(error);
    if (failure?.code === 'DatabaseCorrupt') return [failure.message];
    throw error;
  } finally {
    connection?.close();
  }
}
