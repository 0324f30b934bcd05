/**
 * An .xlsx sheet holds 1,048,575 rows below its header: an export of more records goes on into
 * «Люди (2)», «Люди (3)»..., and the workbook still re-imports whole. Writers here hold two rows a
 * sheet, so a handful of records crosses the limit.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { exportDatabase, exportRecords } from '../../main/export/export-service';
import { createDatabase, type OpenDatabase } from '../../main/services/encrypted-database';
import { ImportSessions, suggestedSetup } from '../../main/services/import-service';
import { createCompany } from '../../main/services/companies-service';
import { createPerson } from '../../main/services/people-service';
import { ExportRequest } from '../../shared/domain/imports';
import { openTestDatabase, TEST_PASSPHRASE, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';
import type * as XlsxWriter from '../../main/spreadsheets/xlsx-writer';

const ROWS_PER_SHEET = 2;

vi.mock('../../main/spreadsheets/xlsx-writer', async (importOriginal) => {
  const original = await importOriginal<typeof XlsxWriter>();
  return {
    ...original,
    createXlsxWriter: (file: string, options: Parameters<typeof original.createXlsxWriter>[1] = {}) =>
      original.createXlsxWriter(file, { ...options, rowsPerSheet: ROWS_PER_SHEET }),
  };
});

const tempDir = useTempDir();
const env = testEnv();

async function sheetsOf(file: string): Promise<Array<{ name: string; state: string; values: unknown[][] }>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets.map((sheet) => ({
    name: sheet.name,
    state: sheet.state,
    values: sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1)] : [])),
  }));
}

async function fiveColleaguesOfOneCompany(database: OpenDatabase): Promise<string[]> {
  const company = await createCompany(database.db, { name: 'ООО «Ромашка»' }, env);
  const names = ['Андреев', 'Борисова', 'Васильев', 'Григорьева', 'Дмитриев'];
  for (const lastName of names) {
    await createPerson(database.db, { lastName, firstName: 'Тест', companyId: company.id }, env);
  }
  return names;
}

async function peopleIn(database: OpenDatabase) {
  return database.db
    .selectFrom('people')
    .leftJoin('companies', 'companies.id', 'people.company_id')
    .select(['people.last_name as lastName', 'companies.name as company'])
    .orderBy('people.last_name')
    .execute();
}

describe('an export past the rows one sheet holds', () => {
  it('goes on into numbered sheets with the same header, and the whole database re-imports', async () => {
    const dir = tempDir();
    const source = await openTestDatabase(dir);
    const target = await createDatabase(path.join(dir, 'b.kartoteka'), 'B', TEST_PASSPHRASE);
    try {
      const names = await fiveColleaguesOfOneCompany(source);
      const workbook = path.join(dir, 'all.xlsx');
      const { rows } = await exportDatabase(source.db, { path: workbook, language: 'ru' });
      expect(rows).toBe(6);

      const sheets = await sheetsOf(workbook);
      expect(sheets.filter((sheet) => sheet.state !== 'hidden').map((sheet) => sheet.name)).toEqual([
        'Компании',
        'Люди',
        'Люди (2)',
        'Люди (3)',
      ]);
      const people = sheets.filter((sheet) => sheet.name.startsWith('Люди'));
      expect(people.map((sheet) => sheet.values.length - 1)).toEqual([2, 2, 1]);
      // Each continuation starts with the same header row.
      expect(new Set(people.map((sheet) => JSON.stringify(sheet.values[0]))).size).toBe(1);

      const sessions = new ImportSessions();
      const file = await sessions.open(target.db, { path: workbook });
      expect(file.ownWorkbook).toBe(true);
      const report = await sessions.run(target.db, file.sessionId, suggestedSetup(file), env);
      expect(report.summary.people).toMatchObject({ create: 5, skip: 0 });
      expect(report.summary.companies).toMatchObject({ create: 1, skip: 0 });
      expect(await peopleIn(target)).toEqual(names.map((lastName) => ({ lastName, company: 'ООО «Ромашка»' })));
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('keeps an "export for editing" workbook updating the same records from every sheet', async () => {
    const dir = tempDir();
    const database = await openTestDatabase(dir);
    try {
      await fiveColleaguesOfOneCompany(database);
      const workbook = path.join(dir, 'edit.xlsx');
      const request = ExportRequest.parse({
        entity: 'person',
        target: null,
        columns: ['lastName', 'position'],
        format: { kind: 'xlsx' },
        forEditing: true,
        language: 'en',
        path: workbook,
        sort: null,
      });
      expect((await exportRecords(database.db, request, env)).rows).toBe(5);

      // The last sheet's person gets a position in "Excel".
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(workbook);
      expect(book.worksheets.filter((sheet) => sheet.state === 'visible').map((sheet) => sheet.name)).toEqual([
        'People',
        'People (2)',
        'People (3)',
      ]);
      book.getWorksheet('People (3)')!.getCell('C2').value = 'Директор';
      await book.xlsx.writeFile(workbook);

      const sessions = new ImportSessions();
      const file = await sessions.open(database.db, { path: workbook });
      const setup = { ...suggestedSetup(file), options: { mode: 'update' as const, matchKeys: ['id' as const] } };
      const report = await sessions.run(database.db, file.sessionId, setup, env);
      expect(report.summary.people).toMatchObject({ create: 0, update: 1, unchanged: 4, skip: 0 });
      const directors = await database.db
        .selectFrom('people')
        .select('last_name')
        .where('position', '=', 'Директор')
        .execute();
      expect(directors).toEqual([{ last_name: 'Дмитриев' }]);
    } finally {
      await database.close();
    }
  });
});
