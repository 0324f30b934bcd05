import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../main/spreadsheets/cell';
import { createCsvWriter } from '../../main/spreadsheets/csv-writer';
import type { ExportColumn } from '../../main/spreadsheets/table-writer';
import { createXlsxWriter } from '../../main/spreadsheets/xlsx-writer';
import { useTempDir } from '../support/temp-dir';

const LONG_CYRILLIC = 'Съешь же ещё этих мягких французских булок, да выпей чаю. '.repeat(40).trim();
const CITIES = Array.from({ length: 40 }, (_, i) => `Город номер ${i + 1}`);
const STATUSES = ['Новый', 'В работе', 'Закрыт'];

const clientColumns: ExportColumn[] = [
  { key: 'id', header: 'ID', type: 'integer', hidden: true },
  { key: 'name', header: 'Имя', type: 'text' },
  { key: 'status', header: 'Статус', type: 'text', choices: STATUSES },
  { key: 'city', header: 'Город', type: 'text', choices: CITIES },
  { key: 'birthday', header: 'День рождения', type: 'date' },
  { key: 'contactedAt', header: 'Последний контакт', type: 'datetime' },
  { key: 'balance', header: 'Баланс', type: 'money', currency: 'RUB' },
  { key: 'vip', header: 'VIP', type: 'boolean' },
  { key: 'score', header: 'Оценка', type: 'number' },
  { key: 'phone', header: 'Телефон', type: 'text' },
  { key: 'note', header: 'Заметка', type: 'text' },
];

const clientRows: CellValue[][] = [
  [
    1,
    'Иванов Иван',
    'Новый',
    'Город номер 3',
    '1990-05-17',
    '2024-03-05T10:15:00',
    123456,
    true,
    4.5,
    '+7 916 123-45-67',
    LONG_CYRILLIC,
  ],
  [
    2,
    '=1+1',
    'Закрыт',
    null,
    new Date(Date.UTC(1985, 0, 2)),
    '2024-03-05T10:15:00+03:00',
    -99,
    false,
    -42.5,
    '-5',
    '@SUM(A1)',
  ],
  [3, 'Петрова Анна', null, null, null, null, null, null, null, null, null],
];

/** What exceljs reads but its typings leave out. */
type ReadSheet = ExcelJS.Worksheet & {
  sheetProtection?: Record<string, unknown> | null;
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
};
const readSheet = (book: ExcelJS.Workbook, name: string) => book.getWorksheet(name) as ReadSheet;

function cellsOf(row: ExcelJS.Row, count: number): ExcelJS.CellValue[] {
  return Array.from({ length: count }, (_, i) => row.getCell(i + 1).value);
}

