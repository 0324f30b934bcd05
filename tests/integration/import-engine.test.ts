import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportFile, ImportSetupInput, SheetPreview } from '../../shared/domain/imports';
import { AppError } from '../../shared/errors';
import type { Person } from '../../shared/domain/people';
import { getCompany } from '../../main/services/companies-service';
import { createCustomField } from '../../main/services/custom-fields-service';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { ImportSessions, saveImportTemplate, undoImport, unknownTargets } from '../../main/services/import-service';
import { createPerson, getPerson } from '../../main/services/people-service';
import { search } from '../../main/services/search-service';
import { rebuildSearchIndex } from '../../main/db/search-index';
import { searchTokens } from '../support/search-tokens';
import {
  MESSY_HEADER_ROW,
  MESSY_HEADERS,
  MESSY_SHEET,
  writeCp1251Csv,
  writeCsv,
  writeGoogleCsv,
  writeManyPeopleCsv,
  writeMessyWorkbook,
  writeOutlookCsv,
  writeVcard,
  writeWorkbook,
} from '../support/import-fixtures';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { expectAppError } from '../support/shared-test-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

/** The setup the wizard sends when the user accepts every suggestion. */
function acceptSuggestions(file: ImportFile, options: ImportSetupInput['options'] = {}): ImportSetupInput {
  return {
    sheets: file.sheets.map((sheet: SheetPreview) => ({
      sheet: sheet.name,
      entity: sheet.entity,
      headerRow: sheet.headerRow,
      columns: sheet.columns.map(({ index, targets, labelColumn, addressLabel }) => ({
        index,
        targets,
        labelColumn,
        addressLabel,
      })),
    })),
    options,
  };
}

const targetsOf = (sheet: SheetPreview) =>
  Object.fromEntries(sheet.columns.filter((c) => c.targets.length > 0).map((c) => [c.header, c.targets]));

async function peopleByName(database: OpenDatabase): Promise<Map<string, Person>> {
  const rows = await database.db.selectFrom('people').select('id').orderBy('id').execute();
  const people = await Promise.all(rows.map((row) => getPerson(database.db, row.id)));
  return new Map(people.map((person) => [person.displayName, person]));
}

const phonesOf = (person: Person | undefined) => person?.phones.map((phone) => phone.value) ?? [];
const emailsOf = (person: Person | undefined) => person?.emails.map((email) => email.value) ?? [];

