/**
 * The only module that knows SQLCipher and SQLite PRAGMAs. Everything above it sees
 * a plain better-sqlite3 connection and Kysely.
 */
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors';
import type { CipherSettings } from '../../shared/domain/database';
import { registerSqlFunctions } from './sql-functions';
import { toAppError } from './sqlite-errors';

export type SqliteConnection = Sqlite.Database;

export type ConnectionOptions = {
  /** Path to an addon built for Electron's ABI; tests and the CLI use the Node build in node_modules. */
  nativeBinding?: string | undefined;
  busyTimeoutMs?: number | undefined;
};

/**
 * SQLCipher 4 defaults, set explicitly: the library's own default cipher is ChaCha20, and a
 * mistyped cipher pragma is silently ignored, so `readCipherSettings` is checked after keying.
 */
export const SQLCIPHER_V4: CipherSettings = {
  cipher: 'sqlcipher',
  legacy: 4,
  kdfIterations: 256_000,
  pageSize: 4096,
};

const SQLITE_PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

function connect(
  filePath: string,
  passphrase: string,
  options: ConnectionOptions,
  mustExist: boolean,
): SqliteConnection {
  let connection: SqliteConnection;
  try {
    connection = new Sqlite(filePath, {
      fileMustExist: mustExist,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    });
  } catch (error) {
    throw toAppError(error, { path: filePath });
  }
  try {
    connection.pragma(`cipher = '${SQLCIPHER_V4.cipher}'`);
    connection.pragma(`legacy = ${SQLCIPHER_V4.legacy}`);
    // key() takes raw bytes, so no passphrase ever has to be escaped into SQL text.
    connection.key(Buffer.from(passphrase, 'utf8'));
    connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
    registerSqlFunctions(connection);
    return connection;
  } catch (error) {
    connection.close();
    throw toAppError(error, { path: filePath });
  }
}

/**
 * Session settings that must hold on every open. Rollback journal, not WAL: the file may live on
 * a LAN share, WAL needs shared memory network filesystems don't give, and WAL persists in the file.
 */
export function applyConnectionPragmas(connection: SqliteConnection): void {
  connection.pragma('journal_mode = DELETE');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  // Temporary tables, sorts and statement journals are written unencrypted by the cipher: keep them in RAM.
  connection.pragma('temp_store = MEMORY');
  // Freed cells and pages are zeroed, so deleted or erased text can't be read back from free space.
  connection.pragma('secure_delete = ON');
  // Every page read from disk is decrypted: a 128 MiB cache (default 2 MiB) keeps a working set of
  // a million-row base decrypted in memory. Memory only, nothing is written.
  connection.pragma('cache_size = -131072');
}

/** Reads the header page: throws WrongPassphrase without writing a byte when the key is wrong. */
function verifyKey(connection: SqliteConnection, filePath: string): void {
  try {
    connection.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    connection.close();
    throw toAppError(error, { path: filePath });
  }
}

export function isPlaintextSqliteFile(filePath: string): boolean {
  const handle = fs.openSync(filePath, 'r');
  try {
    const header = Buffer.alloc(SQLITE_PLAINTEXT_HEADER.length);
    const read = fs.readSync(handle, header, 0, header.length, 0);
    return read === header.length && header.equals(SQLITE_PLAINTEXT_HEADER);
  } finally {
    fs.closeSync(handle);
  }
}

/** Opens an existing encrypted file. Nothing is written before the key is proven right. */
export function openEncryptedFile(
  filePath: string,
  passphrase: string,
  options: ConnectionOptions = {},
): SqliteConnection {
  const stat = fs.statSync(filePath, { throwIfNoEntry: false });
  if (!stat) throw new AppError('FileNotFound', 'The database file does not exist', { path: filePath });
  if (stat.isDirectory()) {
    throw new AppError('InvalidInput', 'This is a folder, not a database file', { path: filePath, reason: 'folder' });
  }
  // SQLite would make an empty file a new database under any passphrase, however short.
  if (stat.size === 0) {
    throw new AppError('DatabaseCorrupt', 'The database file is empty', { path: filePath, reason: 'emptyFile' });
  }
  if (isPlaintextSqliteFile(filePath)) {
    throw new AppError('NotEncrypted', 'This SQLite file is not encrypted; Kartoteka opens only encrypted databases', {
      path: filePath,
    });
  }
  const connection = connect(filePath, passphrase, options, true);
  verifyKey(connection, filePath);
  return connection;
}

