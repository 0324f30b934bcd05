/**
 * Sample files the import tests read: written fresh into a temp folder, the way Russian Excel,
 * Google Contacts, Outlook and phones produce them.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export const MESSY_HEADERS = [
  'ФИО',
  'Телефон',
  'E-mail',
  'Организация',
  'Должность',
  'Город',
  'Дата рождения',
  'Ответственный',
  'Комментарий',
  'Теги',
] as const;

type MessyCell = string | number | Date | null;

/** Data rows of the messy workbook, in sheet order (sheet rows 4…). */
export const MESSY_ROWS: MessyCell[][] = [
  [
    'Иванов Иван Иванович',
    79161234567,
    'ivanov@example.ru',
    'ООО «Ромашка»',
    'Директор',
    'Москва',
    new Date(Date.UTC(1980, 1, 15)),
    null,
    'Звонить после 18:00',
    'VIP, Опт',
  ],
  [
    'Петрова Мария Сергеевна',
    '8 (916) 765-43-21',
    'petrova@example.ru',
    'ООО «Ромашка»',
    'Бухгалтер',
    'Санкт-Петербург',
    '05.03.1985',
    null,
    null,
    'Опт',
  ],
  [
    'Сидоров Пётр',
    '+7 916 111-22-33, 8 495 123-45-67',
    'sidorov@example.ru',
    'АО «Вектор»',
    null,
    'Казань',
    null,
    null,
    null,
    null,
  ],
  [null, 79160000000, 'noname@example.ru', null, null, 'Тверь', null, null, 'Без имени', null],
  ['Кузнецов Алексей', 79162223344, 'kuznetsov@@example', null, null, null, null, null, null, null],
  ['Иванов Иван', 79169998877, 'IVANOV@example.ru', null, null, null, null, null, null, 'Новый'],
];

export const MESSY_SHEET = 'Клиенты';
/** The header row's 0-based index in the messy sheet. */
export const MESSY_HEADER_ROW = 3;

/** Title row, blank row, a merged group row, then the header and the data. */
export async function writeMessyWorkbook(dir: string, name = 'клиенты.xlsx'): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(MESSY_SHEET);
  sheet.getCell('A1').value = 'Клиенты на 01.03.2024';
  sheet.mergeCells('A1:J1');
  // Row 2 stays blank.
  sheet.getCell('A3').value = 'Клиент';
  sheet.getCell('B3').value = 'Контакты';
  sheet.mergeCells('B3:C3');
  sheet.getCell('D3').value = 'Работа';
  sheet.mergeCells('D3:E3');
  sheet.getCell('F3').value = 'Прочее';
  sheet.mergeCells('F3:J3');
  sheet.getRow(4).values = [...MESSY_HEADERS];
  MESSY_ROWS.forEach((row, index) => {
    const excelRow = sheet.getRow(5 + index);
    row.forEach((value, column) => {
      if (value !== null) excelRow.getCell(column + 1).value = value;
    });
  });
  sheet.getColumn(7).numFmt = 'dd.mm.yyyy';
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** A plain one-sheet workbook from rows (first row the header). */
export async function writeWorkbook(dir: string, name: string, rows: MessyCell[][], sheetName = 'Лист1') {
  return writeWorkbookSheets(dir, name, [{ name: sheetName, rows }]);
}

const csvLine = (cells: readonly string[], delimiter: string) =>
  cells
    .map((cell) =>
      cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') ? `"${cell.replace(/"/g, '""')}"` : cell,
    )
    .join(delimiter);

/** What "CSV (разделители — точка с запятой)" in Russian Excel writes: CP1251, `;`, CRLF. */
export function writeCp1251Csv(dir: string, name = 'контакты.csv'): string {
  const rows = [
    ['Фамилия', 'Имя', 'Отчество', 'Моб. телефон', 'Почта'],
    ['Ёлкина', 'Мария', 'Петровна', '8 916 555-66-77', 'elkina@example.ru'],
    ['Соловьёв', 'Пётр', 'Ильич', '+7 (903) 123-45-67', 'solovyov@example.ru'],
  ];
  const file = path.join(dir, name);
  fs.writeFileSync(file, iconv.encode(rows.map((row) => csvLine(row, ';')).join('\r\n') + '\r\n', 'win1251'));
  return file;
}

export const GOOGLE_HEADERS = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Phonetic First Name',
  'Nickname',
  'Birthday',
  'Notes',
  'Labels',
  'E-mail 1 - Label',
  'E-mail 1 - Value',
  'Phone 1 - Label',
  'Phone 1 - Value',
  'Phone 2 - Label',
  'Phone 2 - Value',
  'Organization Name',
  'Organization Title',
  'Address 1 - Label',
  'Address 1 - City',
  'Address 2 - Label',
  'Address 2 - City',
];

