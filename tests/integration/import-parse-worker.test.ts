import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportSetup, type ImportSetupInput } from '../../shared/domain/imports';
import { runImportEngine } from '../../main/import/import-engine';
import { OutcomeStore } from '../../main/import/outcome-store';
import { createCustomField } from '../../main/services/custom-fields-service';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { createUser } from '../../main/services/users-service';
import { openXlsx } from '../../main/spreadsheets/xlsx-source';
import { writeWorkbook } from '../support/import-fixtures';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

const SHEET = 'Клиенты';
const REGIONS = ['Север', 'север', 'Юг', 'Южный', 'Запад', null];
const CHANNELS = ['звонок', 'почта', 'telegram', 'голубь', null];

/** 1,234 rows: several batches, value choices of three kinds, bad dates, empty names. */
function rows() {
  const data: Array<Array<string | number | Date | null>> = [
    ['ФИО', 'Телефон', 'E-mail', 'Ответственный', 'Регион', 'Канал', 'Дата рождения'],
  ];
  for (let i = 1; i <= 1234; i += 1) {
    data.push([
      i % 97 === 0 ? null : `Фамилия${i} Имя${i % 50} Отчество`,
      i % 3 === 0 ? `8 916 ${String(1000000 + i).slice(1, 4)}-${String(i % 100).padStart(2, '0')}-11` : 79160000000 + i,
      i % 5 === 0 ? `bad${i}@` : `person${i % 700}@example.ru`,
      i % 4 === 0 ? 'Ольга' : i % 4 === 1 ? 'Новый Менеджер' : null,
      REGIONS[i % REGIONS.length] ?? null,
      CHANNELS[i % CHANNELS.length] ?? null,
      i % 11 === 0 ? '31.02.1990' : new Date(Date.UTC(1960 + (i % 40), i % 12, (i % 27) + 1)),
    ]);
  }
  return data;
}

describe('parsing a big sheet in a worker thread', () => {
  const env = testEnv();
  const tempDir = useTempDir();
  let database: OpenDatabase;
  let file: string;
  let setup: ImportSetupInput;

  beforeEach(async () => {
    const dir = tempDir();
    database = await openTestDatabase(dir);
    await createUser(database.db, { displayName: 'Ольга' }, env);
    const region = await createCustomField(
      database.db,
      { entity: 'person', label: 'Регион', type: 'select', options: ['Север', 'Юг', 'Запад'] },
      env,
    );
    file = await writeWorkbook(dir, 'большой.xlsx', rows(), SHEET);
    setup = {
      sheets: [
        {
          sheet: SHEET,
          entity: 'person',
          headerRow: 0,
          columns: [
            { index: 0, targets: ['fullName'] },
            { index: 1, targets: ['phone.mobile'] },
            { index: 2, targets: ['email.work'] },
            { index: 3, targets: ['owner'] },
            { index: 4, targets: [`custom.${region.key}`] },
            { index: 5, targets: ['preferredChannel'] },
            { index: 6, targets: ['birthday'] },
          ],
        },
      ],
      options: { createMissingOwners: true, matchKeys: ['email'], inFileDuplicates: 'merge' },
      valueMappings: [{ field: `custom.${region.key}`, values: { южныи: 'Юг' } }],
      fixes: [{ sheet: SHEET, row: 11, column: 6, value: '01.02.1990' }],
      skippedRows: [{ sheet: SHEET, row: 5 }],
    };
  });
  afterEach(async () => {
    await database.close();
  });

  /** A dry run of the sheet, parsed on this thread or (workerFromBytes 0) in a worker. */
  async function dryRun(workerFromBytes?: number) {
    const outcomes = new OutcomeStore();
    const source = await openXlsx(file, workerFromBytes);
    expect(source.workerPath?.(setup.sheets[0]!.sheet)).toBe(workerFromBytes === 0 ? file : null);
    const result = await runImportEngine({
      db: database.db,
      source,
      setup: ImportSetup.parse(setup),
      env,
      importId: null,
      fileName: 'parse.xlsx',
      outcomes,
      // A dry run parses on the main thread unless told otherwise: told here, to compare the two.
      parseInWorker: true,
    });
    return { ...result, outcomes: outcomes.page('all', 0, 2000) };
  }

  it('gives the same summary, value choices and row outcomes as parsing on the main thread', async () => {
    const here = await dryRun();
    const inWorker = await dryRun(0);
    expect(here.summary.rows).toBe(1234);
    expect(here.summary.people.skip).toBeGreaterThan(0);
    expect(here.summary.people.merge).toBeGreaterThan(0);
    expect(here.choices.map((choice) => choice.field)).toEqual([
      'owner',
      'preferredChannel',
      expect.stringMatching(/^custom\./),
    ]);
    expect(inWorker.summary).toEqual(here.summary);
    expect(inWorker.choices).toEqual(here.choices);
    expect(inWorker.outcomes).toEqual(here.outcomes);
    // The fix and the skipped row reached the parse in the worker too.
    const fixed = inWorker.outcomes.rows.find((row) => row.row === 11);
    expect(fixed?.problems.filter((problem) => problem.field === 'birthday')).toEqual([]);
    expect(inWorker.summary.skippedByReason['skippedByUser']).toBe(1);
    expect(inWorker.outcomes.rows.some((row) => row.row === 5)).toBe(false);
  });
  it("keeps counting a value an earlier sheet listed, past the worker's cap of listed values", async () => {
    const region = (await database.db.selectFrom('custom_field_definitions').select('key').executeTakeFirstOrThrow())
      .key;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Первый').addRows([
      ['ФИО', 'Регион'],
      ['Первый Пётр', 'Ключевой'],
    ]);
    const many = [['ФИО', 'Регион']];
    for (let i = 1; i <= 600; i += 1) many.push([`Второй${i} Иван`, `Регион ${i}`]);
    for (let i = 1; i <= 5; i += 1) many.push([`Поздний${i} Олег`, 'Ключевой']);
    workbook.addWorksheet('Второй').addRows(many);
    file = `${tempDir()}/два листа.xlsx`;
    await workbook.xlsx.writeFile(file);
    const columns = [
      { index: 0, targets: ['fullName'] },
      { index: 1, targets: [`custom.${region}`] },
    ];
    setup = {
      sheets: ['Первый', 'Второй'].map((sheet) => ({ sheet, entity: 'person' as const, headerRow: 0, columns })),
    };
    const keyCount = (result: Awaited<ReturnType<typeof dryRun>>) =>
      result.choices
        .find((choice) => choice.field === `custom.${region}`)
        ?.values.find((value) => value.source === 'Ключевой')?.count;

    const here = await dryRun();
    const inWorker = await dryRun(0);
    expect(keyCount(here)).toBe(6);
    expect(keyCount(inWorker)).toBe(6);
    expect(inWorker.choices).toEqual(here.choices);
  });
});