/** Creates a new, empty encrypted file. Refuses to touch an existing one. */
export function createEncryptedFile(
  filePath: string,
  passphrase: string,
  options: ConnectionOptions = {},
): SqliteConnection {
  if (fs.existsSync(filePath)) {
    throw new AppError('FileExists', 'A file with this name already exists', { path: filePath });
  }
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const connection = connect(filePath, passphrase, options, false);
  connection.pragma(`page_size = ${SQLCIPHER_V4.pageSize}`);
  applyConnectionPragmas(connection);
  return connection;
}

export function readCipherSettings(connection: SqliteConnection): CipherSettings {
  const row = connection
    .prepare(
      `SELECT sqlite3mc_config('cipher') AS cipher,
              sqlite3mc_config('sqlcipher', 'legacy') AS legacy,
              sqlite3mc_config('sqlcipher', 'kdf_iter') AS kdfIterations`,
    )
    .get() as { cipher: string; legacy: number; kdfIterations: number };
  const pageSize = connection.pragma('page_size', { simple: true }) as number;
  return { cipher: row.cipher, legacy: row.legacy, kdfIterations: row.kdfIterations, pageSize };
}

export function readJournalMode(connection: SqliteConnection): string {
  return String(connection.pragma('journal_mode', { simple: true }));
}

/** Schema version lives in the header's user_version, readable before any table exists. */
export function readSchemaVersion(connection: SqliteConnection): number {
  return connection.pragma('user_version', { simple: true }) as number;
}

export function writeSchemaVersion(connection: SqliteConnection, version: number): void {
  connection.pragma(`user_version = ${Math.trunc(version)}`);
}

/** Re-encrypts every page with the new passphrase, in one journaled transaction. */
export function rekeyConnection(connection: SqliteConnection, newPassphrase: string): void {
  connection.rekey(Buffer.from(newPassphrase, 'utf8'));
}

/** SQLite joins a database's findings into one row under this header; each of its lines is one problem. */
const INTEGRITY_HEADER = /^\*\*\* in database \S+ \*\*\*$/;

/** One problem a line (an empty list when the file is intact). */
export function checkIntegrity(connection: SqliteConnection): string[] {
  const rows = connection.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows
    .flatMap((row) => row.integrity_check.split('\n'))
    .filter((line) => line !== 'ok' && line !== '' && !INTEGRITY_HEADER.test(line));
}

/**
 * A consistent copy of the encrypted file: BEGIN IMMEDIATE keeps every other writer out
 * while the bytes are copied, and with a rollback journal the main file is then complete.
 * The copy is as encrypted as the original, with the same passphrase.
 */
export function copyDatabaseFile(connection: SqliteConnection, sourcePath: string, targetPath: string): void {
  fs.mkdirSync(path.dirname(targetPath), { recursive: true });
  connection.exec('BEGIN IMMEDIATE');
  try {
    fs.copyFileSync(sourcePath, targetPath, fs.constants.COPYFILE_EXCL);
  } catch (error) {
    // A half-written copy of ours goes; a file someone else put there (EEXIST) is theirs to keep.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') fs.rmSync(targetPath, { force: true });
    throw error;
  } finally {
    connection.exec('COMMIT');
  }
}

export function listUserTables(connection: SqliteConnection): string[] {
  const rows = connection
    .prepare(
      `SELECT name FROM sqlite_schema
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
        ORDER BY name`,
    )
    .all() as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

export function countRows(connection: SqliteConnection, table: string): number {
  const quoted = `"${table.replaceAll('"', '""')}"`;
  const row = connection.prepare(`SELECT count(*) AS n FROM ${quoted}`).get() as { n: number };
  return row.n;
}