describe('xlsx writer', () => {
  const tempDir = useTempDir();

  it('writes formatted, guarded, validated and protected sheets that exceljs reads back', async () => {
    const file = path.join(tempDir(), 'export.xlsx');
    const writer = createXlsxWriter(file, { protectIdColumn: true });
    await writer.addSheet('Клиенты', clientColumns);
    for (const row of clientRows) await writer.addRow(row);

    await writer.addSheet('Сделки/2024', [
      { key: 'title', header: 'Сделка', type: 'text' },
      { key: 'amount', header: 'Сумма', type: 'money', currency: 'USD' },
      { key: 'eur', header: 'Сумма, €', type: 'money', currency: 'EUR' },
      { key: 'kzt', header: 'Сумма, ₸', type: 'money', currency: 'kzt' },
      { key: 'count', header: 'Количество', type: 'integer', width: 20 },
    ]);
    for (let i = 0; i < 150; i++) await writer.addRow([`Сделка ${i}`, i * 100 + 1, 250, 5, i * 1000]);

    await writer.addSheet('Очень длинное название листа для экспорта контактов', clientColumns.slice(0, 2));
    await writer.addRow([10, 'Сидоров']);
    expect(await writer.close()).toEqual({ rows: 154 });

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((ws) => ws.name)).toEqual([
      'Клиенты',
      'Сделки_2024',
      'Очень длинное название листа дл', // 31 characters
      '_lists',
    ]);
    expect(book.worksheets.map((ws) => ws.state)).toEqual(['visible', 'visible', 'visible', 'hidden']);

    const clients = readSheet(book, 'Клиенты');
    // Header: bold, frozen, filtered.
    expect(cellsOf(clients.getRow(1), 11)).toEqual(clientColumns.map((c) => c.header));
    expect(clients.getRow(1).getCell(2).font?.bold).toBe(true);
    expect(clients.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(clients.autoFilter).toBe('A1:K4');

    // Values and formats.
    const [first, second, third] = [clients.getRow(2), clients.getRow(3), clients.getRow(4)];
    expect(cellsOf(first, 11)).toEqual([
      1,
      'Иванов Иван',
      'Новый',
      'Город номер 3',
      new Date(Date.UTC(1990, 4, 17)),
      new Date(Date.UTC(2024, 2, 5, 10, 15)),
      1234.56,
      true,
      4.5,
      '+7 916 123-45-67',
      LONG_CYRILLIC,
    ]);
    expect(first.getCell(5).value).toBeInstanceOf(Date);
    expect(first.getCell(5).numFmt).toBe('dd.mm.yyyy');
    expect(first.getCell(6).numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(first.getCell(7).numFmt).toBe('#,##0.00 "₽"');
    expect(first.getCell(9).numFmt).toBe('#,##0.00');
    expect(first.getCell(1).numFmt).toBe('#,##0');
    expect(first.getCell(8).type).toBe(ExcelJS.ValueType.Boolean);
    expect(cellsOf(second, 11)).toEqual([
      2,
      "'=1+1",
      'Закрыт',
      null,
      new Date(Date.UTC(1985, 0, 2)),
      new Date(Date.UTC(2024, 2, 5, 7, 15)), // an instant: shown as UTC wall clock
      -0.99,
      false,
      -42.5,
      "'-5",
      "'@SUM(A1)",
    ]);
    expect(second.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(second.getCell(2).formula).toBeUndefined();
    expect(cellsOf(third, 3)).toEqual([3, 'Петрова Анна', null]);

    // Widths: computed from content and clamped.
    expect(clients.getColumn(2).width).toBe(13); // "Петрова Анна" + 1, above the header + 3
    expect(clients.getColumn(11).width).toBe(60);
    expect(clients.getColumn(8).width).toBe(8);

    // Hidden, locked id column on a protected sheet; everything else editable.
    expect(clients.getColumn(1).hidden).toBe(true);
    expect(clients.getColumn(2).hidden).toBe(false);
    expect(clients.sheetProtection).toMatchObject({ sheet: true, autoFilter: true, sort: true, insertRows: true });
    expect(clients.sheetProtection).not.toHaveProperty('hashValue');
    expect(first.getCell(1).protection?.locked).not.toBe(false);
    expect(first.getCell(2).protection).toMatchObject({ locked: false });
    expect(first.getCell(7).protection).toMatchObject({ locked: false });
    expect(clients.getColumn(4).style.protection).toMatchObject({ locked: false });

    // Drop-downs: short list inline, long list on the hidden _lists sheet, over data + spare rows.
    const validations = clients.dataValidations.model;
    expect(validations['C2']).toMatchObject({ type: 'list', formulae: ['"Новый,В работе,Закрыт"'] });
    expect(validations['C1004']).toEqual(validations['C2']);
    expect(validations['C1005']).toBeUndefined();
    expect(validations['D2']).toMatchObject({ type: 'list', formulae: ["'_lists'!$A$1:$A$40"] });
    expect(validations['B2']).toBeUndefined();
    const lists = book.getWorksheet('_lists')!;
    expect(lists.getColumn(1).values.slice(1)).toEqual(CITIES);

    const deals = book.getWorksheet('Сделки_2024')!;
    expect(deals.rowCount).toBe(151);
    expect(cellsOf(deals.getRow(151), 5)).toEqual(['Сделка 149', 149.01, 2.5, 0.05, 149_000]);
    expect(deals.getRow(2).getCell(2).numFmt).toBe('"$"#,##0.00');
    expect(deals.getRow(2).getCell(3).numFmt).toBe('#,##0.00 "€"');
    expect(deals.getRow(2).getCell(4).numFmt).toBe('#,##0.00 "KZT"');
    expect(deals.getColumn(5).width).toBe(20);
    expect(deals.autoFilter).toBe('A1:E151');
  });

  it('writes valid files without protection, with fewer rows than the width sample, or no sheet', async () => {
    const file = path.join(tempDir(), 'plain.xlsx');
    const writer = createXlsxWriter(file);
    await writer.addSheet('History', clientColumns.slice(0, 3));
    await writer.addRow([1, 'Один', 'Новый']);
    await writer.addSheet('history', clientColumns.slice(0, 2));
    expect(await writer.close()).toEqual({ rows: 1 });
    await writer.abort(); // too late: a finished file is kept
    expect(fs.existsSync(file)).toBe(true);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['History_', 'history_ (2)']);
    const sheet = readSheet(book, 'History_');
    expect(sheet.sheetProtection).toBeFalsy();
    expect(sheet.getColumn(1).hidden).toBe(true);
    expect(sheet.getRow(2).getCell(2).protection).toBeUndefined();
    expect(book.worksheets[1]!.rowCount).toBe(1);

    const empty = path.join(tempDir(), 'empty.xlsx');
    await createXlsxWriter(empty).close();
    const emptyBook = new ExcelJS.Workbook();
    await emptyBook.xlsx.readFile(empty);
    expect(emptyBook.worksheets.map((ws) => ws.name)).toEqual(['Sheet1']);
  });

  it('abort stops writing and deletes the partial file', async () => {
    const file = path.join(tempDir(), 'aborted.xlsx');
    const writer = createXlsxWriter(file);
    await writer.addSheet('Данные', clientColumns);
    for (let i = 0; i < 500; i++) await writer.addRow(clientRows[0]!);
    await writer.abort();
    expect(fs.existsSync(file)).toBe(false);
    await expect(writer.addRow([1])).rejects.toThrow(/aborted/);
    await writer.abort();
  });

  it('streams 200,000 rows in bounded memory', { timeout: 300_000 }, async () => {
    const file = path.join(tempDir(), 'big.xlsx');
    const writer = createXlsxWriter(file, { protectIdColumn: true });
    await writer.addSheet('Большой', clientColumns);
    const total = 200_000;
    const startRss = process.memoryUsage().rss;
    let peakRss = startRss;
    const started = performance.now();
    for (let i = 1; i <= total; i++) {
      await writer.addRow([
        i,
        `Клиент номер ${i}`,
        STATUSES[i % 3]!,
        CITIES[i % 40]!,
        '1990-05-17',
        '2024-03-05T10:15:00',
        i * 137,
        i % 2 === 0,
        i / 7,
        '+7 916 123-45-67',
        'Короткая заметка о клиенте, чтобы строка была похожа на настоящую',
      ]);
      if (i % 5_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    expect(await writer.close()).toEqual({ rows: total });
    const seconds = (performance.now() - started) / 1000;
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
    console.log(
      `xlsx: ${total} rows in ${seconds.toFixed(1)} s = ${Math.round(total / seconds)} rows/s, ` +
        `RSS ${mb(startRss)} before, peak ${mb(peakRss)}, file ${mb(fs.statSync(file).size)}`,
    );

    // Read back with the streaming reader: every row is there, the last one intact.
    let count = 0;
    let last: ExcelJS.CellValue[] = [];
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
    for await (const sheet of reader) {
      for await (const row of sheet) {
        count++;
        last = cellsOf(row, 3);
      }
      break; // the hidden _lists sheet follows
    }
    expect(count).toBe(total + 1);
    expect(last).toEqual([total, `Клиент номер ${total}`, STATUSES[total % 3]]);
  });
});

describe('csv writer', () => {
  const tempDir = useTempDir();
  const columns: ExportColumn[] = [
    { key: 'name', header: 'Имя', type: 'text' },
    { key: 'birthday', header: 'Дата рождения', type: 'date' },
    { key: 'contactedAt', header: 'Контакт', type: 'datetime' },
    { key: 'balance', header: 'Баланс', type: 'money', currency: 'RUB' },
    { key: 'vip', header: 'VIP', type: 'boolean' },
    { key: 'score', header: 'Оценка; балл', type: 'number' },
    { key: 'phone', header: 'Телефон', type: 'text' },
  ];
  const rows: CellValue[][] = [
    ['Иванов, Иван', '1990-05-17', '2024-03-05T10:15:30', 123456, true, 4.5, '+7 916 123-45-67'],
    ['=HYPERLINK("http://x")', new Date(Date.UTC(1985, 0, 2)), null, -5, false, -42, '-5'],
    ['Строка 1\r\nСтрока 2 "в кавычках"', null, null, 7, null, 1e21, ' отступ '],
    ['Эмодзи 😀 и €', 'не дата', null, null, null, null, 'tab\there'],
  ];

  async function write(file: string, options: Parameters<typeof createCsvWriter>[1]) {
    const writer = createCsvWriter(file, options);
    await writer.addSheet('ignored', columns);
    for (const row of rows) await writer.addRow(row);
    await expect(writer.addSheet('second', columns)).rejects.toThrow(/one sheet/);
    return writer.close();
  }

  it('writes UTF-8 with a BOM, commas, ISO dates and CRLF', async () => {
    const file = path.join(tempDir(), 'export.csv');
    expect(await write(file, { encoding: 'utf-8' })).toEqual({ rows: 4, unencodable: 0 });
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toBe(
      [
        'Имя,Дата рождения,Контакт,Баланс,VIP,Оценка; балл,Телефон',
        '"Иванов, Иван",1990-05-17,2024-03-05 10:15:30,1234.56,1,4.5,\'+7 916 123-45-67',
        '"\'=HYPERLINK(""http://x"")",1985-01-02,,-0.05,0,-42,\'-5',
        '"Строка 1\r\nСтрока 2 ""в кавычках""",,,0.07,,1e+21," отступ "',
        'Эмодзи 😀 и €,не дата,,,,,tab\there',
        '',
      ].join('\r\n'),
    );
  });

  it('writes Windows-1251 with semicolons, decimal commas and dd.mm.yyyy dates', async () => {
    const file = path.join(tempDir(), 'export-1251.csv');
    // The emoji is the one character Windows-1251 lacks (€ it has): counted, for the user to hear.
    expect(await write(file, { encoding: 'windows-1251' })).toEqual({ rows: 4, unencodable: 1 });
    const bytes = fs.readFileSync(file);
    expect(bytes[0]).not.toBe(0xef);
    expect(bytes.includes(Buffer.from('Имя', 'utf8'))).toBe(false);
    const text = iconv.decode(bytes, 'win1251');
    expect(text).toBe(
      [
        'Имя;Дата рождения;Контакт;Баланс;VIP;"Оценка; балл";Телефон',
        "Иванов, Иван;17.05.1990;05.03.2024 10:15:30;1234,56;1;4,5;'+7 916 123-45-67",
        '"\'=HYPERLINK(""http://x"")";02.01.1985;;-0,05;0;-42;\'-5',
        '"Строка 1\r\nСтрока 2 ""в кавычках""";;;0,07;;1e+21;" отступ "',
        'Эмодзи ? и €;не дата;;;;;tab\there',
        '',
      ].join('\r\n'),
    );
  });

  it('writes numbers no reader takes for others: no exponent, never exactly three decimals', async () => {
    const file = path.join(tempDir(), 'numbers.csv');
    const writer = createCsvWriter(file, { encoding: 'windows-1251' });
    await writer.addSheet('ignored', [{ key: 'n', header: 'Число', type: 'number' }]);
    for (const value of [2.125, -0.125, 12.5, 1e-7, 1500]) await writer.addRow([value]);
    await writer.close();
    const lines = iconv.decode(fs.readFileSync(file), 'win1251').split('\r\n');
    expect(lines.slice(1, 6)).toEqual(['2,1250', '-0,1250', '12,5', '0,0000001', '1500']);
  });

  it('honours an explicit delimiter and deletes the file on abort', async () => {
    const file = path.join(tempDir(), 'semicolon-utf8.csv');
    await write(file, { encoding: 'utf-8', delimiter: ';' });
    const lines = fs.readFileSync(file, 'utf8').slice(1).split('\r\n');
    expect(lines[1]).toBe("Иванов, Иван;17.05.1990;05.03.2024 10:15:30;1234,56;1;4,5;'+7 916 123-45-67");

    const aborted = path.join(tempDir(), 'aborted.csv');
    const writer = createCsvWriter(aborted, { encoding: 'windows-1251' });
    await writer.addSheet('x', columns);
    await writer.addRow(rows[0]!);
    await writer.abort();
    expect(fs.existsSync(aborted)).toBe(false);
    await expect(writer.close()).rejects.toThrow(/aborted/);

    const empty = path.join(tempDir(), 'empty.csv');
    expect(await createCsvWriter(empty, { encoding: 'utf-8' }).close()).toEqual({ rows: 0, unencodable: 0 });
    expect([...fs.readFileSync(empty)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
