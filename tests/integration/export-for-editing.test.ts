/**
 * "Export for editing": the workbook keeps a locked, hidden id column and drop-downs, and
 * re-importing it after edits in Excel updates the same records rather than creating new ones.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportRecords } from '../../main/export/export-service';
import { readZipDirectory, readZipEntry } from '../../main/spreadsheets/zip-source';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { ImportSessions, suggestedSetup } from '../../main/services/import-service';
import { createCustomField } from '../../main/services/custom-fields-service';
import { createPerson, getPerson } from '../../main/services/people-service';
import { createUser } from '../../main/services/users-service';
import type { Person } from '../../shared/domain/people';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

describe('export for editing', () => {
  const env = testEnv();
  let database: OpenDatabase;
  let dir: string;
  let anna: Person;
  let boris: Person;

  beforeEach(async () => {
    dir = tempDir();
    database = await openTestDatabase(dir);
    const owner = await createUser(database.db, { displayName: 'Мария Менеджер' }, env);
    await createUser(database.db, { displayName: 'Олег Продажи' }, env);
    anna = await createPerson(
      database.db,
      {
        lastName: 'Смирнова',
        firstName: 'Анна',
        position: 'Бухгалтер',
        ownerId: owner.id,
        phones: [{ value: '89161234567' }],
      },
      env,
    );
    boris = await createPerson(database.db, { lastName: 'Борисов', firstName: 'Борис', notes: '=HYPERLINK("x")' }, env);
  });
  afterEach(async () => {
    await database.close();
  });

  /** What re-importing the file onto the records it names by id would do. */
  async function dryRunUpdateById(file: string) {
    const sessions = new ImportSessions();
    const opened = await sessions.open(database.db, { path: file });
    const setup = { ...suggestedSetup(opened), options: { mode: 'update' as const, matchKeys: ['id' as const] } };
    return (await sessions.dryRun(database.db, opened.sessionId, setup, env)).summary;
  }

  it('re-imports edits onto the same records', async () => {
    const file = path.join(dir, 'edit.xlsx');
    const written = await exportRecords(
      database.db,
      {
        entity: 'person',
        target: { ids: [anna.id, boris.id] },
        columns: ['lastName', 'firstName', 'position', 'owner', 'notes'],
        format: { kind: 'xlsx' },
        forEditing: true,
        path: file,
        language: 'ru',
      },
      env,
    );
    expect(written.rows).toBe(2);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Люди')!;
    // What the importer reads back is out of the user's way.
    expect(workbook.getWorksheet('_kartoteka')?.state).toBe('hidden');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'ID в Картотеке',
      'Фамилия',
      'Имя',
      'Должность',
      'Ответственный',
      'Заметки',
    ]);
    expect(sheet.getColumn(1).hidden).toBe(true);
    expect(sheet.getCell('F3').value).toBe(`'=HYPERLINK("x")`);
    // Edit in "Excel": a new position and another owner from the drop-down.
    const annaRow = sheet.getRow(2).getCell(2).value === 'Смирнова' ? 2 : 3;
    sheet.getRow(annaRow).getCell(4).value = 'Главный бухгалтер';
    sheet.getRow(annaRow).getCell(5).value = 'Олег Продажи';
    await workbook.xlsx.writeFile(file);

    const sessions = new ImportSessions();
    const opened = await sessions.open(database.db, { path: file });
    expect(opened.ownWorkbook).toBe(true);
    const report = await sessions.run(
      database.db,
      opened.sessionId,
      { ...suggestedSetup(opened), options: { mode: 'update', matchKeys: ['id'] } },
      env,
    );
    expect(report.summary.people).toMatchObject({ create: 0, update: 1, unchanged: 1, skip: 0 });
    expect(await database.db.selectFrom('people').select('id').execute()).toHaveLength(2);
    const edited = await getPerson(database.db, anna.id);
    expect(edited).toMatchObject({ position: 'Главный бухгалтер', owner: { name: 'Олег Продажи' } });
    expect(edited.phones.map((phone) => phone.value)).toEqual(['+79161234567']);
    expect((await getPerson(database.db, boris.id)).notes).toBe('=HYPERLINK("x")');
  });

  it('re-imports an untouched workbook without a change: consent times to the second, Windows line breaks', async () => {
    const carol = await createPerson(
      database.db,
      {
        lastName: 'Каролева',
        firstName: 'Кира',
        notes: 'Строка из CSV\r\nвторая строка',
        contactConsent: { granted: true, at: '2026-03-05T10:20:30.123Z', source: 'веб-форма' },
      },
      env,
    );
    const file = path.join(dir, 'untouched.xlsx');
    await exportRecords(
      database.db,
      {
        entity: 'person',
        target: { ids: [anna.id, carol.id] },
        columns: null,
        format: { kind: 'xlsx' },
        forEditing: true,
        path: file,
        language: 'ru',
      },
      env,
    );
    expect((await dryRunUpdateById(file)).people).toMatchObject({ create: 0, update: 0, unchanged: 2, skip: 0 });
  });

  it('writes each protected sheet’s parts in the order Excel requires (protection before the autofilter)', async () => {
    const file = path.join(dir, 'order.xlsx');
    await exportRecords(
      database.db,
      {
        entity: 'person',
        target: { ids: [anna.id, boris.id] },
        columns: ['lastName', 'firstName', 'owner'],
        format: { kind: 'xlsx' },
        forEditing: true,
        path: file,
        language: 'ru',
      },
      env,
    );
    const entries = await readZipDirectory(file);
    const sheets = [...entries.keys()].filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    for (const name of sheets) {
      const xml = (await readZipEntry(file, entries.get(name)!)).toString('utf8');
      // CT_Worksheet's sequence: sheetData, sheetProtection, autoFilter, …, dataValidations, pageMargins.
      const at = (tag: string) => xml.indexOf(`<${tag}`);
      expect(at('sheetProtection'), name).toBeGreaterThan(at('sheetData'));
      for (const later of ['autoFilter', 'dataValidations', 'pageMargins']) {
        if (at(later) !== -1) expect(at(later), `${name}: ${later}`).toBeGreaterThan(at('sheetProtection'));
      }
    }
  });

  it('writes address kinds in words, offers them in a drop-down and reads the one picked back', async () => {
    const vera = await createPerson(
      database.db,
      { lastName: 'Адресова', firstName: 'Вера', addresses: [{ label: 'work', city: 'Тверь' }] },
      env,
    );
    const file = path.join(dir, 'addresses.xlsx');
    const request = {
      entity: 'person' as const,
      target: { ids: [vera.id] },
      columns: ['lastName', 'address.city', 'address.label'],
      format: { kind: 'xlsx' as const },
      forEditing: true,
      path: file,
      language: 'ru' as const,
    };
    await exportRecords(database.db, request, env);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Люди')!;
    expect(sheet.getCell('D2').value).toBe('Рабочий');
    const validation = sheet.getCell('D2').dataValidation;
    expect(validation.type).toBe('list');
    // A short list goes inline in the validation itself.
    expect(validation.formulae).toEqual(['"Рабочий,Домашний,Почтовый,Другой"']);
    // Picked from the drop-down.
    sheet.getCell('D2').value = 'Домашний';
    await workbook.xlsx.writeFile(file);
    const sessions = new ImportSessions();
    const opened = await sessions.open(database.db, { path: file });
    await sessions.run(
      database.db,
      opened.sessionId,
      { ...suggestedSetup(opened), options: { mode: 'update', matchKeys: ['id'] } },
      env,
    );
    expect((await getPerson(database.db, vera.id)).addresses).toEqual([
      expect.objectContaining({ city: 'Тверь', label: 'home' }),
    ]);
  });

  it('reads its own CSV’s numbers with three decimals back as they were, in either encoding', async () => {
    const field = await createCustomField(database.db, { entity: 'person', label: 'Коэффициент', type: 'number' }, env);
    const ids: number[] = [];
    for (const [lastName, value] of [
      ['Дробнова', 2.125],
      ['Целов', 80],
    ] as const) {
      ids.push((await createPerson(database.db, { lastName, customFields: { [field.key]: value } }, env)).id);
    }
    for (const encoding of ['windows-1251', 'utf-8'] as const) {
      const file = path.join(dir, `numbers-${encoding}.csv`);
      await exportRecords(
        database.db,
        {
          entity: 'person',
          target: { ids },
          columns: ['id', 'lastName', `custom.${field.key}`],
          format: { kind: 'csv', encoding },
          forEditing: false,
          path: file,
          language: 'ru',
        },
        env,
      );
      expect((await dryRunUpdateById(file)).people, encoding).toMatchObject({ update: 0, unchanged: 2 });
    }
  });

  it('re-imports a Windows-1251 CSV without writing its "?" over the letters it could not hold', async () => {
    const alia = await createPerson(
      database.db,
      { lastName: 'Нұрланқызы', firstName: 'Әлия', tags: ['Қазақстан'], position: 'Бухгалтер' },
      env,
    );
    const file = path.join(dir, 'cp1251.csv');
    const written = await exportRecords(
      database.db,
      {
        entity: 'person',
        target: { ids: [alia.id] },
        columns: ['id', 'lastName', 'firstName', 'tags', 'position'],
        format: { kind: 'csv', encoding: 'windows-1251' },
        forEditing: true,
        path: file,
        language: 'ru',
      },
      env,
    );
    expect(written.unencodable).toBeGreaterThan(0);
    expect((await dryRunUpdateById(file)).people).toMatchObject({ update: 0, unchanged: 1 });
    // An edit made in the file still lands, the letters it could not hold stay.
    const text = iconv.decode(fs.readFileSync(file), 'windows-1251').replace('Бухгалтер', 'Главный бухгалтер');
    fs.writeFileSync(file, iconv.encode(text, 'windows-1251'));
    const sessions = new ImportSessions();
    const opened = await sessions.open(database.db, { path: file });
    const setup = { ...suggestedSetup(opened), options: { mode: 'update' as const, matchKeys: ['id' as const] } };
    await sessions.run(database.db, opened.sessionId, setup, env);
    expect(await getPerson(database.db, alia.id)).toMatchObject({
      lastName: 'Нұрланқызы',
      firstName: 'Әлия',
      tags: ['Қазақстан'],
      position: 'Главный бухгалтер',
    });
  });

  it('writes CSV for old Russian Excel in Windows-1251 with semicolons and guarded formulas', async () => {
    const file = path.join(dir, 'people.csv');
    await exportRecords(
      database.db,
      {
        entity: 'person',
        target: null,
        columns: ['lastName', 'firstName', 'notes', 'phone.mobile'],
        format: { kind: 'csv', encoding: 'windows-1251' },
        forEditing: false,
        path: file,
        language: 'ru',
      },
      env,
    );
    const text = iconv.decode(fs.readFileSync(file), 'windows-1251');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Фамилия;Имя;Заметки;Мобильный телефон');
    expect(lines).toContain(`Смирнова;Анна;;'+79161234567`);
    expect(lines).toContain(`Борисов;Борис;"'=HYPERLINK(""x"")";`);
  });
});
