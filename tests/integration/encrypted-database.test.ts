import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import { AppError } from '../../shared/errors';
import { migrations } from '../../migrations';
import {
  backupDatabase,
  changePassphrase,
  createDatabase,
  countTableRows,
  describeDatabase,
  fileIntegrityProblems,
  openDatabase,
} from '../../main/services/encrypted-database';
import { openEncryptedFile, SQLCIPHER_V4 } from '../../main/db/open';
import { readSqlcipherV4PageOne } from '../support/sqlcipher-v4';
import { sha256OfFile, useTempDir } from '../support/temp-dir';

const PASSPHRASE = 'correct horse battery';
const LATEST = Object.keys(migrations).length;
/** A registry key for one more migration after the real ones. */
const nextMigration = (name: string) => `${String(LATEST + 1).padStart(4, '0')}_${name}`;
const SECRET_NAME = 'Картотека ООО «Ромашка» PLAINTEXT-MARKER-7731';

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('encrypted database file', () => {
  const tempDir = useTempDir();

  async function newDatabaseFile(passphrase = PASSPHRASE): Promise<string> {
    const file = path.join(tempDir(), 'clients.kartoteka');
    const database = await createDatabase(file, SECRET_NAME, passphrase);
    await database.close();
    return file;
  }

  it('never holds the plaintext of what was stored', async () => {
    const file = await newDatabaseFile();
    const raw = fs.readFileSync(file);
    expect(raw.includes(Buffer.from('PLAINTEXT-MARKER-7731'))).toBe(false);
    expect(raw.includes(Buffer.from('Ромашка', 'utf8'))).toBe(false);
    expect(raw.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(raw.includes(Buffer.from('app_meta'))).toBe(false);
    // ...while the value really is there once unlocked.
    const database = await openDatabase(file, PASSPHRASE);
    expect((await describeDatabase(database)).name).toBe(SECRET_NAME);
    await database.close();
  });

  it('is a standard SQLCipher 4 file (checked by an independent decoder of page 1)', async () => {
    const file = await newDatabaseFile();
    const page = readSqlcipherV4PageOne(fs.readFileSync(file), PASSPHRASE);
    expect(page.hmacValid).toBe(true);
    expect(page.pageSize).toBe(4096);
    // 80 reserved bytes per page = 16-byte IV + 64-byte HMAC-SHA512.
    expect(page.reservedBytes).toBe(80);
    // File format 1/1 = rollback journal; WAL would be 2/2.
    expect([page.writeVersion, page.readVersion]).toEqual([1, 1]);
    expect(readSqlcipherV4PageOne(fs.readFileSync(file), 'not the passphrase').hmacValid).toBe(false);
  });

  it('reports the cipher settings and connection pragmas it set', async () => {
    const file = await newDatabaseFile();
    const database = await openDatabase(file, PASSPHRASE);
    const info = await describeDatabase(database);
    expect(info.cipher).toEqual(SQLCIPHER_V4);
    expect(info.journalMode).toBe('delete');
    expect(database.connection.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(database.connection.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(database.connection.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(info.schemaVersion).toBe(LATEST);
    await database.close();
  });

  it('refuses a wrong passphrase with a clear error and leaves the file byte-for-byte untouched', async () => {
    const file = await newDatabaseFile();
    const before = sha256OfFile(file);
    const mtime = fs.statSync(file).mtimeMs;
    const error = await expectAppError(openDatabase(file, 'wrong passphrase!'), 'WrongPassphrase');
    expect(error.message).toMatch(/passphrase/i);
    expect(sha256OfFile(file)).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
  });

  it('rekeys: the new passphrase opens the file, the old one no longer does', async () => {
    const file = await newDatabaseFile();
    const database = await openDatabase(file, PASSPHRASE);
    await expectAppError(
      changePassphrase(database, 'not the current one', 'a brand new passphrase'),
      'WrongPassphrase',
    );
    await expectAppError(changePassphrase(database, PASSPHRASE, 'short'), 'PassphraseTooShort');
    await changePassphrase(database, PASSPHRASE, 'a brand new passphrase');
    await database.close();

    await expectAppError(openDatabase(file, PASSPHRASE), 'WrongPassphrase');
    const reopened = await openDatabase(file, 'a brand new passphrase');
    expect((await describeDatabase(reopened)).name).toBe(SECRET_NAME);
    await reopened.close();
    expect(readSqlcipherV4PageOne(fs.readFileSync(file), 'a brand new passphrase').hmacValid).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.bak'))).toEqual([]);
  });

  it('refuses a file made by a newer version and leaves it unharmed', async () => {
    const file = await newDatabaseFile();
    const connection = openEncryptedFile(file, PASSPHRASE);
    connection.pragma(`user_version = ${Object.keys(migrations).length + 5}`);
    connection.close();
    const before = sha256OfFile(file);
    const error = await expectAppError(openDatabase(file, PASSPHRASE), 'DatabaseFromNewerVersion');
    expect(error.message).toMatch(/newer/);
    expect(sha256OfFile(file)).toBe(before);
  });

  it('backs the file up before migrating an existing database', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.kartoteka');
    const v1 = await createDatabase(file, 'Old', PASSPHRASE, { migrations });
    await v1.close();
    const withV2 = {
      ...migrations,
      [nextMigration('test_notes')]: {
        up: async (db: Parameters<(typeof migrations)['0001_initial']['up']>[0]) => {
          await sql`CREATE TABLE test_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT`.execute(db);
        },
      },
    };
    const migrated = await openDatabase(file, PASSPHRASE, { migrations: withV2 });
    expect(migrated.migration).toEqual({
      fromVersion: LATEST,
      toVersion: LATEST + 1,
      applied: [nextMigration('test_notes')],
    });
    await migrated.close();
    const backups = fs.readdirSync(dir).filter((name) => name.includes(`.pre-v${LATEST + 1}-from-v${LATEST}-`));
    expect(backups).toHaveLength(1);
    const backup = await openDatabase(path.join(dir, backups[0]!), PASSPHRASE);
    expect(backup.migration.fromVersion).toBe(LATEST);
    await backup.close();
  });

  it('rolls back a failing migration and keeps the old version', async () => {
    const file = await newDatabaseFile();
    const broken = {
      ...migrations,
      [nextMigration('broken')]: {
        up: async (db: Parameters<(typeof migrations)['0001_initial']['up']>[0]) => {
          await sql`CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT`.execute(db);
          await sql`THIS IS NOT SQL`.execute(db);
        },
      },
    };
    await expectAppError(openDatabase(file, PASSPHRASE, { migrations: broken }), 'MigrationFailed');
    const database = await openDatabase(file, PASSPHRASE);
    expect(database.migration.fromVersion).toBe(LATEST);
    expect(countTableRows(database).map((table) => table.name)).not.toContain('half_done');
    await database.close();
  });

  it('makes an encrypted, consistent backup that opens with the same passphrase', async () => {
    const file = await newDatabaseFile();
    const database = await openDatabase(file, PASSPHRASE);
    const target = path.join(path.dirname(file), 'backups', 'copy.kartoteka');
    const result = backupDatabase(database, target);
    expect(result.sizeBytes).toBeGreaterThan(0);
    await expectAppError(
      Promise.resolve().then(() => backupDatabase(database, target)),
      'FileExists',
    );
    await database.close();
    expect(fs.readFileSync(target).includes(Buffer.from('PLAINTEXT-MARKER-7731'))).toBe(false);
    const copy = await openDatabase(target, PASSPHRASE);
    expect((await describeDatabase(copy)).name).toBe(SECRET_NAME);
    await copy.close();
  });

  it('leaves a backup file someone else made meanwhile as it is, and says it exists', async () => {
    const file = await newDatabaseFile();
    const database = await openDatabase(file, PASSPHRASE);
    const target = path.join(path.dirname(file), 'theirs.kartoteka');
    fs.writeFileSync(target, 'another computer’s backup');
    // The file appears between the check for it and the copy.
    const exists = vi.spyOn(fs, 'existsSync').mockReturnValueOnce(false);
    try {
      await expectAppError(
        Promise.resolve().then(() => backupDatabase(database, target)),
        'FileExists',
      );
    } finally {
      exists.mockRestore();
      await database.close();
    }
    expect(fs.readFileSync(target, 'utf8')).toBe('another computer’s backup');
  });

  it('starts every Kysely transaction with BEGIN IMMEDIATE', async () => {
    const file = await newDatabaseFile();
    const database = await openDatabase(file, PASSPHRASE);
    const other = openEncryptedFile(file, PASSPHRASE, { busyTimeoutMs: 0 });
    let otherCouldWrite: boolean | undefined;
    await database.db.transaction().execute(async (trx) => {
      // Only a read so far: a deferred BEGIN would hold no lock yet.
      await trx.selectFrom('app_meta').select('key').execute();
      try {
        other.exec('BEGIN IMMEDIATE');
        other.exec('ROLLBACK');
        otherCouldWrite = true;
      } catch (error) {
        expect((error as { code?: string }).code).toBe('SQLITE_BUSY');
        otherCouldWrite = false;
      }
    });
    other.close();
    await database.close();
    expect(otherCouldWrite).toBe(false);
  });

  it('refuses plaintext SQLite files, missing files and overwriting existing ones', async () => {
    const dir = tempDir();
    const plain = path.join(dir, 'plain.db');
    new Sqlite(plain).exec('CREATE TABLE t (x TEXT)');
    await expectAppError(openDatabase(plain, PASSPHRASE), 'NotEncrypted');
    await expectAppError(openDatabase(path.join(dir, 'missing.kartoteka'), PASSPHRASE), 'FileNotFound');
    await expectAppError(createDatabase(plain, 'x', PASSPHRASE), 'FileExists');
    await expectAppError(createDatabase(path.join(dir, 'weak.kartoteka'), 'x', 'short'), 'PassphraseTooShort');
    expect(fs.existsSync(path.join(dir, 'weak.kartoteka'))).toBe(false);
  });

  it('lists each integrity problem of a damaged file on its own line, and writes nothing to it', async () => {
    const file = path.join(tempDir(), 'clients.kartoteka');
    const database = await createDatabase(file, 'Clients', PASSPHRASE);
    // A table of a few hundred pages at the end of the file: its tree can be damaged while the schema still reads.
    database.connection.exec(`CREATE TABLE notes (body TEXT);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
      INSERT INTO notes SELECT printf('%.300c', 'x') || i FROM n`);
    await database.close();
    expect(fileIntegrityProblems(file, PASSPHRASE)).toEqual([]);

    const page = SQLCIPHER_V4.pageSize;
    const handle = fs.openSync(file, 'r+');
    fs.writeSync(handle, Buffer.alloc(4 * page, 0xa5), 0, 4 * page, fs.statSync(file).size - 50 * page);
    fs.closeSync(handle);
    const before = sha256OfFile(file);
    const problems = fileIntegrityProblems(file, PASSPHRASE);
    expect(problems.length).toBeGreaterThan(1);
    for (const problem of problems) expect(problem).toMatch(/^[^\n*]+$/);
    expect(sha256OfFile(file)).toBe(before);
  });

  it('refuses an empty file (it would open as a new database under any passphrase) and a folder', async () => {
    const dir = tempDir();
    const empty = path.join(dir, 'пустая.kartoteka');
    fs.writeFileSync(empty, '');
    await expectAppError(openDatabase(empty, 'x'), 'DatabaseCorrupt');
    expect(fs.statSync(empty).size).toBe(0);
    const folder = path.join(dir, 'папка.kartoteka');
    fs.mkdirSync(folder);
    await expectAppError(openDatabase(folder, PASSPHRASE), 'InvalidInput');
  });
});
