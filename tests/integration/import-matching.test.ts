/**
 * How imported rows find the records they describe, where a wrong match would overwrite someone:
 * colleagues behind one office phone, a row copied in an "export for editing" workbook, a workbook
 * from another database, two companies of one name; and what a re-imported edit workbook removes.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportFile, ImportSetupInput } from '../../shared/domain/imports';
import { createCompany, getCompany, trashCompanies } from '../../main/services/companies-service';
import { exportDatabase, exportRecords } from '../../main/export/export-service';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { ImportSessions, suggestedSetup, undoImport } from '../../main/services/import-service';
import { search } from '../../main/services/search-service';
import { createPerson, getPerson } from '../../main/services/people-service';
import { createCustomField } from '../../main/services/custom-fields-service';
import { writeCsv } from '../support/import-fixtures';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

describe('import matching', () => {
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

  async function importFile(file: string, options: ImportSetupInput['options'] = {}) {
    const opened: ImportFile = await sessions.open(database.db, { path: file });
    const setup = { ...suggestedSetup(opened), ...(Object.keys(options).length > 0 ? { options } : {}) };
    const dry = await sessions.dryRun(database.db, opened.sessionId, setup, env);
    const rows = sessions.rows(opened.sessionId, 'all', 0, 100).rows;
    const report = await sessions.run(database.db, opened.sessionId, setup, env);
    return { opened, dry, rows, report };
  }

  const liveNames = async (db: OpenDatabase) =>
    (
      await db.db.selectFrom('people').select('display_name').where('deleted_at', 'is', null).orderBy('id').execute()
    ).map((row) => row.display_name);

  it('keeps colleagues behind one office phone apart, in the file and against the base', async () => {
    const existing = await createPerson(
      database.db,
      { lastName: 'Иванов', firstName: 'Иван', phones: [{ value: '+7 495 123-45-67' }] },
      env,
    );
    const { rows, report } = await importFile(
      writeCsv(dir, 'офис.csv', [
        ['ФИО', 'Телефон', 'E-mail'],
        ['Петрова Мария', '8 (495) 123-45-67 доб. 102', 'petrova@romashka.ru'],
        ['Сидоров Сидор', '+7 495 123-45-67', 'sidorov@romashka.ru'],
        ['Иванов Иван Иванович', '8 495 123 45 67', 'ivanov@romashka.ru'],
      ]),
    );
    expect(report.summary.people).toMatchObject({ create: 2, update: 1, skip: 0 });
    expect(rows.map((row) => [row.action, row.problems.map((problem) => problem.code)])).toEqual([
      ['create', ['sharedPhone']],
      ['create', ['sharedPhone']],
      ['update', []],
    ]);
    // The update takes the file's fuller name.
    expect(await liveNames(database)).toEqual(['Иванов Иван Иванович', 'Петрова Мария', 'Сидоров Сидор']);
    expect((await getPerson(database.db, existing.id)).emails.map((email) => email.value)).toEqual([
      'ivanov@romashka.ru',
    ]);
  });

  it("reads a column's dates in the order its clear values show (a US export: month first)", async () => {
    const { opened, rows, report } = await importFile(
      writeCsv(dir, 'outlook.csv', [
        ['First Name', 'Last Name', 'Birthday'],
        ['John', 'Smith', '5/15/1980'],
        ['Jane', 'Doe', '1/2/1980'],
      ]),
    );
    const birthday = opened.sheets[0]!.columns.find((column) => column.header === 'Birthday');
    expect(birthday).toMatchObject({ ambiguousDates: false, dateOrder: 'mdy' });
    expect(rows.every((row) => row.problems.length === 0)).toBe(true);
    expect(report.summary.people).toMatchObject({ create: 2, skip: 0 });
    const born = await database.db.selectFrom('people').select(['last_name', 'birthday']).orderBy('id').execute();
    expect(born).toEqual([
      { last_name: 'Smith', birthday: '1980-05-15' },
      { last_name: 'Doe', birthday: '1980-01-02' },
    ]);
  });

  it('names what skipped a row, not a warning that happened to come first', async () => {
    await createPerson(database.db, { lastName: 'Есть', emails: [{ value: 'est@romashka.ru' }] }, env);
    const { opened, report } = await importFile(
      writeCsv(dir, 'есть.csv', [
        ['Фамилия', 'Телефон', 'E-mail'],
        ['Есть', '123', 'est@romashka.ru'],
      ]),
      { mode: 'create' },
    );
    expect(report.summary.skippedByReason).toEqual({ exists: 1 });
    const out = path.join(dir, 'пропущено.xlsx');
    await sessions.saveSkippedRows(opened.sessionId, { path: out, language: 'ru' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const row = workbook.worksheets[0]!.getRow(2);
    expect(row.getCell(1).value).toBe(2);
    expect(row.getCell(2).value).toBe('уже есть в базе');
  });

  it('skips the totals rows under a list, naming why, and keeps a client called "Total"', async () => {
    const { rows, report } = await importFile(
      writeCsv(dir, 'итоги.csv', [
        ['№', 'ФИО', 'Телефон', 'Сумма'],
        ['1', 'Иванов Иван', '+7 916 123-45-67', '150 000'],
        ['2', 'Total', '', '20 000'],
        ['', 'Итого по Москве:', '', '170 000'],
        ['Всего', '', '', '170 000'],
        ['Total: 2', '', '', ''],
        ['', 'Итого', '+7 916 000-00-00', ''],
        ['', 'Итог Плюс', '', '5 000'],
        ['', 'Итого:', '42', ''],
      ]),
    );
    expect(rows.map((row) => [row.action, row.problems.map((problem) => problem.code)])).toEqual([
      ['create', []],
      ['create', []],
      ['skip', ['totalsRow']],
      ['skip', ['totalsRow']],
      ['skip', ['totalsRow']],
      // A phone makes it someone's row, whatever the name says.
      ['create', []],
      // «Итог» starts a company's name here; a count under the phone column is no phone.
      ['create', []],
      ['skip', ['totalsRow', 'invalidPhone']],
    ]);
    expect(rows[2]?.problems[0]).toMatchObject({ column: 1, value: 'Итого по Москве:' });
    expect(report.summary.skippedByReason).toEqual({ totalsRow: 4 });
    expect(await liveNames(database)).toEqual(['Иванов Иван', 'Total', 'Итого', 'Итог Плюс']);
  });

  it("matches a colleague's second row on a shared phone to that colleague, not to the phone's first person", async () => {
    const { rows, report } = await importFile(
      writeCsv(dir, 'коллеги.csv', [
        ['ФИО', 'Телефон', 'Должность'],
        ['Иванов Иван', '+7 495 123-45-67', 'Директор'],
        ['Петров Пётр', '+7 495 123-45-67', ''],
        ['Петров Пётр', '+7 495 123-45-67', 'Инженер'],
      ]),
    );
    expect(rows.map((row) => row.action)).toEqual(['create', 'create', 'merge']);
    expect(report.summary.people).toMatchObject({ create: 2, merge: 1 });
    const petrov = await database.db
      .selectFrom('people')
      .select(['display_name', 'position'])
      .where('last_name', '=', 'Петров')
      .execute();
    expect(petrov).toEqual([{ display_name: 'Петров Пётр', position: 'Инженер' }]);
  });

  it('keeps people behind one «info@» mailbox apart, in the file and against the base, and joins a repeat of one', async () => {
    const existing = await createPerson(
      database.db,
      { lastName: 'Иванов', firstName: 'Иван', position: 'Директор', emails: [{ value: 'info@romashka.ru' }] },
      env,
    );
    const { rows, report } = await importFile(
      writeCsv(
        dir,
        'ящик.csv',
        [
          ['ФИО', 'Компания', 'Email', 'Телефон', 'Должность'],
          ['Петрова Анна', 'ООО Ромашка', 'info@romashka.ru', '+7 916 222-22-22', 'Бухгалтер'],
          ['Сидоров Пётр', 'ООО Ромашка', 'INFO@romashka.ru', '', 'Менеджер'],
          ['Петрова Анна Сергеевна', 'ООО Ромашка', 'info@romashka.ru', '', ''],
          ['Иванов Иван', 'ООО Ромашка', 'info@romashka.ru', '+7 916 111-11-11', ''],
        ],
        ';',
      ),
    );
    expect(rows.map((row) => [row.action, row.problems.map((problem) => problem.code)])).toEqual([
      ['create', ['sharedEmail']],
      ['create', ['sharedEmail']],
      ['merge', []],
      ['update', []],
    ]);
    expect(report.summary.people).toMatchObject({ create: 2, merge: 1, update: 1, skip: 0 });
    const people = await database.db
      .selectFrom('people')
      .select(['display_name', 'position'])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    expect(people).toEqual([
      { display_name: 'Иванов Иван', position: 'Директор' },
      { display_name: 'Петрова Анна Сергеевна', position: 'Бухгалтер' },
      { display_name: 'Сидоров Пётр', position: 'Менеджер' },
    ]);
    expect((await getPerson(database.db, existing.id)).phones.map((phone) => phone.value)).toEqual(['+79161111111']);
  });

  it('keeps companies of a group sharing one phone and mailbox apart, and joins a company written with its legal form', async () => {
    const alpha = await createCompany(
      database.db,
      { name: 'ООО Альфа', phones: [{ value: '+7 495 100-00-00' }], emails: [{ value: 'office@group.ru' }] },
      env,
    );
    const opened = await sessions.open(database.db, {
      path: writeCsv(dir, 'компании.csv', [
        ['Название', 'Телефон', 'Email', 'Отрасль'],
        ['ООО Бета', '+7 495 100-00-00', '', 'Стройка'],
        ['Гамма', '', 'office@group.ru', 'Логистика'],
        ['Альфа', '8 495 100 00 00', 'office@group.ru', 'Опт'],
      ]),
    });
    const setup = suggestedSetup(opened);
    setup.sheets = setup.sheets.map((sheet) => ({ ...sheet, entity: 'company' as const }));
    const report = await sessions.run(database.db, opened.sessionId, setup, env);
    expect(report.summary.companies).toMatchObject({ create: 2, update: 1, skip: 0 });
    const companies = await database.db
      .selectFrom('companies')
      .select(['name', 'industry'])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    expect(companies).toEqual([
      { name: 'Альфа', industry: 'Опт' },
      { name: 'ООО Бета', industry: 'Стройка' },
      { name: 'Гамма', industry: 'Логистика' },
    ]);
    expect((await getCompany(database.db, alpha.id)).emails.map((email) => email.value)).toEqual(['office@group.ru']);
  });

  it("joins the notes of a person's repeated rows instead of keeping the last row's", async () => {
    const { report } = await importFile(
      writeCsv(
        dir,
        'заметки.csv',
        [
          ['ФИО', 'Телефон', 'Email', 'Примечание', 'Должность'],
          ['Петров Пётр', '8 916 111-22-33', 'petrov@mail.ru', 'Заказал 10 шт, скидка 5%', 'Директор'],
          ['Петров Пётр', '+7 916 111-22-33', '', 'Просил перезвонить в мае', ''],
          ['Петров Пётр', '', 'petrov@mail.ru', 'Просил перезвонить в мае', ''],
        ],
        ';',
      ),
    );
    expect(report.summary.people).toMatchObject({ create: 1, merge: 2 });
    const [petrov] = await database.db.selectFrom('people').select(['notes', 'position']).execute();
    expect(petrov).toEqual({ notes: 'Заказал 10 шт, скидка 5%\nПросил перезвонить в мае', position: 'Директор' });
  });

  it('stores no phone Excel cut short to «7,92E+10», and reads a float-written «79161234567.0»', async () => {
    const { rows } = await importFile(
      writeCsv(
        dir,
        'числа.csv',
        [
          ['ФИО', 'Телефон'],
          ['Кузнецов Олег', '7,92E+10'],
          ['Кузнецова Ольга', '79161234567.0'],
        ],
        ';',
      ),
    );
    expect(rows.map((row) => row.problems.map((problem) => problem.code))).toEqual([['invalidPhone'], []]);
    const phones = await database.db.selectFrom('contact_points').select('value').where('kind', '=', 'phone').execute();
    expect(phones).toEqual([{ value: '+79161234567' }]);
  });

  it("joins a person's own address however a row writes their name; only a shared mailbox needs the names to agree", async () => {
    const existing = await createPerson(
      database.db,
      { lastName: 'Петров', firstName: 'Иван', emails: [{ value: 'ivan.petrov@mail.ru' }] },
      env,
    );
    const { report } = await importFile(
      writeCsv(dir, 'личный.csv', [
        ['ФИО', 'Email', 'Должность'],
        ['Петров И.', 'ivan.petrov@mail.ru', 'Инженер'],
        ['Ivan Petrov', 'IVAN.PETROV@mail.ru', ''],
      ]),
    );
    expect(report.summary.people).toMatchObject({ create: 0, update: 1, merge: 1 });
    expect((await getPerson(database.db, existing.id)).position).toBe('Инженер');
  });

  it('tells companies apart by their names without the legal form, however long the name', async () => {
    const romashka = await createCompany(
      database.db,
      { name: 'ООО Ромашка', phones: [{ value: '+7 495 100-00-00' }], emails: [{ value: 'info@romashka.ru' }] },
      env,
    );
    const opened = await sessions.open(database.db, {
      path: writeCsv(dir, 'группа.csv', [
        ['Название', 'Телефон', 'Email', 'Отрасль'],
        ['Общество с ограниченной ответственностью «Ромашка»', '+7 495 100-00-00', 'info@romashka.ru', 'Опт'],
        ['Общество с ограниченной ответственностью Лютик', '+7 495 100-00-00', '', 'Розница'],
      ]),
    });
    const setup = suggestedSetup(opened);
    setup.sheets = setup.sheets.map((sheet) => ({ ...sheet, entity: 'company' as const }));
    const report = await sessions.run(database.db, opened.sessionId, setup, env);
    expect(report.summary.companies).toMatchObject({ create: 1, update: 1 });
    expect((await getCompany(database.db, romashka.id)).industry).toBe('Опт');
  });

  it("keeps every repeated row's note, even one the first holds inside a word, and stores a person whose notes grow long", async () => {
    const long = (index: number) => `Звонок ${index}: ${'подробности разговора '.repeat(40)}`;
    const { report } = await importFile(
      writeCsv(dir, 'звонки.csv', [
        ['ФИО', 'Email', 'Примечание'],
        ['Петров Пётр', 'petrov@mail.ru', 'Дата встречи 12.05'],
        ['Петров Пётр', 'petrov@mail.ru', 'Да'],
        ...Array.from({ length: 25 }, (_, index) => ['Сидоров Сидор', 'sidorov@mail.ru', long(index)]),
      ]),
    );
    expect(report.summary.people).toMatchObject({ create: 2, merge: 25, skip: 0 });
    const notes = await database.db.selectFrom('people').select(['last_name', 'notes']).orderBy('id').execute();
    expect(notes[0]).toEqual({ last_name: 'Петров', notes: 'Дата встречи 12.05\nДа' });
    expect(notes[1]!.notes!.length).toBeLessThanOrEqual(20_000);
    expect(notes[1]!.notes).toContain('Звонок 0:');
  });

  it('creates no company for a row that is skipped', async () => {
    await createPerson(database.db, { lastName: 'Есть', emails: [{ value: 'est@romashka.ru' }] }, env);
    const { report } = await importFile(
      writeCsv(dir, 'пропуск.csv', [
        ['Фамилия', 'E-mail', 'Компания'],
        ['Есть', 'est@romashka.ru', 'ООО «Лютик»'],
        ['Новый', 'new@example.ru', 'ООО «Ромашка»'],
        ['Второй', 'second@example.ru', 'ооо «ромашка»'],
      ]),
      { mode: 'create' },
    );
    expect(report.summary.people).toMatchObject({ create: 2, skip: 1 });
    const companies = await database.db.selectFrom('companies').select('name').execute();
    // One company, named as the file first spells it; none for the skipped row.
    expect(companies.map((company) => company.name)).toEqual(['ООО «Ромашка»']);
  });

  it("leaves another system's ID column alone: its numbers never match this base's records", async () => {
    const existing = await createPerson(
      database.db,
      { lastName: 'Петров', firstName: 'Пётр', emails: [{ value: 'petr@x.ru' }] },
      env,
    );
    const { opened, report } = await importFile(
      writeCsv(dir, 'bitrix24.csv', [
        ['ID', 'Фамилия', 'Имя', 'E-mail'],
        [String(existing.id), 'Сидорова', 'Анна', 'anna@y.ru'],
        ['C-0012', 'Козлов', 'Олег', 'oleg@y.ru'],
      ]),
    );
    expect(opened.sheets[0]?.columns[0]?.targets).toEqual([]);
    expect(report.summary.people).toMatchObject({ create: 2, update: 0, skip: 0 });
    expect((await getPerson(database.db, existing.id)).displayName).toBe('Петров Пётр');
    expect(await liveNames(database)).toEqual(['Петров Пётр', 'Сидорова Анна', 'Козлов Олег']);
  });

  it('skips the rows merged into a row that is skipped, saying why, instead of counting them merged', async () => {
    const { dry, rows, report } = await importFile(
      writeCsv(dir, 'без-имени.csv', [
        ['ФИО', 'E-mail', 'Телефон'],
        ['', 'nobody@x.ru', ''],
        ['', 'nobody@x.ru', '+7 903 123-45-67'],
        ['Сидоров Сидор', 'sidorov@x.ru', ''],
      ]),
    );
    expect(report.summary.people).toEqual(dry.summary.people);
    expect(report.summary.people).toMatchObject({ create: 1, merge: 0, skip: 2 });
    expect(rows.map((row) => [row.action, row.problems.map((problem) => problem.code)])).toEqual([
      ['skip', ['missingName']],
      ['skip', ['joinedSkippedRow']],
      ['create', []],
    ]);
  });

  describe('rows that find one record by different keys', () => {
    const filler = (count: number) =>
      Array.from({ length: count }, (_, index) => [`Заполнитель${index}`, `filler${index}@example.ru`, '', '']);
    const headers = ['ФИО', 'E-mail', 'Телефон', 'Должность'];
    const ivanov = () =>
      createPerson(
        database.db,
        {
          lastName: 'Иванов',
          firstName: 'Иван',
          emails: [{ value: 'ivan@x.ru' }],
          phones: [{ value: '+7 916 123-45-67' }],
        },
        env,
      );

    it('in one batch: one update with what both rows bring, as the dry run said', async () => {
      const existing = await ivanov();
      const { dry, report } = await importFile(
        writeCsv(dir, 'два-ключа.csv', [
          headers,
          ['Иванов Иван', 'ivan@x.ru', '', 'Директор'],
          ['Иванов Иван', '', '8 916 123 45 67', ''],
          ['Иванов Иван', 'ivan.second@x.ru', '+7 (916) 123-45-67', ''],
        ]),
        { mode: 'upsert', matchKeys: ['email', 'phone'] },
      );
      expect(dry.summary.people).toEqual(report.summary.people);
      expect(report.summary.people).toMatchObject({ create: 0, update: 1, merge: 2, skip: 0 });
      const after = await getPerson(database.db, existing.id);
      expect(after.position).toBe('Директор');
      expect(after.emails.map((email) => email.value)).toEqual(['ivan@x.ru', 'ivan.second@x.ru']);
      expect(await liveNames(database)).toEqual(['Иванов Иван']);
    });

    it('in later batches: each repeat updates the record once, adding and never clearing', async () => {
      const existing = await ivanov();
      const { dry, report } = await importFile(
        writeCsv(dir, 'два-пакета.csv', [
          headers,
          ['Иванов Иван', 'ivan@x.ru', '', 'Директор'],
          ...filler(600),
          ['Иванов Иван', '', '8 916 123 45 67', ''],
          ['Иванов Иван', 'ivan.third@x.ru', '+7 916 123-45-67', ''],
        ]),
        { mode: 'upsert', matchKeys: ['email', 'phone'], overwriteWithEmpty: true },
      );
      expect(report.summary.people).toEqual(dry.summary.people);
      expect(report.summary.people).toMatchObject({ create: 600, skip: 0 });
      const after = await getPerson(database.db, existing.id);
      // Empty cells of a repeated row clear nothing its first row wrote, whichever batch it is in.
      expect(after.position).toBe('Директор');
      expect(after.phones.map((phone) => phone.value)).toEqual(['+79161234567']);
      expect(after.emails.map((email) => email.value)).toEqual(['ivan@x.ru', 'ivan.third@x.ru']);
    });

    it('a colleague on the office phone is not made into the person a later row finds', async () => {
      const ivanov = await createPerson(
        database.db,
        { lastName: 'Иванов', firstName: 'Иван', phones: [{ value: '+7 495 123-45-67' }] },
        env,
      );
      for (const inFileDuplicates of ['merge', 'report'] as const) {
        const { report } = await importFile(
          writeCsv(dir, `офис-${inFileDuplicates}.csv`, [
            headers,
            ['Петрова Мария', `petrova-${inFileDuplicates}@x.ru`, '+7 495 123-45-67', ''],
            ['', `office-${inFileDuplicates}@x.ru`, '+7 495 123-45-67', ''],
          ]),
          { mode: 'upsert', matchKeys: ['email', 'phone'], inFileDuplicates },
        );
        expect(report.summary.people.skip).toBe(inFileDuplicates === 'report' ? 1 : 0);
        expect((await getPerson(database.db, ivanov.id)).displayName).toBe('Иванов Иван');
        expect((await getPerson(database.db, ivanov.id)).emails).toEqual([]);
      }
      // The second file's Петрова is the first one's (same name, same phone).
      expect(await liveNames(database)).toEqual(['Иванов Иван', 'Петрова Мария']);
    });

    it('a new row of the file finds its record through a later row that knows it', async () => {
      const existing = await createPerson(
        database.db,
        { lastName: 'Петров', firstName: 'Пётр', emails: [{ value: 'petr@x.ru' }] },
        env,
      );
      const { dry, report } = await importFile(
        writeCsv(dir, 'поздний-ключ.csv', [
          headers,
          ['Петров Пётр', '', '+7 903 555-66-77', ''],
          ['Петров Пётр', 'petr@x.ru', '+7 903 555-66-77', 'Инженер'],
        ]),
        { mode: 'upsert', matchKeys: ['email', 'phone'] },
      );
      expect(report.summary.people).toEqual(dry.summary.people);
      expect(report.summary.people).toMatchObject({ create: 0, update: 1, merge: 1 });
      expect(await liveNames(database)).toEqual(['Петров Пётр']);
      const after = await getPerson(database.db, existing.id);
      expect(after.phones.map((phone) => phone.value)).toEqual(['+79035556677']);
      expect(after.position).toBe('Инженер');
    });
  });

  describe('an "export for editing" workbook', () => {
    async function exportForEditing(from: OpenDatabase, ids: number[], columns: string[], name = 'edit.xlsx') {
      const file = path.join(dir, name);
      await exportRecords(
        from.db,
        {
          entity: 'person',
          target: { ids },
          columns,
          format: { kind: 'xlsx' },
          forEditing: true,
          path: file,
          language: 'ru',
        },
        env,
      );
      return file;
    }

    async function editSheet(file: string, edit: (sheet: ExcelJS.Worksheet) => void) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      edit(workbook.getWorksheet('Люди')!);
      await workbook.xlsx.writeFile(file);
    }

    it('removes what the user cleared: a tag, a phone replaced, a position emptied', async () => {
      const anna = await createPerson(
        database.db,
        {
          lastName: 'Смирнова',
          position: 'Бухгалтер',
          phones: [{ value: '+7 916 111-11-11' }],
          tags: ['old', 'vip'],
        },
        env,
      );
      const file = await exportForEditing(database, [anna.id], ['lastName', 'position', 'phone.mobile', 'tags']);
      await editSheet(file, (sheet) => {
        const header = sheet.getRow(1).values as unknown[];
        const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name));
        cell('Должность').value = null;
        cell('Теги').value = 'vip';
        cell('Мобильный телефон').value = '+7 916 222-22-22';
      });
      const { report } = await importFile(file);
      expect(report.summary.people).toMatchObject({ update: 1, create: 0 });
      const edited = await getPerson(database.db, anna.id);
      expect(edited.position).toBeNull();
      expect(edited.tags).toEqual(['vip']);
      expect(edited.phones.map((phone) => phone.value)).toEqual(['+79162222222']);
    });

    it('refuses a row copied with its id instead of turning the original into the copy', async () => {
      const ivan = await createPerson(database.db, { lastName: 'Иванов', firstName: 'Иван' }, env);
      const file = await exportForEditing(database, [ivan.id], ['lastName', 'firstName']);
      await editSheet(file, (sheet) => {
        const copy = sheet.getRow(3);
        copy.getCell(1).value = sheet.getRow(2).getCell(1).value;
        copy.getCell(2).value = 'Петров';
        copy.getCell(3).value = 'Пётр';
      });
      const { rows, report } = await importFile(file);
      expect(rows[1]).toMatchObject({ action: 'skip' });
      expect(rows[1]!.problems.map((problem) => problem.code)).toContain('repeatedId');
      expect(report.summary.people).toMatchObject({ skip: 1 });
      expect((await getPerson(database.db, ivan.id)).displayName).toBe('Иванов Иван');
    });

    it("never matches another database's ids to records here", async () => {
      const other = await openTestDatabase(tempDir(), 'Чужая база');
      try {
        const stranger = await createPerson(other.db, { lastName: 'Чужой', firstName: 'Человек' }, env);
        const file = await exportForEditing(other, [stranger.id], ['lastName', 'firstName'], 'чужой.xlsx');
        const ours = await createPerson(database.db, { lastName: 'Наш', firstName: 'Клиент' }, env);
        expect(ours.id).toBe(stranger.id);
        const { opened, report } = await importFile(file);
        expect(opened).toMatchObject({ ownWorkbook: true, fromOtherDatabase: true });
        expect(report.summary.people).toMatchObject({ create: 1, update: 0 });
        expect((await getPerson(database.db, ours.id)).displayName).toBe('Наш Клиент');
        expect(await liveNames(database)).toEqual(['Наш Клиент', 'Чужой Человек']);
        // Someone both bases know is found by e-mail, and only added to.
        const shared = await createPerson(
          other.db,
          { lastName: 'Общий', position: 'Бухгалтер', emails: [{ value: 'shared@example.ru' }] },
          env,
        );
        const ourCopy = await createPerson(
          database.db,
          { lastName: 'Общий', notes: 'наша заметка', emails: [{ value: 'shared@example.ru' }] },
          env,
        );
        const second = await exportForEditing(
          other,
          [shared.id],
          ['lastName', 'position', 'notes', 'email.work'],
          'чужой2.xlsx',
        );
        const again = await importFile(second);
        expect(again.report.summary.people).toMatchObject({ create: 0, update: 1 });
        expect(await getPerson(database.db, ourCopy.id)).toMatchObject({
          position: 'Бухгалтер',
          notes: 'наша заметка',
        });
      } finally {
        await other.close();
      }
    });
  });

  it("finds people by their company's new name after an import renames it, and by the old one after its undo", async () => {
    const company = await createCompany(database.db, { name: 'Ромашка' }, env);
    const person = await createPerson(database.db, { lastName: 'Сотрудник', companyId: company.id }, env);
    const found = async (query: string) =>
      (await search(database.db, query, { limit: 5, types: ['person'], defaultCountry: 'RU' })).map((hit) => hit.id);
    const file = path.join(dir, 'переименование.xlsx');
    await exportRecords(
      database.db,
      {
        entity: 'company',
        target: null,
        columns: ['name'],
        format: { kind: 'xlsx' },
        forEditing: true,
        path: file,
        language: 'ru',
      },
      env,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet('Компании')!.getRow(2).getCell(2).value = 'Лютик';
    await workbook.xlsx.writeFile(file);
    const { report } = await importFile(file);
    expect(report.summary.companies).toMatchObject({ update: 1 });
    expect(await found('лютик')).toEqual([person.id]);
    expect(await found('ромашка')).toEqual([]);

    await undoImport(database.db, { importId: report.importId, force: [], check: false }, env);
    expect(await found('ромашка')).toEqual([person.id]);
    expect(await found('лютик')).toEqual([]);

    // A company in the trash no longer finds its people.
    await trashCompanies(database.db, [company.id], env);
    expect(await found('ромашка')).toEqual([]);
    expect(await found('сотрудник')).toEqual([person.id]);
  });

  it('updates two companies of the same name each by its own id', async () => {
    const first = await createCompany(database.db, { name: 'Ромашка', industry: 'Опт' }, env);
    const second = await createCompany(database.db, { name: 'Ромашка', industry: 'Розница' }, env);
    const file = path.join(dir, 'компании.xlsx');
    await exportRecords(
      database.db,
      {
        entity: 'company',
        target: null,
        columns: ['name', 'industry'],
        format: { kind: 'xlsx' },
        forEditing: true,
        path: file,
        language: 'ru',
      },
      env,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Компании')!;
    sheet.getRow(2).getCell(3).value = 'Опт, Москва';
    sheet.getRow(3).getCell(3).value = 'Розница, Тверь';
    await workbook.xlsx.writeFile(file);
    const { report } = await importFile(file);
    expect(report.summary.companies).toMatchObject({ update: 2, create: 0, skip: 0 });
    expect((await getCompany(database.db, first.id)).industry).toBe('Опт, Москва');
    expect((await getCompany(database.db, second.id)).industry).toBe('Розница, Тверь');
  });

  it('links a person added to a full export to the company its id names, not to another of the same name', async () => {
    await createCompany(database.db, { name: 'Ромашка', industry: 'Опт' }, env);
    const second = await createCompany(database.db, { name: 'Ромашка', industry: 'Розница' }, env);
    await createPerson(database.db, { lastName: 'Старый', companyId: second.id }, env);
    const file = path.join(dir, 'вся база.xlsx');
    await exportDatabase(database.db, { path: file, language: 'ru' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Люди')!;
    const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
    const column = (header: string) => headers.indexOf(header);
    // A row the user adds: no id of its own, the company's id and name copied from the row above.
    const added = sheet.getRow(3);
    added.getCell(column('Фамилия')).value = 'Новый';
    added.getCell(column('Компания')).value = 'Ромашка';
    added.getCell(column('ID компании в Картотеке')).value = second.id;
    await workbook.xlsx.writeFile(file);
    const { report } = await importFile(file);
    expect(report.summary.people).toMatchObject({ create: 1, skip: 0 });
    const newcomer = await database.db
      .selectFrom('people')
      .select('company_id')
      .where('last_name', '=', 'Новый')
      .executeTakeFirstOrThrow();
    expect(newcomer.company_id).toBe(second.id);
  });

  it('a company row without our id is not taken for one of two same-named companies, whichever batch it is in', async () => {
    const first = await createCompany(database.db, { name: 'Ромашка', industry: 'Опт' }, env);
    const second = await createCompany(database.db, { name: 'Ромашка', industry: 'Розница' }, env);
    const file = path.join(dir, 'ромашки.xlsx');
    await exportRecords(
      database.db,
      {
        entity: 'company',
        target: { ids: [first.id] },
        columns: ['name', 'industry'],
        format: { kind: 'xlsx' },
        forEditing: true,
        path: file,
        language: 'ru',
      },
      env,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Компании')!;
    sheet.getRow(2).getCell(3).value = 'Опт, Москва';
    for (let index = 0; index < 600; index += 1) sheet.addRow([null, `Компания ${index}`, 'Разное']);
    sheet.addRow([null, 'Ромашка', 'Филиал']);
    await workbook.xlsx.writeFile(file);
    const { dry, report } = await importFile(file, { mode: 'upsert', matchKeys: ['id'] });
    expect(report.summary.companies).toEqual(dry.summary.companies);
    expect((await getCompany(database.db, first.id)).industry).toBe('Опт, Москва');
    expect((await getCompany(database.db, second.id)).industry).toBe('Розница');
  });

  it('reads a column of "1,500" amounts as thousands, and a column of "1,5" as decimals', async () => {
    const amount = await createCustomField(database.db, { entity: 'person', label: 'Сумма', type: 'number' }, env);
    const ratio = await createCustomField(database.db, { entity: 'person', label: 'Коэффициент', type: 'number' }, env);
    const { opened, report } = await importFile(
      writeCsv(
        dir,
        'суммы.csv',
        [
          ['Фамилия', 'Сумма', 'Коэффициент'],
          ['Иванов', '1,500', '1,5'],
          ['Петров', '12,000', '2,75'],
          ['Сидоров', '250', '3'],
        ],
        ';',
      ),
    );
    const columns = opened.sheets[0]!.columns;
    expect(columns.map((column) => column.decimalSeparator)).toEqual([null, '.', ',']);
    expect(report.summary.people.create).toBe(3);
    const rows = await database.db
      .selectFrom('person_custom_values')
      .select(['field_id', 'value_number'])
      .orderBy('person_id')
      .orderBy('field_id')
      .execute();
    const values = (field: number) => rows.filter((row) => row.field_id === field).map((row) => row.value_number);
    expect(values(amount.id)).toEqual([1500, 12000, 250]);
    expect(values(ratio.id)).toEqual([1.5, 2.75, 3]);
  });

  it('imports the rows Excel hides unless told to leave them out, then names why each was skipped', async () => {
    const file = path.join(dir, 'с фильтром.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Клиенты');
    sheet.addRows([
      ['Фамилия', 'Имя', 'E-mail'],
      ['Иванов', 'Иван', 'ivanov@example.ru'],
      ['Петров', 'Пётр', 'petrov@example.ru'],
      ['Сидоров', 'Сидор', 'sidorov@example.ru'],
      ['Козлов', 'Кирилл', 'kozlov@example.ru'],
    ]);
    sheet.getRow(3).hidden = true;
    sheet.getRow(5).hidden = true;
    await workbook.xlsx.writeFile(file);
    const opened = await sessions.open(database.db, { path: file });
    expect(opened.sheets[0]?.hiddenRows).toEqual([2, 4]);
    const everything = suggestedSetup(opened);
    expect((await sessions.dryRun(database.db, opened.sessionId, everything, env)).summary.people.create).toBe(4);
    const visibleOnly = {
      ...everything,
      sheets: everything.sheets.map((item) => ({ ...item, skipHiddenRows: true })),
    };
    const report = await sessions.run(database.db, opened.sessionId, visibleOnly, env);
    expect(report.summary.people).toMatchObject({ create: 2, skip: 2 });
    expect(report.summary.skippedByReason).toEqual({ hiddenRow: 2 });
    expect(await liveNames(database)).toEqual(['Иванов Иван', 'Сидоров Сидор']);
  });

  it('leaves a hidden sheet out unless asked for it', async () => {
    const file = path.join(dir, 'с архивом.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Клиенты').addRows([
      ['Фамилия', 'Имя', 'E-mail'],
      ['Иванов', 'Иван', 'ivanov@example.ru'],
    ]);
    workbook.addWorksheet('Архив', { state: 'hidden' }).addRows([
      ['Фамилия', 'Имя', 'E-mail'],
      ['Старых', 'Пётр', 'old@example.ru'],
    ]);
    workbook.addWorksheet('Старые компании', { state: 'veryHidden' }).addRows([
      ['Название', 'Сайт'],
      ['ООО «Былое»', 'https://byloe.ru'],
    ]);
    await workbook.xlsx.writeFile(file);
    const { opened, report } = await importFile(file);
    expect(opened.sheets.map((sheet) => [sheet.name, sheet.hidden, sheet.entity, sheet.likelyEntity])).toEqual([
      ['Клиенты', false, 'person', 'person'],
      ['Архив', true, null, 'person'],
      ['Старые компании', true, null, 'company'],
    ]);
    // Named (the CLI's --sheet), a hidden sheet comes in as what its rows look like.
    expect(suggestedSetup(opened, 'Старые компании').sheets.map((sheet) => sheet.entity)).toEqual(['company']);
    // Its columns are still suggested, for when the user gives it a record type.
    expect(opened.sheets[1]!.columns.map((column) => column.targets)).toEqual([
      ['lastName'],
      ['firstName'],
      ['email.work'],
    ]);
    expect(report.summary.people.create).toBe(1);
    expect(await liveNames(database)).toEqual(['Иванов Иван']);
  });
});