/** Google Contacts' "Google CSV" export (the 2023 header style). */
export function writeGoogleCsv(dir: string, name = 'contacts.csv'): string {
  const rows = [
    GOOGLE_HEADERS,
    [
      'Anna',
      '',
      'Smith',
      '',
      '',
      '1990-07-04',
      'Met at the fair',
      'Clients ::: * myContacts',
      '* Work',
      'anna.smith@example.com',
      'Mobile',
      '+1 415 555 0134',
      'Work Fax',
      '+1 415 555 0199',
      'Acme Inc',
      'CTO',
      'Home',
      'San Francisco',
      'Work',
      'Palo Alto',
    ],
    [
      'Борис',
      'Олегович',
      'Гусев',
      '',
      '',
      '',
      '',
      '* myContacts',
      '* Home',
      'gusev@example.ru',
      'Mobile',
      '8 916 333-44-55',
      '',
      '+7 495 111-22-33',
      '',
      '',
      '',
      'Тверь',
      '',
      '',
    ],
  ];
  const file = path.join(dir, name);
  fs.writeFileSync(file, rows.map((row) => csvLine(row, ',')).join('\n') + '\n');
  return file;
}

export const OUTLOOK_HEADERS = [
  'First Name',
  'Last Name',
  'Company',
  'Job Title',
  'Business Phone',
  'Mobile Phone',
  'E-mail Address',
  'Categories',
  'Business City',
  'Home Street',
  'Home City',
];

/** Outlook's "Comma Separated Values" export. */
export function writeOutlookCsv(dir: string, name = 'outlook.csv'): string {
  const rows = [
    OUTLOOK_HEADERS,
    [
      'John',
      'Doe',
      'Contoso Ltd',
      'Manager',
      '+44 20 7946 0958',
      '+44 7911 123456',
      'john.doe@contoso.com',
      'Partners',
      'London',
      '221B Baker Street',
      'London',
    ],
    ['Ольга', 'Морозова', 'ООО «Ромашка»', 'Юрист', '', '89167778899', 'morozova@romashka.ru', '', '', '', 'Тверь'],
  ];
  const file = path.join(dir, name);
  fs.writeFileSync(file, '\uFEFF' + rows.map((row) => csvLine(row, ',')).join('\r\n') + '\r\n');
  return file;
}

/** Two vCard 3.0 cards, one Cyrillic with a home and a (preferred) work address, as an iPhone writes them. */
export function writeVcard(dir: string, name = 'contacts.vcf'): string {
  const text = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'N:Смирнов;Андрей;Викторович;;',
    'FN:Андрей Викторович Смирнов',
    'ORG:ООО «Ромашка»',
    'TITLE:Инженер',
    'TEL;TYPE=CELL:+7 916 444-55-66',
    'EMAIL;TYPE=INTERNET:smirnov@romashka.ru',
    'item1.ADR;TYPE=HOME:;;ул. Садовая\\, 3;Химки;;141400;Россия',
    'item2.ADR;TYPE=WORK;TYPE=pref:;;Тверская ул.\\, 1;Москва;;125009;Россия',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:3.0',
    'N:Brown;Emily;;;',
    'FN:Emily Brown',
    'ORG:Globex',
    'TEL;TYPE=WORK,VOICE:+1 212 555 0199',
    'EMAIL;TYPE=INTERNET,WORK:emily@globex.com',
    'END:VCARD',
    '',
  ].join('\r\n');
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** A simple UTF-8 CSV from rows. */
export function writeCsv(dir: string, name: string, rows: string[][], delimiter = ','): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, rows.map((row) => csvLine(row, delimiter)).join('\n') + '\n');
  return file;
}

/** Many people, for the cancel test: `count` rows of a plain CSV. */
export function writeManyPeopleCsv(dir: string, count: number, name = 'many.csv'): string {
  const rows = [['Фамилия', 'Имя', 'E-mail']];
  for (let index = 0; index < count; index += 1) {
    rows.push([`Фамилия${index}`, `Имя${index}`, `person${index}@example.ru`]);
  }
  return writeCsv(dir, name, rows);
}

/** A workbook with several sheets, each from rows (first row the header), in the order given. */
export async function writeWorkbookSheets(
  dir: string,
  name: string,
  /** `hiddenRows`: 0-based rows Excel hides (as a filter does). */
  sheets: ReadonlyArray<{ name: string; rows: MessyCell[][]; hidden?: boolean; hiddenRows?: number[] }>,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const { name: sheetName, rows, hidden = false, hiddenRows = [] } of sheets) {
    const sheet = workbook.addWorksheet(sheetName, { state: hidden ? 'hidden' : 'visible' });
    rows.forEach((row, index) => {
      const excelRow = sheet.getRow(index + 1);
      if (hiddenRows.includes(index)) excelRow.hidden = true;
      row.forEach((value, column) => {
        if (value !== null) excelRow.getCell(column + 1).value = value;
      });
    });
  }
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}
