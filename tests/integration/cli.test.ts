import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { migrations } from '../../migrations';
import { createDatabase, describeDatabase, openDatabase } from '../../main/services/encrypted-database';
import { SQLCIPHER_V4 } from '../../main/db/open';
import { useTempDir } from '../support/temp-dir';
import { writeWorkbookSheets } from '../support/import-fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PASSPHRASE = 'correct horse battery';
const NEW_PASSPHRASE = 'a brand new passphrase';

type CliRun = { status: number | null; stdout: string; stderr: string };

/** Runs the CLI as a user would, without a terminal; only the given KARTOTEKA_* variables are set. */
function cli(args: string[], env: Record<string, string> = { KARTOTEKA_PASSPHRASE: PASSPHRASE }): CliRun {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KARTOTEKA_')));
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function lastJsonLine(run: CliRun): Record<string, unknown> {
  const lines = run.stdout.trimEnd().split('\n');
  return JSON.parse(lines.at(-1) ?? '') as Record<string, unknown>;
}

async function expectOpenFails(file: string, passphrase: string, code: string): Promise<void> {
  const error = await openDatabase(file, passphrase).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe('command line', () => {
  const tempDir = useTempDir();

  // Made in-process: spawning `init` each time would add a tsx start per test.
  async function existingDatabase(): Promise<string> {
    const file = path.join(tempDir(), 'clients.kartoteka');
    const database = await createDatabase(file, 'Clients', PASSPHRASE);
    await database.close();
    return file;
  }

  it('init creates a database that check and stats describe', () => {
    const file = path.join(tempDir(), 'clients.kartoteka');
    // A relative path must resolve against the working directory.
    const created = cli(['init', '--db', path.relative(ROOT, file), '--json']);
    expect(created.status).toBe(0);
    expect(lastJsonLine(created)).toMatchObject({
      ok: true,
      command: 'init',
      path: file,
      name: 'clients',
      schemaVersion: Object.keys(migrations).length,
    });
    expect(fs.existsSync(file)).toBe(true);

    const checked = cli(['check', '--db', file, '--json']);
    expect(checked.status).toBe(0);
    const check = lastJsonLine(checked);
    expect(check).toMatchObject({
      ok: true,
      command: 'check',
      schemaVersion: Object.keys(migrations).length,
      latestSchemaVersion: Object.keys(migrations).length,
      cipher: SQLCIPHER_V4,
      journalMode: 'delete',
      integrity: { ok: true, problems: [] },
    });
    expect(check['elapsedMs']).toEqual(expect.any(Number));

    const counted = cli(['stats', '--json', '--db', file]);
    expect(counted.status).toBe(0);
    const stats = lastJsonLine(counted);
    expect(stats).toMatchObject({ ok: true, command: 'stats', name: 'clients', sizeBytes: fs.statSync(file).size });
    const tables = stats['tables'] as Array<{ name: string; rows: number }>;
    expect(tables.find((table) => table.name === 'app_meta')?.rows).toBeGreaterThanOrEqual(1);
  });

  it('backs up to a file that opens with the same passphrase, and never overwrites it', async () => {
    const file = await existingDatabase();
    const target = path.join(path.dirname(file), 'backups', 'copy.kartoteka');
    const backedUp = cli(['backup', '--db', file, '--out', target, '--json']);
    expect(backedUp.status).toBe(0);
    expect(lastJsonLine(backedUp)).toMatchObject({
      ok: true,
      command: 'backup',
      backupPath: target,
      sizeBytes: fs.statSync(target).size,
    });
    const copy = await openDatabase(target, PASSPHRASE);
    expect((await describeDatabase(copy)).name).toBe('Clients');
    await copy.close();

    const again = cli(['backup', '--db', file, '--out', target, '--json']);
    expect(again.status).toBe(1);
    expect(lastJsonLine(again)).toMatchObject({ ok: false, error: { code: 'FileExists' } });
  });

  it('exports to a file it never replaces unless told to with --replace', async () => {
    const file = await existingDatabase();
    const target = path.join(path.dirname(file), 'база.xlsx');
    fs.writeFileSync(target, 'чужой файл');
    const refused = cli(['export', '--db', file, '--entity', 'all', '--out', target, '--json']);
    expect(refused.status).toBe(1);
    expect(lastJsonLine(refused)).toMatchObject({ ok: false, error: { code: 'FileExists' } });
    expect(fs.readFileSync(target, 'utf8')).toBe('чужой файл');

    const replaced = cli(['export', '--db', file, '--entity', 'all', '--out', target, '--replace', '--json']);
    expect(replaced.status).toBe(0);
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it('rekeys: afterwards only the new passphrase opens the file', async () => {
    const file = await existingDatabase();
    const rekeyed = cli(['rekey', '--db', file, '--json'], {
      KARTOTEKA_PASSPHRASE: PASSPHRASE,
      KARTOTEKA_NEW_PASSPHRASE: NEW_PASSPHRASE,
    });
    expect(rekeyed.status).toBe(0);
    expect(lastJsonLine(rekeyed)).toMatchObject({ ok: true, command: 'rekey', path: file });
    await expectOpenFails(file, PASSPHRASE, 'WrongPassphrase');
    const reopened = await openDatabase(file, NEW_PASSPHRASE);
    await reopened.close();
  });

  it('fails on a wrong passphrase with its error code and a readable message', async () => {
    const file = await existingDatabase();
    const run = cli(['stats', '--db', file, '--json'], { KARTOTEKA_PASSPHRASE: 'not the passphrase' });
    expect(run.status).toBe(1);
    expect(lastJsonLine(run)).toMatchObject({ ok: false, error: { code: 'WrongPassphrase' } });
    expect(run.stderr).toContain('Error: Wrong passphrase');
  });

  it('without a passphrase and without a terminal, says which variable to set', async () => {
    const file = await existingDatabase();
    const run = cli(['check', '--db', file], {});
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('KARTOTEKA_PASSPHRASE');
  });

  it('treats an unknown command or a missing --db as a usage error (exit 2)', () => {
    const unknown = cli(['frobnicate', '--json']);
    expect(unknown.status).toBe(2);
    expect(lastJsonLine(unknown)).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');

    const missingDb = cli(['stats']);
    expect(missingDb.status).toBe(2);
    expect(missingDb.stderr).toContain('--db');
  });

  it('treats a bad --mode, --encoding, --lang, --out extension or --country as a usage error (exit 2), before opening anything', () => {
    const runs = [
      cli(['import', '--db', 'none.kartoteka', 'none.csv', '--mode', 'merge', '--json']),
      cli(['export', '--db', 'none.kartoteka', '--out', 'x.csv', '--entity', 'people', '--encoding', 'cp1251']),
      cli(['export', '--db', 'none.kartoteka', '--out', 'x.xlsx', '--entity', 'people', '--lang', 'de']),
      cli(['export', '--db', 'none.kartoteka', '--out', 'x.txt', '--entity', 'people']),
      cli(['import', '--db', 'none.kartoteka', 'none.csv', '--country', 'XX', '--json']),
      cli(['search', '--db', 'none.kartoteka', 'Иванов', '--country=']),
    ];
    expect(runs.map((run) => run.status)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(lastJsonLine(runs[0]!)).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(lastJsonLine(runs[4]!)).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(runs.map((run) => run.stderr).join('\n')).toMatch(
      /--mode must be[\s\S]*--encoding must be[\s\S]*--lang must be[\s\S]*--out must end in[\s\S]*--country must be[^\n]*"XX"[\s\S]*--country must be[^\n]*""/,
    );
  });

  it('says which columns it read day first when their dates read both ways, and reads them month first when told', async () => {
    const dir = tempDir();
    const book = await writeWorkbookSheets(dir, 'outlook.xlsx', [
      {
        name: 'Contacts',
        rows: [
          ['Full name', 'Birthday'],
          ['John Smith', '01/02/1990'],
          ['Emily Brown', '03/04/1991'],
        ],
      },
    ]);
    const guessed = cli(['import', '--db', await existingDatabase(), book, '--dry-run']);
    expect(guessed.status, guessed.stderr).toBe(0);
    expect(guessed.stdout).toContain('Warning: Column "Birthday" of sheet "Contacts": its dates read both ways');
    const database = await existingDatabase();
    const told = cli(['import', '--db', database, book, '--date-order', 'mdy', '--json']);
    expect(told.status, told.stderr).toBe(0);
    expect(lastJsonLine(told)).toMatchObject({ ok: true, created: 2, warnings: [] });
    const opened = await openDatabase(database, PASSPHRASE);
    try {
      const birthdays = await opened.db.selectFrom('people').select('birthday').orderBy('id').execute();
      expect(birthdays).toEqual([{ birthday: '1990-01-02' }, { birthday: '1991-03-04' }]);
    } finally {
      await opened.close();
    }
    expect(cli(['import', '--db', database, book, '--date-order', 'ymd']).status).toBe(2);
    // A mapping file naming the columns but not how their dates read: told by --date-order too.
    const mappingFile = path.join(dir, 'mapping.json');
    const columns = [
      { index: 0, targets: ['fullName'] },
      { index: 1, targets: ['birthday'] },
    ];
    fs.writeFileSync(
      mappingFile,
      JSON.stringify({ sheets: [{ sheet: 'Contacts', entity: 'person', headerRow: 0, columns }] }),
    );
    const mapped = cli([
      'import',
      '--db',
      await existingDatabase(),
      book,
      '--mapping',
      mappingFile,
      '--date-order',
      'mdy',
      '--json',
    ]);
    expect(lastJsonLine(mapped)).toMatchObject({ ok: true, created: 2, skipped: 0 });
  });

  it('imports the rows Excel hides unless told --skip-hidden-rows', async () => {
    const dir = tempDir();
    const book = await writeWorkbookSheets(dir, 'клиенты.xlsx', [
      {
        name: 'Клиенты',
        rows: [
          ['ФИО', 'E-mail'],
          ['Иванов Иван', 'ivanov@example.ru'],
          ['Петров Пётр', 'petrov@example.ru'],
        ],
        hiddenRows: [2],
      },
    ]);
    const all = cli(['import', '--db', await existingDatabase(), book, '--json']);
    expect(all.status, all.stderr).toBe(0);
    expect(lastJsonLine(all)).toMatchObject({ ok: true, created: 2, skipped: 0 });
    const shown = cli(['import', '--db', await existingDatabase(), book, '--skip-hidden-rows', '--json']);
    expect(shown.status, shown.stderr).toBe(0);
    expect(lastJsonLine(shown)).toMatchObject({
      ok: true,
      created: 1,
      skipped: 1,
      skippedRows: [{ sheet: 'Клиенты', row: 3, reasons: [expect.stringMatching(/hidden/i)] }],
    });
  });

  it('keeps the mode a mapping file sets unless --mode is given, and names what is wrong in a bad one', async () => {
    const dir = tempDir();
    const book = await writeWorkbookSheets(dir, 'клиенты.xlsx', [
      {
        name: 'Клиенты',
        rows: [
          ['ФИО', 'E-mail'],
          ['Иванов Иван', 'ivanov@example.ru'],
        ],
      },
    ]);
    const updateOnly = path.join(dir, 'обновить.json');
    fs.writeFileSync(
      updateOnly,
      JSON.stringify({
        sheets: [
          {
            sheet: 'Клиенты',
            entity: 'person',
            headerRow: 0,
            columns: [
              { index: 0, targets: ['fullName'] },
              { index: 1, targets: ['email.work'] },
            ],
          },
        ],
        options: { mode: 'update' },
      }),
    );
    const database = await existingDatabase();
    const updated = cli(['import', '--db', database, book, '--mapping', updateOnly, '--dry-run', '--json']);
    expect(updated.status, updated.stderr).toBe(0);
    expect(lastJsonLine(updated)).toMatchObject({ ok: true, created: 0, skipped: 1 });
    const upserted = cli([
      'import',
      '--db',
      database,
      book,
      '--mapping',
      updateOnly,
      '--mode',
      'upsert',
      '--dry-run',
      '--json',
    ]);
    expect(lastJsonLine(upserted)).toMatchObject({ ok: true, created: 1 });

    const broken = path.join(dir, 'сломан.json');
    for (const content of ['{bad', 'null', '{"columns":"x"}', '{"sheets":[]}']) {
      fs.writeFileSync(broken, content);
      const run = cli(['import', '--db', database, book, '--mapping', broken, '--json']);
      expect(run.status, content).toBe(2);
      expect(lastJsonLine(run), content).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    }
    const two = cli(['import', '--db', database, book, book, '--json']);
    expect(two.status).toBe(2);
  });

  it('refuses a mapping file naming a field that does not exist, with the field and its column', async () => {
    const book = await writeWorkbookSheets(tempDir(), 'клиенты.xlsx', [
      { name: 'Клиенты', rows: [['ФИО'], ['Иванов Иван']] },
    ]);
    // A mistyped field was left out, and every row skipped as nameless.
    const mapping = path.join(tempDir(), 'опечатка.json');
    fs.writeFileSync(mapping, JSON.stringify({ columns: [{ index: 0, targets: ['fullname'] }] }));
    const run = cli(['import', '--db', await existingDatabase(), book, '--mapping', mapping, '--json']);
    expect(run.status, run.stderr).toBe(2);
    expect(lastJsonLine(run)).toMatchObject({
      ok: false,
      error: {
        code: 'InvalidInput',
        details: { unknownTargets: [{ sheet: 'Клиенты', column: 0, targets: ['fullname'] }] },
      },
    });
    expect(run.stderr).toContain('"fullname" in column 0 ("ФИО") of sheet "Клиенты"');
  });

  it('check reports a damaged file as failed integrity (with --json too) and writes nothing to it', async () => {
    const dir = tempDir();
    const intact = await existingDatabase();
    const page = SQLCIPHER_V4.pageSize;
    const middle = Math.floor(fs.statSync(intact).size / page / 2) * page;
    const garbled = path.join(dir, 'garbled.kartoteka');
    fs.copyFileSync(intact, garbled);
    const handle = fs.openSync(garbled, 'r+');
    fs.writeSync(handle, Buffer.alloc(4 * page, 0xa5), 0, 4 * page, middle);
    fs.closeSync(handle);
    const truncated = path.join(dir, 'truncated.kartoteka');
    fs.copyFileSync(intact, truncated);
    fs.truncateSync(truncated, middle);
    // A file of an older schema would be migrated on open: a damaged one must not be.
    const older = path.join(dir, 'older.kartoteka');
    const olderMigrations = Object.fromEntries(Object.entries(migrations).slice(0, 5));
    await (await createDatabase(older, 'Older', PASSPHRASE, { migrations: olderMigrations })).close();
    const olderHandle = fs.openSync(older, 'r+');
    fs.writeSync(olderHandle, Buffer.alloc(page, 0xa5), 0, page, 5 * page);
    fs.closeSync(olderHandle);
    const before = fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name)).toString('hex')]);

    for (const damaged of [truncated, older]) {
      const run = cli(['check', '--db', damaged, '--json']);
      expect(run.status, run.stderr).toBe(1);
      const report = lastJsonLine(run);
      expect(report).toMatchObject({ ok: true, command: 'check', path: damaged, integrity: { ok: false } });
      expect((report['integrity'] as { problems: string[] }).problems.length).toBeGreaterThan(0);
    }
    const readable = cli(['check', '--db', garbled]);
    expect(readable.status, readable.stderr).toBe(1);
    expect(readable.stdout).toMatch(/^Integrity: +\d+ problem\(s\)$/m);
    const after = fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name)).toString('hex')]);
    expect(after).toEqual(before);
  });

  it('init names the database after a file name longer than a name allows, cut at a word', () => {
    // 240 bytes with the extension: as long as file names get.
    const base = `${'sales department clients '.repeat(10)}archive`.slice(0, 230);
    const run = cli(['init', '--db', path.join(tempDir(), `${base}.kartoteka`), '--json']);
    expect(run.status, run.stderr).toBe(0);
    const { name } = lastJsonLine(run) as { name: string };
    expect(name).toBe(base.slice(0, name.length));
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name).toMatch(/clients$/);
  });

  it('init refuses an existing file', async () => {
    const file = await existingDatabase();
    const run = cli(['init', '--db', file, '--json']);
    expect(run.status).toBe(1);
    expect(lastJsonLine(run)).toMatchObject({ ok: false, error: { code: 'FileExists' } });
  });

  it('prints readable lines without --json, and lists every command in help', async () => {
    const file = await existingDatabase();
    const checked = cli(['check', '--db', file]);
    expect(checked.status).toBe(0);
    const latest = Object.keys(migrations).length;
    expect(checked.stdout).toMatch(new RegExp(`^Schema version: +${latest} \\(latest known: ${latest}\\)$`, 'm'));
    expect(checked.stdout).toMatch(/^Integrity: +ok$/m);
    expect(checked.stdout).not.toContain('{');

    const counted = cli(['stats', '--db', file]);
    expect(counted.stdout).toMatch(/^ {2}app_meta +\d+$/m);

    const help = cli([]);
    expect(help.status).toBe(0);
    for (const command of ['init', 'check', 'stats', 'rekey', 'backup']) {
      expect(help.stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    }
  });
});
