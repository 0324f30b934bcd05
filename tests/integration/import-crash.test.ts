/**
 * An import killed mid-run leaves the database as it was: the CLI import of a 60,000-row workbook
 * is SIGKILLed inside its one write transaction, and the next open rolls the journal back — no
 * half-imported people, no import in the history, no damage, every index back — and the next
 * import works. Both into a base with people and into one without (which drops and rebuilds
 * indexes inside the transaction).
 */
import type { OpenDatabase } from '../../main/services/encrypted-database';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkIntegrity, listUserTables } from '../../main/db/open';
import { createCompany } from '../../main/services/companies-service';
import { createDatabase, openDatabase } from '../../main/services/encrypted-database';
import { createPerson } from '../../main/services/people-service';
import { lastJsonLine, ROOT, runCli } from '../support/cli-runner';
import { TEST_PASSPHRASE, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

const ROWS = 60_000;
/** Rows the real run must have written (in batches of 500) before the kill: well inside the transaction. */
const KILL_AFTER_ROWS = 3_000;
const HEADERS = ['Фамилия', 'Имя', 'Телефон', 'E-mail', 'Компания', 'Должность'];
const COMPANIES = ['ООО «Ромашка»', 'АО «Вектор»', 'ИП Соколов', 'Globex LLC'] as const;

/** People rows with unique phones and e-mails; row 0 is the person the database already has. */
async function writePeople(file: string, count: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = book.addWorksheet('Клиенты');
  sheet.addRow(HEADERS).commit();
  for (let index = 0; index < count; index += 1) {
    const number = String(index).padStart(7, '0');
    sheet
      .addRow([
        `Фамилия${index}`,
        index % 2 === 0 ? 'Иван' : 'Anna',
        `+7 916 ${number.slice(0, 3)}-${number.slice(3, 5)}-${number.slice(5)}`,
        `person${index}@example.ru`,
        COMPANIES[index % COMPANIES.length] ?? null,
        index % 3 === 0 ? 'Менеджер' : null,
      ])
      .commit();
  }
  sheet.commit();
  await book.commit();
}

type KilledRun = {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The real run's row count when the kill was sent, and whether its rollback journal was on disk. */
  killedAt: { rows: number; journalExisted: boolean } | null;
  output: string;
};

type Snapshot = {
  people: number;
  peopleHash: string;
  tablesHash: string;
  schemaHash: string;
  imports: number;
  problems: string[];
};

/** Opens the file as the app does (a hot journal is rolled back here) and fingerprints its contents. */
async function snapshot(file: string): Promise<Snapshot> {
  const database = await openDatabase(file, TEST_PASSPHRASE);
  try {
    const { connection } = database;
    // Row order is not part of the content: rows are compared as a sorted list.
    const rowsOf = (table: string) =>
      connection
        .prepare(`SELECT * FROM "${table}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort();
    const hash = (parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex');
    const count = (table: string) =>
      (connection.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      people: count('people'),
      peopleHash: hash(rowsOf('people')),
      // Everything else too: contact points, companies, tags, the search index's tables, the undo journal.
      tablesHash: hash(listUserTables(connection).flatMap((table) => [table, ...rowsOf(table)])),
      // Tables, indexes and triggers as the migrations made them (a rebuilt index gets another root page).
      schemaHash: hash(
        connection
          .prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name')
          .all()
          .map((row) => JSON.stringify(row)),
      ),
      imports: count('imports'),
      problems: checkIntegrity(connection),
    };
  } finally {
    await database.close();
  }
}

/**
 * Starts the CLI import (without --json, so it reports `N rows…` on stderr: the dry run's count, then
 * the real run's from the start again) and SIGKILLs it once the real run is KILL_AFTER_ROWS in.
 */
function importAndKill(dbFile: string, input: string): Promise<KilledRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KARTOTEKA_')));
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'import', '--db', dbFile, input], {
    cwd: ROOT,
    env: { ...inherited, KARTOTEKA_PASSPHRASE: TEST_PASSPHRASE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  let killedAt: KilledRun['killedAt'] = null;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (killedAt) return;
    const counts = [...stderr.matchAll(/(\d+) rows…/g)].map((match) => Number(match[1]));
    const restart = counts.findIndex((count, index) => index > 0 && count < counts[index - 1]!);
    const written = restart === -1 ? 0 : counts.at(-1)!;
    if (written >= KILL_AFTER_ROWS) {
      // The rollback journal exists exactly while a write transaction is open.
      killedAt = { rows: written, journalExisted: fs.existsSync(`${dbFile}-journal`) };
      child.kill('SIGKILL');
    }
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) =>
      resolve({ code, signal, killedAt, output: `stdout:\n${stdout}\nstderr:\n${stderr}` }),
    );
  });
}

/** Three people, one of them row 0 of the file by e-mail (the killed run had updated them too). */
async function threePeople(database: OpenDatabase): Promise<void> {
  const env = testEnv();
  const company = await createCompany(database.db, { name: COMPANIES[0] }, env);
  // Row 0 of the file matches this person by e-mail: the killed run had updated them too.
  await createPerson(
    database.db,
    {
      lastName: 'Фамилия0',
      firstName: 'Иван',
      companyId: company.id,
      position: 'Директор',
      emails: [{ value: 'person0@example.ru', label: 'work' }],
      tags: ['VIP'],
    },
    env,
  );
  await createPerson(database.db, { lastName: 'Соколова', firstName: 'Мария', notes: 'Звонить после 18:00' }, env);
  await createPerson(
    database.db,
    { lastName: 'Smith', firstName: 'John', phones: [{ value: '+44 20 7946 0958' }] },
    env,
  );
}

/** No people yet, only a company of the file: the first-import path. */
async function oneCompany(database: OpenDatabase): Promise<void> {
  await createCompany(database.db, { name: COMPANIES[1] }, testEnv());
}

describe('an import killed mid-run', () => {
  const tempDir = useTempDir();

  it.each([
    { base: 'with people', fill: threePeople, people: 3, updated: 1 },
    { base: 'without people', fill: oneCompany, people: 0, updated: 0 },
  ])(
    'leaves a base $base as it was, and the next import works',
    { timeout: 120_000 },
    async ({ fill, people, updated }) => {
      const dir = tempDir();
      const dbFile = path.join(dir, 'clients.kartoteka');
      const database = await createDatabase(dbFile, 'Clients', TEST_PASSPHRASE);
      try {
        await fill(database);
      } finally {
        await database.close();
      }
      const input = path.join(dir, 'клиенты.xlsx');
      await writePeople(input, ROWS);
      const before = await snapshot(dbFile);
      expect(before).toMatchObject({ people, imports: 0, problems: [] });

      const killed = await importAndKill(dbFile, input);
      // Killed by us, not finished (status 0) nor failed on its own (status 1).
      expect(killed.signal, killed.output).toBe('SIGKILL');
      expect(killed.code).toBeNull();
      expect(killed.killedAt!.rows).toBeGreaterThanOrEqual(KILL_AFTER_ROWS);
      expect(killed.killedAt!.rows).toBeLessThan(ROWS);
      expect(killed.killedAt!.journalExisted).toBe(true);

      const after = await snapshot(dbFile);
      expect(after.problems).toEqual([]);
      expect(after.people).toBe(before.people);
      expect(after.peopleHash).toBe(before.peopleHash);
      expect(after.tablesHash).toBe(before.tablesHash);
      expect(after.schemaHash).toBe(before.schemaHash);
      expect(after.imports).toBe(0);

      const small = path.join(dir, 'ещё клиенты.xlsx');
      await writePeople(small, 1_000);
      const run = runCli(['import', '--db', dbFile, small, '--json'], { KARTOTEKA_PASSPHRASE: TEST_PASSPHRASE });
      expect(run.status, run.stderr).toBe(0);
      // Into the base with people, row 0 updates the existing person; the other rows are new.
      expect(lastJsonLine(run)).toMatchObject({ ok: true, dryRun: false, updated, skipped: 0 });
      const imported = await snapshot(dbFile);
      expect(imported).toMatchObject({ people: before.people + 1_000 - updated, imports: 1, problems: [] });
      expect(imported.schemaHash).toBe(before.schemaHash);
      expect(fs.existsSync(`${dbFile}-journal`)).toBe(false);
    },
  );
});