describe('spreadsheet import engine', () => {
  const env = testEnv();
  let database: OpenDatabase;
  let sessions: ImportSessions;
  let dir: string;

  beforeEach(async () => {
    dir = tempDir();
    database = await openTestDatabase(dir);
    sessions = new ImportSessions();
  });
  afterEach(async () => {
    sessions.closeAll();
    await database.close();
  });

  describe('a messy Russian workbook', () => {
    it('finds the header row and suggests the columns', async () => {
      const file = await sessions.open(database.db, { path: await writeMessyWorkbook(dir) });
      expect(file.format).toBe('xlsx');
      expect(file.ownWorkbook).toBe(false);
      const [sheet] = file.sheets;
      expect(sheet!.name).toBe(MESSY_SHEET);
      expect(sheet!.headerRow).toBe(MESSY_HEADER_ROW);
      expect(sheet!.entity).toBe('person');
      expect(sheet!.template).toBeNull();
      expect(sheet!.rows[MESSY_HEADER_ROW]).toEqual([...MESSY_HEADERS]);
      expect(targetsOf(sheet!)).toEqual({
        ФИО: ['fullName'],
        Телефон: ['phone.mobile'],
        'E-mail': ['email.work'],
        Организация: ['company'],
        Должность: ['position'],
        Город: ['address.city'],
        'Дата рождения': ['birthday'],
        Ответственный: ['owner'],
        Комментарий: ['notes'],
        Теги: ['tags'],
      });
    });

    it('dry-runs without writing and reports counts and cell problems', async () => {
      const file = await sessions.open(database.db, { path: await writeMessyWorkbook(dir) });
      const dry = await sessions.dryRun(database.db, file.sessionId, acceptSuggestions(file), env);
      expect(dry.summary).toMatchObject({
        rows: 6,
        people: { create: 4, update: 0, unchanged: 0, merge: 1, skip: 1 },
        companies: { create: 0, update: 0, unchanged: 0, merge: 0, skip: 0 },
        linkedCompaniesCreated: 2,
        skippedByReason: { missingName: 1 },
      });
      expect(dry.summary.errors).toBe(1);
      expect(dry.summary.warnings).toBeGreaterThanOrEqual(1);

      const problems = sessions.rows(file.sessionId, 'problems', 0, 100);
      expect(problems.headers[MESSY_SHEET]).toEqual([...MESSY_HEADERS]);
      const byRow = new Map(problems.rows.map((row) => [row.row, row]));
      // Sheet rows: 4 header + data from 5 (0-based 4).
      expect(byRow.get(7)).toMatchObject({ action: 'skip' });
      expect(byRow.get(7)!.problems.map((p) => p.code)).toEqual(['missingName']);
      expect(byRow.get(8)).toMatchObject({ action: 'create' });
      expect(byRow.get(8)!.problems).toEqual([
        { column: 2, field: 'email.work', code: 'invalidEmail', severity: 'warning', value: 'kuznetsov@@example' },
      ]);
      expect(byRow.get(8)!.cells[0]).toBe('Кузнецов Алексей');

      const skipped = sessions.rows(file.sessionId, 'skipped', 0, 100);
      expect(skipped.rows.map((row) => row.row)).toEqual([7]);
      const merged = sessions.rows(file.sessionId, 'updates', 0, 100);
      expect(merged.rows.map((row) => [row.row, row.action])).toEqual([[9, 'merge']]);

      expect(await database.db.selectFrom('people').select('id').execute()).toEqual([]);
      expect(await database.db.selectFrom('companies').select('id').execute()).toEqual([]);
      expect(await database.db.selectFrom('imports').select('id').execute()).toEqual([]);
    });

    it('imports people with E.164 phones, split names, birthdays, companies and tags', async () => {
      const file = await sessions.open(database.db, { path: await writeMessyWorkbook(dir) });
      const setup = acceptSuggestions(file);
      const dry = await sessions.dryRun(database.db, file.sessionId, setup, env);
      const report = await sessions.run(database.db, file.sessionId, setup, env);
      expect(report.summary).toEqual(dry.summary);
      expect(report.summary.linkedCompaniesCreated).toBe(2);

      const people = await peopleByName(database);
      expect([...people.keys()].sort()).toEqual(
        ['Иванов Иван Иванович', 'Кузнецов Алексей', 'Петрова Мария Сергеевна', 'Сидоров Пётр'].sort(),
      );
      const ivanov = people.get('Иванов Иван Иванович')!;
      expect(ivanov).toMatchObject({
        lastName: 'Иванов',
        firstName: 'Иван',
        middleName: 'Иванович',
        position: 'Директор',
        birthday: '1980-02-15',
        notes: 'Звонить после 18:00',
        company: { name: 'ООО «Ромашка»' },
      });
      // The duplicate row further down was merged in: its new phone and tag joined.
      expect(phonesOf(ivanov)).toEqual(['+79161234567', '+79169998877']);
      expect(emailsOf(ivanov)).toEqual(['ivanov@example.ru']);
      expect([...ivanov.tags].sort()).toEqual(['VIP', 'Новый', 'Опт']);
      expect(ivanov.addresses.map((address) => address.city)).toEqual(['Москва']);

      const petrova = people.get('Петрова Мария Сергеевна')!;
      expect(petrova).toMatchObject({ birthday: '1985-03-05', position: 'Бухгалтер' });
      expect(phonesOf(petrova)).toEqual(['+79167654321']);
      expect(petrova.company?.id).toBe(ivanov.company?.id);

      const sidorov = people.get('Сидоров Пётр')!;
      expect(sidorov).toMatchObject({ lastName: 'Сидоров', firstName: 'Пётр', middleName: null });
      expect(phonesOf(sidorov)).toEqual(['+79161112233', '+74951234567']);
      expect(sidorov.company?.name).toBe('АО «Вектор»');
      expect((await getCompany(database.db, sidorov.company!.id)).name).toBe('АО «Вектор»');

      const kuznetsov = people.get('Кузнецов Алексей')!;
      expect(emailsOf(kuznetsov)).toEqual([]);
      expect(phonesOf(kuznetsov)).toEqual(['+79162223344']);

      const companies = await database.db.selectFrom('companies').select('name').orderBy('name').execute();
      expect(companies.map((row) => row.name)).toEqual(['АО «Вектор»', 'ООО «Ромашка»']);

      const hits = await search(database.db, 'Сидоров', { limit: 5, types: ['person'], defaultCountry: 'RU' });
      expect(hits.map((hit) => hit.id)).toEqual([sidorov.id]);
      const byPhone = await search(database.db, '8 916 765-43-21', {
        limit: 5,
        types: ['person'],
        defaultCountry: 'RU',
      });
      expect(byPhone.map((hit) => hit.id)).toEqual([petrova.id]);
      const companyHits = await search(database.db, 'Вектор', { limit: 5, types: ['company'], defaultCountry: 'RU' });
      expect(companyHits.map((hit) => hit.id)).toEqual([sidorov.company!.id]);

      const imports = await database.db.selectFrom('imports').selectAll().execute();
      expect(imports).toHaveLength(1);
      expect(imports[0]).toMatchObject({ id: report.importId, file_name: 'клиенты.xlsx', mode: 'upsert' });
      const journal = await database.db.selectFrom('import_records').selectAll().execute();
      expect(journal.filter((row) => row.entity === 'person' && row.action === 'created')).toHaveLength(4);
      expect(journal.filter((row) => row.entity === 'company' && row.action === 'created')).toHaveLength(2);
    });
  });

  it('reads a two-row header: the columns merged down both rows keep their names', async () => {
    const file = path.join(dir, 'двухстрочная шапка.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Клиенты');
    sheet.addRow(['ФИО', 'Контакты', null, 'Компания', 'Дата рождения']);
    sheet.addRow([null, 'Телефон', 'E-mail', null, null]);
    for (const range of ['A1:A2', 'B1:C1', 'D1:D2', 'E1:E2']) sheet.mergeCells(range);
    sheet.addRow(['Иванов Иван Иванович', '8 916 123-45-67', 'ivanov@example.ru', 'ООО «Ромашка»', '01.02.1980']);
    await workbook.xlsx.writeFile(file);
    const opened = await sessions.open(database.db, { path: file });
    const [preview] = opened.sheets;
    expect(preview?.headerRow).toBe(1);
    expect(preview?.columns.map((column) => [column.header, column.targets])).toEqual([
      ['ФИО', ['fullName']],
      ['Телефон', ['phone.mobile']],
      ['E-mail', ['email.work']],
      ['Компания', ['company']],
      ['Дата рождения', ['birthday']],
    ]);
    await sessions.run(database.db, opened.sessionId, acceptSuggestions(opened), env);
    const ivanov = (await peopleByName(database)).get('Иванов Иван Иванович');
    expect(ivanov).toMatchObject({ birthday: '1980-02-01', company: { name: 'ООО «Ромашка»' } });
    expect(phonesOf(ivanov)).toEqual(['+79161234567']);
  });

  it('gives every row of a company merged down its people’s rows that company, as Excel shows it', async () => {
    const file = path.join(dir, 'объединённые ячейки.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Клиенты');
    sheet.addRow(['Компания', 'ФИО', 'Телефон', 'Город']);
    sheet.addRow(['ООО «Ромашка»', 'Иванов Иван', '+7 916 111-11-11', 'Тверь']);
    sheet.addRow([null, 'Петрова Мария', '+7 916 222-22-22']);
    sheet.addRow([null, 'Сидоров Пётр', '+7 916 333-33-33']);
    sheet.addRow(['АО «Вектор»', 'Козлова Анна', '+7 916 444-44-44', 'Казань']);
    sheet.addRow([null, 'Орлов Глеб', '+7 916 555-55-55']);
    // Each company down its people's rows, and a city down two of them.
    for (const range of ['A2:A4', 'A5:A6', 'D2:D3']) sheet.mergeCells(range);
    await workbook.xlsx.writeFile(file);
    const opened = await sessions.open(database.db, { path: file });
    await sessions.run(database.db, opened.sessionId, acceptSuggestions(opened), env);
    const people = await peopleByName(database);
    const companyOf = (name: string) => people.get(name)?.company?.name ?? null;
    expect(['Иванов Иван', 'Петрова Мария', 'Сидоров Пётр'].map(companyOf)).toEqual(Array(3).fill('ООО «Ромашка»'));
    expect(['Козлова Анна', 'Орлов Глеб'].map(companyOf)).toEqual(['АО «Вектор»', 'АО «Вектор»']);
    expect(people.get('Петрова Мария')?.addresses.map((address) => address.city)).toEqual(['Тверь']);
    expect(people.get('Сидоров Пётр')?.addresses).toEqual([]);
  });

  it('imports a CP1251 semicolon CSV from Russian Excel', async () => {
    const file = await sessions.open(database.db, { path: writeCp1251Csv(dir) });
    expect(file.csv).toEqual({ encoding: 'windows-1251', delimiter: ';' });
    expect(targetsOf(file.sheets[0]!)).toEqual({
      Фамилия: ['lastName'],
      Имя: ['firstName'],
      Отчество: ['middleName'],
      'Моб. телефон': ['phone.mobile'],
      Почта: ['email.work'],
    });
    const report = await sessions.run(database.db, file.sessionId, acceptSuggestions(file), env);
    expect(report.summary.people.create).toBe(2);
    const people = await peopleByName(database);
    expect(people.get('Ёлкина Мария Петровна')).toMatchObject({
      lastName: 'Ёлкина',
      firstName: 'Мария',
      middleName: 'Петровна',
    });
    expect(phonesOf(people.get('Ёлкина Мария Петровна'))).toEqual(['+79165556677']);
    expect(emailsOf(people.get('Соловьёв Пётр Ильич'))).toEqual(['solovyov@example.ru']);
    expect(phonesOf(people.get('Соловьёв Пётр Ильич'))).toEqual(['+79031234567']);
  });

  it('imports a Google Contacts CSV', async () => {
    const file = await sessions.open(database.db, { path: writeGoogleCsv(dir) });
    const report = await sessions.run(database.db, file.sessionId, acceptSuggestions(file), env);
    expect(report.summary.people.create).toBe(2);
    const people = await peopleByName(database);
    const anna = people.get('Anna Smith')!;
    expect(anna).toMatchObject({
      firstName: 'Anna',
      lastName: 'Smith',
      birthday: '1990-07-04',
      notes: 'Met at the fair',
      position: 'CTO',
      company: { name: 'Acme Inc' },
    });
    // Each value under the kind its label column names, the addresses both kept with theirs.
    expect(anna.phones.map(({ value, label }) => [value, label])).toEqual([
      ['+14155550134', 'mobile'],
      ['+14155550199', 'fax'],
    ]);
    expect(anna.emails).toEqual([{ value: 'anna.smith@example.com', label: 'work' }]);
    expect(anna.addresses.map(({ city, label }) => [city, label])).toEqual([
      ['San Francisco', 'home'],
      ['Palo Alto', 'work'],
    ]);
    expect(anna.tags).toEqual(['Clients']);
    const gusev = people.get('Гусев Борис Олегович')!;
    // No label: the column's own kind.
    expect(gusev.phones.map(({ value, label }) => [value, label])).toEqual([
      ['+79163334455', 'mobile'],
      ['+74951112233', 'mobile'],
    ]);
    expect(gusev.emails).toEqual([{ value: 'gusev@example.ru', label: 'personal' }]);
    expect(gusev.addresses).toEqual([expect.objectContaining({ city: 'Тверь', label: 'work' })]);
    expect(gusev.tags).toEqual([]);
    expect(gusev.company).toBeNull();
  });

  it('never clears a number a Google row files under another kind, even when empty cells clear', async () => {
    const existing = await createPerson(
      database.db,
      { firstName: 'Анна', lastName: 'Смит', phones: [{ value: '+7 495 123-45-67', label: 'mobile' }] },
      env,
    );
    const file = writeCsv(dir, 'google-update.csv', [
      ['First Name', 'Last Name', 'Phone 1 - Label', 'Phone 1 - Value', 'Phone 2 - Label', 'Phone 2 - Value'],
      ['Анна', 'Смит', 'Work', '+7 495 123-45-67', '', ''],
    ]);
    const opened = await sessions.open(database.db, { path: file });
    const options = { mode: 'update' as const, matchKeys: ['phone' as const], overwriteWithEmpty: true };
    const report = await sessions.run(database.db, opened.sessionId, acceptSuggestions(opened, options), env);
    expect(report.summary.people.skip).toBe(0);
    const after = await getPerson(database.db, existing.id);
    expect(after.phones.map((phone) => phone.value)).toEqual(['+74951234567']);
  });

  it('with lists replaced, a number a Google row files under another kind moves there, kept once', async () => {
    const existing = await createPerson(
      database.db,
      {
        firstName: 'Анна',
        lastName: 'Смит',
        phones: [
          { value: '+7 495 123-45-67', label: 'mobile' },
          { value: '+7 916 000-00-01', label: 'mobile' },
        ],
        emails: [{ value: 'anna@example.ru', label: 'work' }],
      },
      env,
    );
    const file = writeCsv(dir, 'google-replace.csv', [
      ['First Name', 'Last Name', 'Phone 1 - Label', 'Phone 1 - Value'],
      ['Анна', 'Смит', 'Work', '+7 495 123-45-67'],
    ]);
    const opened = await sessions.open(database.db, { path: file });
    const options = { mode: 'update' as const, matchKeys: ['phone' as const], replaceLists: true };
    await sessions.dryRun(database.db, opened.sessionId, acceptSuggestions(opened, options), env);
    const [update] = sessions.rows(opened.sessionId, 'updates', 0, 100).rows;
    expect(update?.changes).toEqual([
      { field: 'phone.work', before: null, after: '+74951234567' },
      { field: 'phone.mobile', before: '+74951234567, +79160000001', after: '+79160000001' },
    ]);
    await sessions.run(database.db, opened.sessionId, acceptSuggestions(opened, options), env);
    const after = await getPerson(database.db, existing.id);
    // The other mobile number is no list the file maps ("Phone 1" is read as work here): it stays.
    expect(after.phones.map((phone) => [phone.label, phone.value])).toEqual([
      ['mobile', '+79160000001'],
      ['work', '+74951234567'],
    ]);
    expect(after.emails.map((email) => email.value)).toEqual(['anna@example.ru']);
  });

  it('a row skipped for having no name creates no company, in the dry run and the run alike', async () => {
    const file = writeCsv(dir, 'nameless.csv', [
      ['ФИО', 'Телефон', 'Компания'],
      ['', '+7 495 111-22-33', 'ООО Ромашка'],
      ['Иванов Иван', '+7 495 111-22-44', 'ООО Лютик'],
    ]);
    const opened = await sessions.open(database.db, { path: file });
    const dry = await sessions.dryRun(database.db, opened.sessionId, acceptSuggestions(opened), env);
    expect(dry.summary).toMatchObject({ people: { create: 1, skip: 1 }, linkedCompaniesCreated: 1 });
    const report = await sessions.run(database.db, opened.sessionId, acceptSuggestions(opened), env);
    expect(report.summary).toMatchObject({ people: { create: 1, skip: 1 }, linkedCompaniesCreated: 1 });
    const companies = await database.db.selectFrom('companies').select('name').execute();
    expect(companies.map((company) => company.name)).toEqual(['ООО Лютик']);
  });

  it('gives an address the kind of its first column, whichever of its cells a row fills', async () => {
    const file = writeCsv(dir, 'kinds.csv', [
      ['Фамилия', 'Home Street', 'Home City'],
      ['Кузнецова', '', 'Тверь'],
    ]);
    const opened = await sessions.open(database.db, { path: file });
    const setup = acceptSuggestions(opened);
    // As the wizard leaves it when "Home City" was once another address's column: the head decides.
    const columns = setup.sheets[0]!.columns!.map((column) =>
      column.index === 2 ? { ...column, addressLabel: 'postal' as const } : column,
    );
    const report = await sessions.run(
      database.db,
      opened.sessionId,
      { ...setup, sheets: [{ ...setup.sheets[0]!, columns }] },
      env,
    );
    expect(report.summary.people.create).toBe(1);
    const [person] = [...(await peopleByName(database)).values()];
    expect(person!.addresses).toEqual([expect.objectContaining({ city: 'Тверь', label: 'home' })]);
  });

  it("adds an Outlook business address to a person's home address, not over it", async () => {
    const existing = await createPerson(
      database.db,
      {
        firstName: 'Анна',
        lastName: 'Смит',
        emails: [{ value: 'anna@example.ru', label: 'work' }],
        addresses: [{ label: 'home', city: 'Москва', street: 'ул. Ленина, 1', postalCode: '101000' }],
      },
      env,
    );
    const file = writeCsv(dir, 'outlook-update.csv', [
      ['First Name', 'Last Name', 'E-mail Address', 'Business City'],
      ['Анна', 'Смит', 'anna@example.ru', 'Казань'],
    ]);
    const opened = await sessions.open(database.db, { path: file });
    const options = { mode: 'update' as const, matchKeys: ['email' as const] };
    await sessions.run(database.db, opened.sessionId, acceptSuggestions(opened, options), env);
    const after = await getPerson(database.db, existing.id);
    expect(after.addresses.map(({ label, city, street, postalCode }) => [label, city, street, postalCode])).toEqual([
      ['home', 'Москва', 'ул. Ленина, 1', '101000'],
      ['work', 'Казань', null, null],
    ]);
  });

  it("updates the work address an Outlook business city names, leaving the other groups' empty cells alone", async () => {
    const existing = await createPerson(
      database.db,
      {
        firstName: 'Борис',
        lastName: 'Смит',
        emails: [{ value: 'boris@example.ru', label: 'work' }],
        addresses: [
          { label: 'home', city: 'Москва', street: 'ул. Ленина, 1' },
          { label: 'work', city: 'Тверь' },
        ],
      },
      env,
    );
    const file = writeCsv(dir, 'outlook-groups.csv', [
      ['First Name', 'Last Name', 'E-mail Address', 'Business City', 'Home City', 'Other City'],
      ['Борис', 'Смит', 'boris@example.ru', 'Казань', '', ''],
    ]);
    const opened = await sessions.open(database.db, { path: file });
    const options = { mode: 'update' as const, matchKeys: ['email' as const], overwriteWithEmpty: true };
    await sessions.run(database.db, opened.sessionId, acceptSuggestions(opened, options), env);
    const after = await getPerson(database.db, existing.id);
    expect(after.addresses.map(({ label, city, street }) => [label, city, street])).toEqual([
      ['home', 'Москва', 'ул. Ленина, 1'],
      ['work', 'Казань', null],
    ]);
  });

  it('imports an Outlook CSV', async () => {
    const file = await sessions.open(database.db, { path: writeOutlookCsv(dir) });
    const report = await sessions.run(database.db, file.sessionId, acceptSuggestions(file), env);
    expect(report.summary).toMatchObject({ people: { create: 2 }, linkedCompaniesCreated: 2 });
    const people = await peopleByName(database);
    const john = people.get('John Doe')!;
    expect(john).toMatchObject({ position: 'Manager', company: { name: 'Contoso Ltd' }, tags: ['Partners'] });
    expect(john.phones).toEqual([
      expect.objectContaining({ value: '+447911123456', label: 'mobile', valid: true }),
      expect.objectContaining({ value: '+442079460958', label: 'work', valid: true }),
    ]);
    expect(emailsOf(john)).toEqual(['john.doe@contoso.com']);
    // The business address and the home one, each of its kind.
    expect(john.addresses.map(({ street, city, label }) => [street, city, label])).toEqual([
      [null, 'London', 'work'],
      ['221B Baker Street', 'London', 'home'],
    ]);
    const olga = people.get('Морозова Ольга')!;
    expect(olga).toMatchObject({ position: 'Юрист', company: { name: 'ООО «Ромашка»' } });
    expect(phonesOf(olga)).toEqual(['+79167778899']);
    expect(olga.addresses).toEqual([expect.objectContaining({ city: 'Тверь', label: 'home' })]);
  });

  it('imports a vCard file', async () => {
    const file = await sessions.open(database.db, { path: writeVcard(dir) });
    expect(file.format).toBe('vcard');
    const report = await sessions.run(database.db, file.sessionId, acceptSuggestions(file), env);
    expect(report.summary.people.create).toBe(2);
    const people = await peopleByName(database);
    const smirnov = people.get('Смирнов Андрей Викторович')!;
    expect(smirnov).toMatchObject({
      lastName: 'Смирнов',
      firstName: 'Андрей',
      middleName: 'Викторович',
      company: { name: 'ООО «Ромашка»' },
    });
    expect(smirnov.phones).toEqual([expect.objectContaining({ value: '+79164445566', label: 'mobile' })]);
    expect(emailsOf(smirnov)).toEqual(['smirnov@romashka.ru']);
    // Both addresses, each of its kind (the home one was dropped, the other always «work»).
    expect(smirnov.addresses).toEqual([
      expect.objectContaining({ label: 'work', street: 'Тверская ул., 1', city: 'Москва', postalCode: '125009' }),
      expect.objectContaining({ label: 'home', street: 'ул. Садовая, 3', city: 'Химки', country: 'Россия' }),
    ]);
    const emily = people.get('Emily Brown')!;
    expect(emily.phones).toEqual([expect.objectContaining({ value: '+12125550199', label: 'work' })]);
    expect(emailsOf(emily)).toEqual(['emily@globex.com']);
    expect(emily.company?.name).toBe('Globex');
  });
  it('names a vCard by its FN when its N is empty or missing, and takes no company card for a person', async () => {
    const file = path.join(dir, 'iphone.vcf');
    fs.writeFileSync(
      file,
      [
        ['BEGIN:VCARD', 'VERSION:3.0', 'N:;;;;', 'FN:Мама', 'TEL;TYPE=CELL:+7 916 100-00-01', 'END:VCARD'],
        ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Сергей Петрович Козлов', 'TEL;TYPE=CELL:+7 916 100-00-02', 'END:VCARD'],
        ['BEGIN:VCARD', 'VERSION:3.0', 'N:Орлова;Анна;;;', 'FN:Анна Орлова (работа)', 'END:VCARD'],
        // Apple's company card, and Outlook's: FN is the company's name.
        [
          'BEGIN:VCARD',
          'VERSION:3.0',
          'N:;;;;',
          'FN:ООО «Вектор»',
          'ORG:ООО «Вектор»',
          'X-ABShowAs:COMPANY',
          'END:VCARD',
        ],
        ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Globex', 'ORG:Globex', 'TEL;TYPE=WORK:+1 212 555 0100', 'END:VCARD'],
        [''],
      ]
        .flat()
        .join('\r\n'),
    );
    const opened = await sessions.open(database.db, { path: file });
    const report = await sessions.run(database.db, opened.sessionId, acceptSuggestions(opened), env);
    expect(report.summary.people.create).toBe(3);
    const people = await peopleByName(database);
    expect([...people.keys()].sort()).toEqual(['Козлов Сергей Петрович', 'Мама', 'Орлова Анна']);
    expect(phonesOf(people.get('Мама')!)).toEqual(['+79161000001']);
    expect(people.get('Козлов Сергей Петрович')).toMatchObject({ lastName: 'Козлов', middleName: 'Петрович' });
    // N's own parts, never mixed with FN's words.
    expect(people.get('Орлова Анна')).toMatchObject({ lastName: 'Орлова', firstName: 'Анна', middleName: null });
  });

  describe('updates of existing people', () => {
    const HEADERS = ['Фамилия', 'Имя', 'E-mail', 'Телефон', 'Должность', 'Комментарий', 'Дата рождения'];
    let existing: Person;

    beforeEach(async () => {
      existing = await createPerson(
        database.db,
        {
          lastName: 'Иванов',
          firstName: 'Иван',
          position: 'Менеджер',
          notes: 'Старая заметка',
          birthday: '1980-01-01',
          phones: [{ value: '8 916 111-11-11' }, { value: '+7 495 123-45-67', label: 'work' }],
          emails: [{ value: 'ivan@romashka.ru' }],
          tags: ['VIP'],
        },
        env,
      );
    });

    const updateFile = () =>
      writeCsv(dir, 'обновление.csv', [
        HEADERS,
        ['Иванов', 'Иван', 'IVAN@romashka.ru', '8 916 222-22-22, 8 495 123-45-67', 'Директор', '', ''],
        ['Новиков', 'Олег', 'novikov@example.ru', '8 916 000-00-01', 'Инженер', 'Новый', ''],
      ]);

    async function openUpdate() {
      const file = await sessions.open(database.db, { path: updateFile() });
      expect(targetsOf(file.sheets[0]!)).toMatchObject({
        'E-mail': ['email.work'],
        Телефон: ['phone.mobile'],
        Комментарий: ['notes'],
        'Дата рождения': ['birthday'],
      });
      return file;
    }

    it("mode 'update' keeps fields the file leaves empty and appends new phones", async () => {
      const file = await openUpdate();
      const setup = acceptSuggestions(file, { mode: 'update', matchKeys: ['email'] });
      const dry = await sessions.dryRun(database.db, file.sessionId, setup, env);
      expect(dry.summary).toMatchObject({
        people: { create: 0, update: 1, skip: 1 },
        skippedByReason: { noMatch: 1 },
      });
      const updates = sessions.rows(file.sessionId, 'updates', 0, 100);
      expect(updates.rows).toHaveLength(1);
      expect(updates.rows[0]).toMatchObject({ action: 'update', recordId: existing.id });
      expect(updates.rows[0]!.changes).toEqual([
        { field: 'phone.mobile', before: '+79161111111', after: '+79161111111, +79162222222' },
        { field: 'position', before: 'Менеджер', after: 'Директор' },
      ]);

      const report = await sessions.run(database.db, file.sessionId, setup, env);
      expect(report.summary).toEqual(dry.summary);
      const after = await getPerson(database.db, existing.id);
      expect(after).toMatchObject({
        position: 'Директор',
        notes: 'Старая заметка',
        birthday: '1980-01-01',
        tags: ['VIP'],
        version: existing.version + 1,
      });
      expect(after.phones.map((phone) => [phone.label, phone.value])).toEqual([
        ['mobile', '+79161111111'],
        ['mobile', '+79162222222'],
        ['work', '+74951234567'],
      ]);
      expect(emailsOf(after)).toEqual(['ivan@romashka.ru']);
      expect(await database.db.selectFrom('people').select('id').execute()).toHaveLength(1);
    });

    it('overwriteWithEmpty clears the mapped fields the file leaves empty', async () => {
      const file = await openUpdate();
      const setup = acceptSuggestions(file, { mode: 'upsert', matchKeys: ['email'], overwriteWithEmpty: true });
      const dry = await sessions.dryRun(database.db, file.sessionId, setup, env);
      expect(dry.summary.people).toMatchObject({ create: 1, update: 1 });
      const [update] = sessions.rows(file.sessionId, 'updates', 0, 100).rows;
      expect(update!.changes).toEqual(
        expect.arrayContaining([
          { field: 'notes', before: 'Старая заметка', after: null },
          { field: 'birthday', before: '1980-01-01', after: null },
        ]),
      );
      await sessions.run(database.db, file.sessionId, setup, env);
      const after = await getPerson(database.db, existing.id);
      expect(after).toMatchObject({ position: 'Директор', notes: null, birthday: null, tags: ['VIP'] });
      // Fields the file doesn't map stay as they were.
      expect(after.lastName).toBe('Иванов');
      const people = await peopleByName(database);
      expect(people.get('Новиков Олег')).toMatchObject({ position: 'Инженер', notes: 'Новый' });
    });

    it("mode 'create' skips the person who exists", async () => {
      const file = await openUpdate();
      const setup = acceptSuggestions(file, { mode: 'create' });
      const report = await sessions.run(database.db, file.sessionId, setup, env);
      expect(report.summary).toMatchObject({
        people: { create: 1, update: 0, skip: 1 },
        skippedByReason: { exists: 1 },
      });
      const skipped = sessions.rows(file.sessionId, 'skipped', 0, 100).rows;
      expect(skipped.map((row) => [row.row, row.problems.map((p) => p.code)])).toEqual([[1, ['exists']]]);
      const after = await getPerson(database.db, existing.id);
      expect(after).toEqual(existing);
    });
  });

  const indexesOf = (db: OpenDatabase) =>
    db.connection.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name`).all();

  it('cancelling a run rolls everything back', async () => {
    const indexes = indexesOf(database);
    expect(indexes.length).toBeGreaterThan(20);
    const cacheSize = () => database.connection.pragma('cache_size', { simple: true }) as number;
    const cache = cacheSize();
    const file = await sessions.open(database.db, { path: writeManyPeopleCsv(dir, 1_200) });
    const setup = acceptSuggestions(file);
    const progress: number[] = [];
    const error = await sessions
      .run(database.db, file.sessionId, setup, env, (report) => {
        progress.push(report.done);
        sessions.cancel(file.sessionId);
      })
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('Cancelled');
    expect(progress).toEqual([500]);
    expect(await database.db.selectFrom('people').select('id').execute()).toEqual([]);
    expect(await database.db.selectFrom('contact_points').select('id').execute()).toEqual([]);
    expect(await database.db.selectFrom('imports').select('id').execute()).toEqual([]);
    expect(await database.db.selectFrom('import_records').select('record_id').execute()).toEqual([]);
    // A first import into an empty base builds some indexes at the end: the rollback brought them back.
    expect(indexesOf(database)).toEqual(indexes);
    expect(cacheSize()).toBe(cache);
    // The session is usable again: the run goes through after a cancel.
    const report = await sessions.run(database.db, file.sessionId, setup, env);
    expect(report.summary.people.create).toBe(1_200);
    expect(await database.db.selectFrom('people').select('id').execute()).toHaveLength(1_200);
    expect(indexesOf(database)).toEqual(indexes);
    expect(cacheSize()).toBe(cache);
    expect(database.connection.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a cancel after the last row still rolls a first import back (its indexes are being built)', async () => {
    const indexes = indexesOf(database);
    const file = await sessions.open(database.db, { path: writeManyPeopleCsv(dir, 1_200) });
    const progress: number[] = [];
    await expectAppError(
      sessions.run(database.db, file.sessionId, acceptSuggestions(file), env, (report) => {
        progress.push(report.done);
        if (report.done === 1_200) sessions.cancel(file.sessionId);
      }),
      'Cancelled',
    );
    expect(progress).toEqual([500, 1_000, 1_200]);
    expect(await database.db.selectFrom('people').select('id').execute()).toEqual([]);
    expect(await database.db.selectFrom('imports').select('id').execute()).toEqual([]);
    expect(indexesOf(database)).toEqual(indexes);
  });

  // The same file into a base without people (indexes built at the end, journal written at the end)
  // and into one with an unrelated person (every index kept up, journal per batch): the same outcome.
  it.each([
    { base: 'an empty base', before: [] },
    { base: 'a base with people', before: ['Соколова Мария'] },
  ])('an import into $base matches rows across batches, and a second import finds them', async ({ before }) => {
    for (const name of before) {
      const [lastName, firstName] = name.split(' ');
      await createPerson(database.db, { lastName, firstName, phones: [{ value: '+7 495 111-22-33' }] }, env);
    }
    const rows = [['Фамилия', 'Имя', 'E-mail', 'Телефон']];
    for (let index = 0; index < 1_200; index += 1) {
      rows.push([
        `Фамилия${index}`,
        `Имя${index}`,
        `person${index}@example.ru`,
        `+7916${String(index).padStart(7, '0')}`,
      ]);
    }
    // Row 1,100 is person 10 again, by e-mail, with a second phone: a batch of 500 rows later.
    rows.push(['Фамилия10', 'Имя10', 'PERSON10@example.ru', '+79990000010']);
    const first = await sessions.open(database.db, { path: writeCsv(dir, 'first.csv', rows) });
    const setup = acceptSuggestions(first);
    const dryRun = await sessions.dryRun(database.db, first.sessionId, setup, env);
    const report = await sessions.run(database.db, first.sessionId, setup, env);
    expect(report.summary).toEqual(dryRun.summary);
    expect(report.summary.people).toMatchObject({ create: 1_200, merge: 1, skip: 0 });
    const personNamed = async (name: string) => {
      const row = await database.db
        .selectFrom('people')
        .select('id')
        .where('display_name', '=', name)
        .executeTakeFirst();
      return row && getPerson(database.db, row.id);
    };
    expect(phonesOf(await personNamed('Фамилия10 Имя10'))).toEqual(['+79160000010', '+79990000010']);
    // The lookup indexes are back and used: a second import updates the same people.
    const second = await sessions.open(database.db, {
      path: writeCsv(dir, 'second.csv', [
        ['Фамилия', 'Имя', 'Телефон', 'Должность'],
        ['Фамилия7', 'Имя7', '8 (916) 000-00-07', 'Директор'],
      ]),
    });
    const update = await sessions.run(
      database.db,
      second.sessionId,
      acceptSuggestions(second, { mode: 'upsert' }),
      env,
    );
    expect(update.summary.people).toMatchObject({ create: 0, update: 1 });
    expect((await personNamed('Фамилия7 Имя7'))?.position).toBe('Директор');
    expect(database.connection.pragma('integrity_check', { simple: true })).toBe('ok');
    // The first import's journal: every person created, at the version the import left them.
    const journal = await database.db
      .selectFrom('import_records')
      .select(['record_id', 'action', 'version_after', 'before'])
      .where('import_id', '=', report.importId)
      .orderBy('record_id')
      .execute();
    expect(journal).toHaveLength(1_200);
    expect(new Set(journal.map((entry) => `${entry.action} ${entry.before}`))).toEqual(new Set(['created null']));
    const person10 = (await personNamed('Фамилия10 Имя10'))!;
    expect(journal.find((entry) => entry.record_id === person10.id)?.version_after).toBe(2);
    expect(journal.filter((entry) => entry.version_after !== 1)).toHaveLength(1);
    // Undoing it removes them all but the person the second import changed since.
    const check = await undoImport(database.db, { importId: report.importId, force: [], check: true }, env);
    expect(check.conflicts.map((conflict) => conflict.name)).toEqual(['Фамилия7 Имя7']);
    const undone = await undoImport(database.db, { importId: report.importId, force: [], check: false }, env);
    expect(undone).toMatchObject({ removed: 1_199, restored: 0 });
    const left = await database.db.selectFrom('people').select('display_name').where('erased_at', 'is', null).execute();
    expect(left.map((row) => row.display_name).sort()).toEqual([...before, 'Фамилия7 Имя7'].sort());
  });

  it('matches rows only to records that were there before the import, as the dry run does', async () => {
    const existing = await createPerson(database.db, { lastName: 'Соколова', firstName: 'Мария' }, env);
    const rows = [['ID в Картотеке', 'Фамилия', 'Имя', 'E-mail']];
    for (let index = 0; index < 600; index += 1)
      rows.push(['', `Фамилия${index}`, `Имя${index}`, `p${index}@example.ru`]);
    // Row 601 carries the id the first row of the file gets when it is created: it is not that person.
    rows.push([String(existing.id + 1), 'Другой', 'Человек', 'other@example.ru']);
    rows.push([String(existing.id), 'Соколова', 'Мария', 'sokolova@example.ru']);
    const file = await sessions.open(database.db, { path: writeCsv(dir, 'ids.csv', rows) });
    const setup = acceptSuggestions(file, { mode: 'upsert' });
    expect(setup.sheets[0]?.columns[0]?.targets).toEqual(['id']);
    const dryRun = await sessions.dryRun(database.db, file.sessionId, setup, env);
    const report = await sessions.run(database.db, file.sessionId, setup, env);
    expect(report.summary).toEqual(dryRun.summary);
    expect(report.summary.people).toMatchObject({ create: 601, update: 1 });
    expect((await getPerson(database.db, existing.id + 1)).displayName).toBe('Фамилия0 Имя0');
  });

  it('saves the skipped rows with their reason as .xlsx', async () => {
    const file = await sessions.open(database.db, { path: await writeMessyWorkbook(dir) });
    await sessions.dryRun(database.db, file.sessionId, acceptSuggestions(file, { inFileDuplicates: 'report' }), env);
    const out = path.join(dir, 'пропущено.xlsx');
    expect(await sessions.saveSkippedRows(file.sessionId, { path: out, language: 'ru' })).toEqual({ rows: 2 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet(MESSY_SHEET)!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) =>
      rows.push(Array.from({ length: 2 + MESSY_HEADERS.length }, (_, index) => row.getCell(index + 1).value ?? '')),
    );
    expect(rows[0]).toEqual(['Строка', 'Причина', ...MESSY_HEADERS]);
    expect(rows.slice(1).map((row) => row.slice(0, 2))).toEqual([
      [8, 'нет имени'],
      [10, 'дубликат строки выше'],
    ]);
    expect(rows[1]).toEqual([
      8,
      'нет имени',
      '',
      '79160000000',
      'noname@example.ru',
      '',
      '',
      'Тверь',
      '',
      '',
      'Без имени',
      '',
    ]);
    expect(rows[2]!.slice(2, 5)).toEqual(['Иванов Иван', '79169998877', 'IVANOV@example.ru']);
  });

  it('offers a saved template for a file with the same headers', async () => {
    const headers = ['Клиент', 'Мобильный', 'Откуда узнал', 'Прочее'];
    const first = await sessions.open(database.db, {
      path: writeCsv(dir, 'first.csv', [headers, ['Иванов Иван', '89161234567', 'Выставка', 'x']]),
    });
    expect(first.sheets[0]!.template).toBeNull();
    const columns = [
      { index: 0, targets: ['fullName'], dateOrder: null, newField: null },
      { index: 1, targets: ['phone.mobile'], dateOrder: null, newField: null },
      { index: 2, targets: ['source'], dateOrder: null, newField: null },
      { index: 3, targets: [], dateOrder: null, newField: null },
    ];
    const saved = await saveImportTemplate(
      database.db,
      { name: 'Выставка', entity: 'person', headers: first.sheets[0]!.rows[0]!, columns },
      env,
    );
    const second = await sessions.open(database.db, {
      path: await writeWorkbook(dir, 'second.xlsx', [
        ['клиент', 'Мобильный ', 'Откуда узнал', 'Прочее'],
        ['Петров Пётр', 79167654321, 'Сайт', 'y'],
      ]),
    });
    const [sheet] = second.sheets;
    expect(sheet!.template).toEqual({ id: saved.id, name: 'Выставка' });
    expect(sheet!.entity).toBe('person');
    expect(sheet!.columns.map((column) => [column.index, column.targets, column.confidence])).toEqual([
      [0, ['fullName'], 'template'],
      [1, ['phone.mobile'], 'template'],
      [2, ['source'], 'template'],
      [3, [], 'template'],
    ]);
    // Suggesting again keeps the template; a record type the user picks has only its own templates.
    const again = { sessionId: second.sessionId, sheet: sheet!.name, headerRow: 0 };
    expect(await sessions.suggest(database.db, { ...again, entity: 'company' })).toMatchObject({
      entity: 'person',
      template: { id: saved.id },
    });
    const asCompanies = await sessions.suggest(database.db, { ...again, entity: 'company', entityChosen: true });
    expect(asCompanies).toMatchObject({ entity: 'company', template: null });
    expect(asCompanies.columns.flatMap((column) => column.targets)).not.toContain('fullName');
    await sessions.run(database.db, second.sessionId, acceptSuggestions(second), env);
    const people = await peopleByName(database);
    expect(people.get('Петров Пётр')).toMatchObject({ source: 'Сайт', lastName: 'Петров', firstName: 'Пётр' });
    expect(phonesOf(people.get('Петров Пётр'))).toEqual(['+79167654321']);
  });
  it("reads a Google file's label columns through a template saved before they were read, and keeps a newer template's choice (still offered)", async () => {
    const headers = ['First Name', 'Phone 1 - Label', 'Phone 1 - Value'];
    const file = () => writeCsv(dir, 'google.csv', [headers, ['Анна', 'Work', '+7 495 123-45-67']]);
    // Stored as a template of an older version: no labelColumn at all.
    const old = [
      { index: 0, targets: ['firstName'] },
      { index: 2, targets: ['phone.mobile'] },
    ];
    await saveImportTemplate(database.db, { name: 'Google', entity: 'person', headers, columns: old }, env);
    const opened = await sessions.open(database.db, { path: file() });
    expect(opened.sheets[0]!.columns[2]).toMatchObject({ confidence: 'template', labelColumn: 1 });
    await sessions.run(database.db, opened.sessionId, acceptSuggestions(opened), env);
    const anna = (await peopleByName(database)).get('Анна')!;
    expect(anna.phones.map((phone) => phone.label)).toEqual(['work']);
    // Saved with the label column turned off: it stays off.
    const off = old.map((column) => ({ ...column, labelColumn: null }));
    await saveImportTemplate(database.db, { name: 'Google 2', entity: 'person', headers, columns: off }, env);
    const again = await sessions.open(database.db, { path: file() });
    // Off, but still offered: the wizard's checkbox follows the headers, not the saved choice.
    expect(again.sheets[0]!.columns[2]).toMatchObject({
      confidence: 'template',
      labelColumn: null,
      headerLabelColumn: 1,
    });
    const suggested = await sessions.suggest(database.db, {
      sessionId: again.sessionId,
      sheet: again.sheets[0]!.name,
      headerRow: 0,
      entity: 'person',
    });
    expect(suggested.columns.map((column) => column.headerLabelColumn)).toEqual([null, null, 1]);
  });

  it('a duplicate in a later batch merges into the person an earlier batch created, as the dry run said', async () => {
    const rows = [
      ['Фамилия', 'Имя', 'E-mail', 'Телефон'],
      ['', '', 'nameless@example.ru', ''],
    ];
    for (let index = 0; index < 600; index += 1) rows.push([`Фамилия${index}`, 'Имя', `p${index}@example.ru`, '']);
    rows.push(['Фамилия0', 'Имя', 'P0@example.ru', '8 916 123-00-00']);
    rows.push(['', '', '', '8 916 123-00-00']);
    // The row without a name is skipped; a later row with the same e-mail is a person of its own.
    rows.push(['Безымянный', 'Наконец', 'nameless@example.ru', '']);
    const file = await sessions.open(database.db, { path: writeCsv(dir, 'batches.csv', rows) });
    const setup = acceptSuggestions(file, { matchKeys: ['email', 'phone'] });
    const dry = await sessions.dryRun(database.db, file.sessionId, setup, env);
    expect(dry.summary.people).toEqual({ create: 601, merge: 2, update: 0, unchanged: 0, skip: 1 });
    expect(dry.summary.warnings).toBe(0);
    const report = await sessions.run(database.db, file.sessionId, setup, env);
    expect(report.summary).toEqual(dry.summary);
    const [first] = await database.db.selectFrom('people').select('id').where('last_name', '=', 'Фамилия0').execute();
    expect(phonesOf(await getPerson(database.db, first!.id))).toEqual(['+79161230000']);
    const journal = await database.db
      .selectFrom('import_records')
      .selectAll()
      .where('record_id', '=', first!.id)
      .execute();
    expect(journal).toMatchObject([{ action: 'created', before: null, version_after: 2 }]);
    const [late] = await database.db.selectFrom('people').select('id').where('last_name', '=', 'Безымянный').execute();
    expect(emailsOf(await getPerson(database.db, late!.id))).toEqual(['nameless@example.ru']);
  });
  it('writes the very search documents a rebuild from the rows would', async () => {
    await createPerson(database.db, { lastName: 'Старый', firstName: 'Контакт', tags: ['Партнёр'] }, env);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Контакты');
    sheet.addRow(['ФИО', 'Организация', 'Должность', 'Город', 'E-mail', 'Теги']);
    sheet.addRow(['Ёлкина Алёна', 'ООО «Ёлка»', 'Директор', 'Орёл', 'alena@elka.ru; a.e@mail.ru', 'партнер, VIP, vip']);
    sheet.addRow(['Smith John', 'Acme Ltd', null, 'London', null, 'Newsletter']);
    sheet.addRow(['Петров Пётр', 'ооо «ёлка»', 'Бухгалтер', null, 'petrov@elka.ru', null]);
    const filePath = path.join(dir, 'поиск.xlsx');
    await workbook.xlsx.writeFile(filePath);
    const file = await sessions.open(database.db, { path: filePath });
    const report = await sessions.run(database.db, file.sessionId, acceptSuggestions(file), env);
    expect(report.summary.people.create).toBe(3);
    expect(report.summary.linkedCompaniesCreated).toBe(2);
    const written = {
      people: searchTokens(database, 'people_search'),
      companies: searchTokens(database, 'companies_search'),
    };
    expect(written.people.length).toBeGreaterThan(20);
    await database.db.transaction().execute((transaction) => rebuildSearchIndex(transaction));
    expect(searchTokens(database, 'people_search')).toEqual(written.people);
    expect(searchTokens(database, 'companies_search')).toEqual(written.companies);
    const hits = await search(database.db, 'елка орел', { limit: 5, types: ['person'], defaultCountry: 'RU' });
    expect(hits.map((hit) => hit.displayName)).toEqual(['Ёлкина Алёна']);
  });

  it('names the targets a setup maps to that its sheet has no field for', async () => {
    await createCustomField(database.db, { entity: 'person', label: 'Регион', type: 'select', options: ['Юг'] }, env);
    const setup: ImportSetupInput = {
      sheets: [
        {
          sheet: 'Контакты',
          entity: 'person',
          headerRow: 0,
          columns: [
            { index: 0, targets: ['fullName', 'fullname'] },
            // "name" is a company's field; "custom.segment" is one the setup creates.
            { index: 1, targets: ['custom.region', 'custom.budget', 'name', 'custom.segment'] },
            { index: 2, targets: ['email'], newField: { label: 'Бюджет', type: 'number' } },
          ],
        },
        { sheet: 'Компании', entity: 'company', headerRow: 0, columns: [{ index: 0, targets: ['name'] }] },
        { sheet: 'Прочее', entity: null, headerRow: 0, columns: [{ index: 0, targets: ['nonsense'] }] },
      ],
      createFields: [{ entity: 'person', key: 'segment', label: 'Сегмент', type: 'text', options: [] }],
    };
    expect(await unknownTargets(database.db, setup)).toEqual([
      { sheet: 'Контакты', column: 0, targets: ['fullname'] },
      { sheet: 'Контакты', column: 1, targets: ['custom.budget', 'name'] },
    ]);
  });

  it('imports a companies sheet and a people sheet together, with custom fields and value mappings', async () => {
    await createCustomField(
      database.db,
      { entity: 'person', label: 'Регион', type: 'select', options: ['Север', 'Юг'] },
      env,
    );
    const workbook = new ExcelJS.Workbook();
    const companiesSheet = workbook.addWorksheet('Компании');
    companiesSheet.addRow(['Название', 'Телефон', 'Отрасль']);
    companiesSheet.addRow(['ООО «Ромашка»', '8 495 111-22-33', 'Торговля']);
    const peopleSheet = workbook.addWorksheet('Контакты');
    peopleSheet.addRow(['ФИО', 'Организация', 'Бюджет', 'Регион']);
    peopleSheet.addRow(['Иванов Иван', 'ооо «ромашка»', 150000, 'Южный']);
    peopleSheet.addRow(['Петров Пётр', 'ООО «Ромашка»', '2 500,50', 'север']);
    const filePath = path.join(dir, 'два листа.xlsx');
    await workbook.xlsx.writeFile(filePath);

    const file = await sessions.open(database.db, { path: filePath });
    expect(file.sheets.map((sheet) => [sheet.name, sheet.entity])).toEqual([
      ['Компании', 'company'],
      ['Контакты', 'person'],
    ]);
    const setup: ImportSetupInput = {
      sheets: [
        {
          sheet: 'Контакты',
          entity: 'person',
          headerRow: 0,
          columns: [
            { index: 0, targets: ['fullName'] },
            { index: 1, targets: ['company'] },
            { index: 2, newField: { label: 'Бюджет', type: 'number' } },
            { index: 3, targets: ['custom.region'] },
          ],
        },
        {
          sheet: 'Компании',
          entity: 'company',
          headerRow: 0,
          columns: [
            { index: 0, targets: ['name'] },
            { index: 1, targets: ['phone.work'] },
            { index: 2, targets: ['industry'] },
          ],
        },
      ],
    };
    const dry = await sessions.dryRun(database.db, file.sessionId, setup, env);
    expect(dry.summary).toMatchObject({
      rows: 3,
      people: { create: 2 },
      companies: { create: 1 },
      linkedCompaniesCreated: 0,
    });
    const region = dry.valueChoices.find((choice) => choice.field === 'custom.region')!;
    const south = region.values.find((value) => value.source === 'Южный')!;
    expect(south.target).toBeNull();
    expect(region.values.find((value) => value.source === 'север')!.target).toBe('Север');
    // The dry run made no custom field.
    expect(await database.db.selectFrom('custom_field_definitions').select('key').execute()).toHaveLength(1);

    const report = await sessions.run(
      database.db,
      file.sessionId,
      { ...setup, valueMappings: [{ field: 'custom.region', values: { [south.key]: 'Юг' } }] },
      env,
    );
    expect(report.summary).toMatchObject({
      people: { create: 2 },
      companies: { create: 1 },
      linkedCompaniesCreated: 0,
    });
    const companies = await database.db.selectFrom('companies').select(['id', 'name']).execute();
    expect(companies.map((company) => company.name)).toEqual(['ООО «Ромашка»']);
    const company = await getCompany(database.db, companies[0]!.id);
    expect(company).toMatchObject({ industry: 'Торговля' });
    expect(company.phones.map((phone) => phone.value)).toEqual(['+74951112233']);
    const budget = (await database.db
      .selectFrom('custom_field_definitions')
      .select(['key', 'type'])
      .where('label', '=', 'Бюджет')
      .executeTakeFirst())!;
    expect(budget.type).toBe('number');
    const people = await peopleByName(database);
    expect(people.get('Иванов Иван')).toMatchObject({
      company: { id: company.id },
      customFields: { region: 'Юг', [budget.key]: 150000 },
    });
    expect(people.get('Петров Пётр')).toMatchObject({
      company: { id: company.id },
      customFields: { region: 'Север', [budget.key]: 2500.5 },
    });
  });
});
