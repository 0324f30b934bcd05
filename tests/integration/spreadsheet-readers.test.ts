import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../../main/spreadsheets/cell';
import { openSpreadsheet } from '../../main/spreadsheets/source';
import { readSharedStrings, SharedStrings } from '../../main/spreadsheets/shared-strings';
import { VCARD_COLUMNS } from '../../main/spreadsheets/vcard-source';
import { workerSheetRows } from '../../main/spreadsheets/worker-sheet-rows';
import { openXlsx } from '../../main/spreadsheets/xlsx-source';
import { readZipDirectory } from '../../main/spreadsheets/zip-source';
import { AppError } from '../../shared/errors';
import { collect } from '../support/collect';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

async function rowsOf(file: string, csv?: Parameters<typeof openSpreadsheet>[1]): Promise<SheetRow[]> {
  const source = await openSpreadsheet(file, csv);
  const [sheet] = await source.sheets();
  return collect(source.rows(sheet!.name));
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

/** Open descriptors of this process (Linux); null where /proc isn't there. */
function openFds(): number | null {
  return fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : null;
}

/** Streams close their descriptor asynchronously; give them a moment to get back to `baseline`. */
async function expectFdsBackTo(baseline: number | null): Promise<void> {
  if (baseline === null) return;
  for (let i = 0; i < 50 && openFds()! > baseline; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(openFds()).toBe(baseline);
}

const CONTACTS = [
  ['Фамилия', 'Имя', 'Телефон', 'Комментарий'],
  ['Иванов', 'Иван', '+7 916 123-45-67', 'Звонить после 18:00'],
  ['Ёлкина', 'Мария', '8 (495) 765-43-21', ''],
  ['Соловьёв', 'Пётр', '', 'ООО «Ромашка»'],
];

const toCsv = (rows: string[][], delimiter: string, newline: string): string =>
  rows.map((row) => row.join(delimiter)).join(newline) + newline;

const expectedContacts: SheetRow[] = [
  { index: 0, cells: ['Фамилия', 'Имя', 'Телефон', 'Комментарий'] },
  { index: 1, cells: ['Иванов', 'Иван', '+7 916 123-45-67', 'Звонить после 18:00'] },
  { index: 2, cells: ['Ёлкина', 'Мария', '8 (495) 765-43-21'] },
  { index: 3, cells: ['Соловьёв', 'Пётр', null, 'ООО «Ромашка»'] },
];

describe('CSV reader', () => {
  it('reads UTF-8 without a BOM', async () => {
    const file = write('contacts.csv', toCsv(CONTACTS, ',', '\n'));
    const source = await openSpreadsheet(file);
    expect(source.format).toBe('csv');
    expect(source.csv).toEqual({ encoding: 'utf-8', delimiter: ',' });
    expect(await source.sheets()).toEqual([{ name: 'contacts' }]);
    expect(await collect(source.rows('contacts'))).toEqual(expectedContacts);
  });

  it('reads rows a script appended with \\n after a header Excel ended with \\r\\n, one record each', async () => {
    const [header, ...rows] = toCsv(CONTACTS, ';', '\n').split('\n');
    const file = write('mixed.csv', `${header}\r\n${rows.join('\n')}`);
    expect(await collect((await openSpreadsheet(file)).rows('mixed'))).toEqual(expectedContacts);
  });

  it('takes a \\r\\n split between two reads of the file for one line break', async () => {
    // The reader takes 64 KiB at a time: the first read ends right after a \r, the next starts with its \n.
    const head = 'name;phone\r\nfirst;1\nsecond;2\r\n';
    const filler = 'padding;'.padEnd(64 * 1024 - head.length - 1, 'x');
    const file = write('split.csv', `${head}${filler}\r\nlast;3\r\n`);
    const rows = await collect((await openSpreadsheet(file)).rows('split'));
    expect(rows.map((row) => row.cells)).toEqual([
      ['name', 'phone'],
      ['first', '1'],
      ['second', '2'],
      ['padding', filler.slice('padding;'.length)],
      ['last', '3'],
    ]);
  });

  it('reads a file whose exporter left quotes inside quoted names undoubled: a record per line, none swallowed', async () => {
    const lines = ['Клиент;Компания;Телефон'];
    for (let n = 1; n <= 50; n += 1) {
      lines.push(`Клиент ${n};"ООО ""Вектор ${n}""";+7 916 000-00-${String(n).padStart(2, '0')}`);
    }
    // Row 26: inner quotes not doubled; row 40: a field that only starts with a quote.
    lines[26] = 'Клиент 26;"ООО "Ромашка"";+7 916 000-00-26';
    lines[40] = 'Клиент 40;"Ромашка" ООО;+7 916 000-00-40';
    const file = write('broken-quotes.csv', `${lines.join('\r\n')}\r\n`);
    const rows = await collect((await openSpreadsheet(file)).rows('broken-quotes'));
    expect(rows).toHaveLength(51);
    expect(rows[1]!.cells).toEqual(['Клиент 1', 'ООО "Вектор 1"', '+7 916 000-00-01']);
    expect(rows[26]!.cells).toEqual(['Клиент 26', 'ООО "Ромашка"', '+7 916 000-00-26']);
    expect(rows[40]!.cells).toEqual(['Клиент 40', '"Ромашка" ООО', '+7 916 000-00-40']);
    expect(rows[50]!.cells).toEqual(['Клиент 50', 'ООО "Вектор 50"', '+7 916 000-00-50']);
  });

  it('reads UTF-8 with a BOM, which does not end up in the first cell', async () => {
    const file = write('bom.csv', '\uFEFF' + toCsv(CONTACTS, ';', '\r\n'));
    const source = await openSpreadsheet(file);
    expect(source.csv).toEqual({ encoding: 'utf-8', delimiter: ';' });
    expect(await rowsOf(file)).toEqual(expectedContacts);
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text", tab-separated)', async () => {
    const file = write('unicode.txt', iconv.encode(toCsv(CONTACTS, '\t', '\r\n'), 'utf-16le', { addBOM: true }));
    const source = await openSpreadsheet(file);
    expect(source.csv).toEqual({ encoding: 'utf-16le', delimiter: '\t' });
    expect(await rowsOf(file)).toEqual(expectedContacts);
  });

  it('reads Windows-1251 with semicolons, as Russian Excel saves CSV', async () => {
    const file = write('excel-ru.csv', iconv.encode(toCsv(CONTACTS, ';', '\r\n'), 'win1251'));
    const source = await openSpreadsheet(file);
    expect(source.csv).toEqual({ encoding: 'windows-1251', delimiter: ';' });
    expect(await rowsOf(file)).toEqual(expectedContacts);
  });

  it('reads on past a plain-ASCII start to tell Windows-1251 from UTF-8', async () => {
    // 300 KB of Latin rows first (more than the head read up front), then a Cyrillic one.
    const latin = Array.from({ length: 12_000 }, (_, index) => `Smith${index};London;+44 20 7946 0958`).join('\r\n');
    const text = `Name;City;Phone\r\n${latin}\r\nЮлия;Тверь;8 916 123-45-67\r\n`;
    const cp1251 = write('long-1251.csv', iconv.encode(text, 'win1251'));
    expect((await openSpreadsheet(cp1251)).csv).toEqual({ encoding: 'windows-1251', delimiter: ';' });
    const utf8 = write('long-utf8.csv', Buffer.from(text, 'utf8'));
    expect((await openSpreadsheet(utf8)).csv).toEqual({ encoding: 'utf-8', delimiter: ';' });
    const rows = await rowsOf(cp1251);
    expect(rows.at(-1)).toEqual({ index: 12_001, cells: ['Юлия', 'Тверь', '8 916 123-45-67'] });
    // One Windows-1251 letter as the very last byte: not taken for the start of a UTF-8 one.
    const lastByte = write(
      'last-byte.csv',
      Buffer.concat([Buffer.from(`Name;City\r\n${latin}\r\nA;`), Buffer.from([0xc8])]),
    );
    expect((await openSpreadsheet(lastByte)).csv).toEqual({ encoding: 'windows-1251', delimiter: ';' });
  });

  it('lets given settings override detection', async () => {
    const file = write('forced.csv', iconv.encode('a;b|c\r\nd;e|f\r\n', 'win1251'));
    expect((await openSpreadsheet(file)).csv).toEqual({ encoding: 'utf-8', delimiter: ';' });
    const source = await openSpreadsheet(file, { delimiter: '|' });
    expect(source.csv).toEqual({ encoding: 'utf-8', delimiter: '|' });
    expect(await rowsOf(file, { delimiter: '|' })).toEqual([
      { index: 0, cells: ['a;b', 'c'] },
      { index: 1, cells: ['d;e', 'f'] },
    ]);
    const cp1251 = write('mislabelled.csv', iconv.encode('Имя;Город\r\nЮлия;Тверь\r\n', 'win1251'));
    expect(await rowsOf(cp1251, { encoding: 'windows-1251' })).toEqual([
      { index: 0, cells: ['Имя', 'Город'] },
      { index: 1, cells: ['Юлия', 'Тверь'] },
    ]);
    await expect(openSpreadsheet(file, { delimiter: '"' })).rejects.toMatchObject({ code: 'InvalidInput' });
  });

  it('handles quoted fields with delimiters, line breaks and "" escapes; keeps raw text', async () => {
    const text = [
      'Имя;Заметка;Телефон',
      '"Иванов; Иван";"первая строка',
      'вторая строка";+7 916',
      '"Петрова";"сказала ""привет""";  8 495  ',
      '',
      'Сидоров;;;;',
      '"";"";""',
      'last;row',
    ].join('\r\n');
    const file = write('quoted.csv', text);
    expect(await rowsOf(file)).toEqual([
      { index: 0, cells: ['Имя', 'Заметка', 'Телефон'] },
      { index: 1, cells: ['Иванов; Иван', 'первая строка\r\nвторая строка', '+7 916'] },
      { index: 2, cells: ['Петрова', 'сказала "привет"', '  8 495  '] },
      { index: 4, cells: ['Сидоров'] },
      { index: 6, cells: ['last', 'row'] },
    ]);
  });

  it('parses records that straddle read chunks exactly', async () => {
    // Long multi-line quoted notes make records cross the 64 KB read boundaries at every position.
    const expected: string[][] = [];
    const lines: string[] = ['id,note,tail'];
    for (let i = 0; i < 3000; i += 1) {
      const note = `Заметка ${i}\n${'ё'.repeat(i % 97)} "q" ${','.repeat(i % 5)}\r\nконец`;
      expected.push([String(i), note, `t${i}`]);
      lines.push(`${i},"${note.replaceAll('"', '""')}",t${i}`);
    }
    const file = write('straddle.csv', lines.join('\r\n') + '\r\n');
    expect(fs.statSync(file).size).toBeGreaterThan(4 * 64 * 1024);
    const rows = await rowsOf(file);
    expect(rows).toHaveLength(3001);
    expect(rows.slice(1).map((row) => row.cells)).toEqual(expected);
    expect(rows.map((row) => row.index)).toEqual(rows.map((_, i) => i));
  });

  it('reads a file without a final line break and a one-column file', async () => {
    expect(await rowsOf(write('no-eol.csv', 'a,b\nc,d'))).toEqual([
      { index: 0, cells: ['a', 'b'] },
      { index: 1, cells: ['c', 'd'] },
    ]);
    expect(await rowsOf(write('names.csv', 'Иванов\nПетров\n'))).toEqual([
      { index: 0, cells: ['Иванов'] },
      { index: 1, cells: ['Петров'] },
    ]);
    expect(await rowsOf(write('empty.csv', ''))).toEqual([]);
  });

  it('releases the file when the loop is left early, and can be read again', async () => {
    const file = write(
      'big.csv',
      toCsv(
        Array.from({ length: 50_000 }, (_, i) => [`n${i}`, `${i}`]),
        ';',
        '\n',
      ),
    );
    const source = await openSpreadsheet(file);
    const baseline = openFds();
    for await (const row of source.rows('big')) {
      expect(row).toEqual({ index: 0, cells: ['n0', '0'] });
      break;
    }
    await expectFdsBackTo(baseline);
    const again = await collect(source.rows('big'));
    expect(again).toHaveLength(50_000);
    expect(again[49_999]).toEqual({ index: 49_999, cells: ['n49999', '49999'] });
    await expect(collect(source.rows('other'))).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('streams 200,000 rows without holding the file', async () => {
    const file = path.join(tempDir(), 'large.csv');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, 'Фамилия;Имя;Телефон;Email;Компания;Заметка\r\n');
    for (let block = 0; block < 200; block += 1) {
      let text = '';
      for (let i = block * 1000; i < (block + 1) * 1000; i += 1) {
        text += `Фамилия${i};Имя${i};+7 916 ${String(i).padStart(7, '0')};user${i}@example.com;"ООО ""Компания ${i % 977}""";Заметка номер ${i} про клиента\r\n`;
      }
      fs.writeSync(fd, text);
    }
    fs.closeSync(fd);
    const size = fs.statSync(file).size;

    // A real collection before each reading, so garbage not yet collected doesn't count as held.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage();
    let peakHeap = 0;
    let peakLiveHeap = 0;
    let peakRss = 0;
    let count = 0;
    let sample: SheetRow | undefined;
    const source = await openSpreadsheet(file);
    for await (const row of source.rows('large')) {
      count += 1;
      if (row.index === 123_456) sample = row;
      if (count % 5000 === 0) {
        const now = process.memoryUsage();
        peakHeap = Math.max(peakHeap, now.heapUsed - before.heapUsed);
        peakRss = Math.max(peakRss, now.rss - before.rss);
      }
      if (count % 25_000 === 0) {
        gc();
        peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed - before.heapUsed);
      }
    }
    const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
    console.log(
      `200k-row CSV, ${mb(size)} MB on disk: live heap +${mb(peakLiveHeap)} MB, ` +
        `heap incl. garbage +${mb(peakHeap)} MB, RSS +${mb(peakRss)} MB`,
    );
    expect(count).toBe(200_001);
    expect(sample).toEqual({
      index: 123_456,
      cells: [
        'Фамилия123455',
        'Имя123455',
        '+7 916 0123455',
        'user123455@example.com',
        `ООО "Компания ${123_455 % 977}"`,
        'Заметка номер 123455 про клиента',
      ],
    });
    // Held whole, the decoded text alone would take about twice the file size, the rows far more.
    expect(peakLiveHeap).toBeLessThan(16 * 1024 * 1024);
  });
});

/** What real contact lists contain: dates, formulas, rich text, links, gaps, several sheets. */
function fillWorkbook(addWorksheet: (name: string) => ExcelJS.Worksheet): void {
  const contacts = addWorksheet('Контакты');
  contacts.getRow(1).values = ['ФИО', 'Дата рождения', 'Сумма', 'Компания', 'Сайт', 'VIP', 'Телефон'];
  contacts.getRow(2).values = [
    'Иванов Иван',
    new Date(Date.UTC(1985, 2, 14)),
    { formula: 'C4*2', result: 84 },
    { richText: [{ text: 'ООО ', font: { bold: true } }, { text: '«Ромашка»' }] },
    { text: 'romashka.ru', hyperlink: 'https://romashka.ru' },
    true,
    '+7 916 123-45-67',
  ];
  contacts.getCell('B2').numFmt = 'dd.mm.yyyy';
  // Row 3 is missing: the next row's index must still be 3.
  contacts.getRow(4).values = ['Петрова Анна', null, 42, null, null, false];
  contacts.getCell('H4').value = '';
  contacts.getRow(5).values = [
    null,
    { formula: 'B2+1', result: 31121 },
    { formula: '1/0', result: { error: '#DIV/0!' } },
  ];
  contacts.getCell('B5').numFmt = 'yyyy-mm-dd';
  contacts.getCell('D6').value = 'только D';
  const second = addWorksheet('Компании');
  second.addRow(['Название', 'ИНН']);
  second.addRow(['Рога и копыта', 7701234567]);
  // Hidden, as lookup lists often are: listed, and said to be hidden.
  addWorksheet('Пустой').state = 'hidden';
}

async function writeWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  fillWorkbook((name) => workbook.addWorksheet(name));
  await workbook.xlsx.writeFile(file);
}

/** exceljs's streaming writer: inline strings, no sharedStrings.xml, workbook.xml written last. */
async function writeStreamedWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const sheets: ExcelJS.Worksheet[] = [];
  fillWorkbook((name) => {
    const sheet = workbook.addWorksheet(name);
    sheets.push(sheet);
    return sheet;
  });
  for (const sheet of sheets) sheet.commit();
  await workbook.commit();
}

const expectedContactsSheet: SheetRow[] = [
  { index: 0, cells: ['ФИО', 'Дата рождения', 'Сумма', 'Компания', 'Сайт', 'VIP', 'Телефон'] },
  {
    index: 1,
    cells: [
      'Иванов Иван',
      new Date(Date.UTC(1985, 2, 14)),
      84,
      'ООО «Ромашка»',
      'romashka.ru',
      true,
      '+7 916 123-45-67',
    ],
  },
  { index: 3, cells: ['Петрова Анна', null, 42, null, null, false] },
  { index: 4, cells: [null, new Date(Date.UTC(1985, 2, 15))] },
  { index: 5, cells: [null, null, null, 'только D'] },
];

/** A deflated zip written by hand, entries in the given order (Excel's: sheets before shared strings). */
function writeZip(file: string, parts: [name: string, content: string][]): void {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const data = Buffer.from(content, 'utf8');
    const packed = zlib.deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(zlib.crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 30); // flags … name length are laid out the same way
    central.writeUInt16LE(0, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...locals, directory, end]));
}

const MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('xlsx reader', () => {
  it('reads a percentage cell as the number Excel shows (12% is 12, as the text «12%» is)', async () => {
    const file = path.join(tempDir(), 'percent.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Скидки');
    sheet.addRow(['Клиент', 'Скидка', 'Наценка', 'Балл']);
    sheet.addRow(['Иванов', 0.12, 0.075, 0.5]);
    sheet.getCell('B2').numFmt = '0%';
    sheet.getCell('C2').numFmt = '0.0%';
    // A "%" in quotes is only a sign after the number, which stays as it is.
    sheet.getCell('D2').numFmt = '0.0" %"';
    await workbook.xlsx.writeFile(file);
    expect(await collect((await openSpreadsheet(file)).rows('Скидки'))).toEqual([
      { index: 0, cells: ['Клиент', 'Скидка', 'Наценка', 'Балл'] },
      { index: 1, cells: ['Иванов', 12, 7.5, 0.5] },
    ]);
  });

  it('lists sheets in workbook order and reads each one, with real row indexes and converted cells', async () => {
    const file = path.join(tempDir(), 'contacts.xlsx');
    await writeWorkbook(file);
    const source = await openSpreadsheet(file);
    expect(source.format).toBe('xlsx');
    expect(source.csv).toBeNull();
    expect(await source.sheets()).toEqual([
      { name: 'Контакты', hidden: false },
      { name: 'Компании', hidden: false },
      { name: 'Пустой', hidden: true },
    ]);
    expect(await collect(source.rows('Контакты'))).toEqual(expectedContactsSheet);
    expect(await collect(source.rows('Компании'))).toEqual([
      { index: 0, cells: ['Название', 'ИНН'] },
      { index: 1, cells: ['Рога и копыта', 7701234567] },
    ]);
    expect(await collect(source.rows('Пустой'))).toEqual([]);
    await expect(collect(source.rows('Нет такого'))).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('reads an Excel-style package: odd part names, absolute targets, built-in date format, 1904 dates', async () => {
    const file = path.join(tempDir(), 'excel-mac.xlsx');
    writeZip(file, [
      [
        '[Content_Types].xml',
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ],
      [
        '_rels/.rels',
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ],
      [
        'xl/workbook.xml',
        `<?xml version="1.0"?><workbook ${MAIN_NS} xmlns:r="${REL_NS}"><workbookPr date1904="1"/><sheets>` +
          '<sheet name="Диаграмма" sheetId="2" r:id="rId9"/>' +
          '<sheet name="Клиенты &amp; партнёры" sheetId="1" r:id="rId5"/></sheets></workbook>',
      ],
      [
        'xl/_rels/workbook.xml.rels',
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId5" Type="${REL_NS}/worksheet" Target="/xl/worksheets/clients.xml"/>` +
          `<Relationship Id="rId9" Type="${REL_NS}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
          `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ],
      [
        'xl/worksheets/clients.xml',
        `<?xml version="1.0"?><worksheet ${MAIN_NS}><sheetData>` +
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Дата</t></is></c></row>' +
          '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>3.5</v></c><c r="C3" s="1"><v>0</v></c>' +
          '<c r="D3" t="s"><v>3</v></c><c r="E3" t="b"><v>1</v></c></row>' +
          '<row r="4" ht="20"/>' +
          '<row r="7"><c r="B7" t="e"><v>#N/A</v></c><c r="C7" s="1"><f>C3+1</f><v>1</v></c>' +
          '<c r="D7" t="str"><f>A3</f><v>x &amp; y</v></c></row>' +
          '</sheetData></worksheet>',
      ],
      ['xl/chartsheets/sheet1.xml', `<?xml version="1.0"?><chartsheet ${MAIN_NS}/>`],
      [
        'xl/styles.xml',
        `<?xml version="1.0"?><styleSheet ${MAIN_NS}><fonts count="1"><font/></fonts><fills count="1"><fill/></fills>` +
          '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2">' +
          '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
      ],
      [
        'xl/sharedStrings.xml',
        `<?xml version="1.0"?><sst ${MAIN_NS} count="4" uniqueCount="4"><si><t>Имя</t></si><si><t>Число</t></si>` +
          '<si><t xml:space="preserve">строка 1_x000D_\nстрока 2</t></si>' +
          '<si><r><t>Жир</t></r><r><rPr><b/></rPr><t>ный</t></r></si></sst>',
      ],
    ]);
    const source = await openSpreadsheet(file);
    expect(await source.sheets()).toEqual([{ name: 'Клиенты & партнёры', hidden: false }]);
    expect(await collect(source.rows('Клиенты & партнёры'))).toEqual([
      { index: 0, cells: ['Имя', 'Число', 'Дата'] },
      { index: 2, cells: ['строка 1\r\nстрока 2', 3.5, new Date(Date.UTC(1904, 0, 1)), 'Жирный', true] },
      { index: 6, cells: [null, null, new Date(Date.UTC(1904, 0, 2)), 'x & y'] },
    ]);
    await expect(collect(source.rows('Диаграмма'))).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('reads workbooks without a shared-strings part (inline strings)', async () => {
    const file = path.join(tempDir(), 'inline.xlsx');
    await writeStreamedWorkbook(file);
    const entries = await readZipDirectory(file);
    expect(entries.has('xl/sharedStrings.xml')).toBe(false);
    const source = await openSpreadsheet(file);
    const rows = await collect(source.rows('Контакты'));
    // An inline rich string (Excel itself puts rich text in shared strings) keeps all its runs.
    expect(rows[1]?.cells[3]).toBe('ООО «Ромашка»');
    expect(rows).toEqual(expectedContactsSheet);
  });

  it('goes by content, not extension, and leaves no temp copies behind', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'export.csv');
    await writeWorkbook(file);
    const tmpBefore = new Set(fs.readdirSync(process.env.TMPDIR ?? '/tmp'));
    const source = await openSpreadsheet(file);
    expect(source.format).toBe('xlsx');
    expect((await collect(source.rows('Компании')))[1]?.cells).toEqual(['Рога и копыта', 7701234567]);
    const created = fs.readdirSync(process.env.TMPDIR ?? '/tmp').filter((name) => !tmpBefore.has(name));
    expect(created.filter((name) => name.startsWith(`tmp-${process.pid}-`))).toEqual([]);
  });

  it('releases the file after an early break and reads again', async () => {
    const file = path.join(tempDir(), 'long.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Данные');
    for (let i = 0; i < 20_000; i += 1) sheet.addRow([`Клиент ${i}`, i, i % 2 === 0]);
    await workbook.xlsx.writeFile(file);
    const source = await openSpreadsheet(file);
    const baseline = openFds();
    let seen = 0;
    for await (const row of source.rows('Данные')) {
      seen += 1;
      if (row.index === 10) {
        expect(row.cells).toEqual(['Клиент 10', 10, true]);
        break;
      }
    }
    expect(seen).toBe(11);
    await expectFdsBackTo(baseline);
    const all = await collect(source.rows('Данные'));
    expect(all).toHaveLength(20_000);
    expect(all[19_999]).toEqual({ index: 19_999, cells: ['Клиент 19999', 19_999, false] });
    await expectFdsBackTo(baseline);
  });

  it('rejects a damaged sheet instead of hanging or returning a shortened sheet', async () => {
    const file = path.join(tempDir(), 'damaged.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Лист1');
    for (let i = 0; i < 5000; i += 1) sheet.addRow([`Строка ${i}`, i * 3.7, `примечание ${i % 13}`]);
    await workbook.xlsx.writeFile(file);
    const entry = (await readZipDirectory(file)).get('xl/worksheets/sheet1.xml')!;
    const bytes = fs.readFileSync(file);
    const dataStart = entry.localHeaderOffset + 30 + bytes.readUInt16LE(entry.localHeaderOffset + 26);
    const dataStartWithExtra = dataStart + bytes.readUInt16LE(entry.localHeaderOffset + 28);
    bytes.fill(0x55, dataStartWithExtra + 200, dataStartWithExtra + 400);
    fs.writeFileSync(file, bytes);
    const source = await openSpreadsheet(file);
    const baseline = openFds();
    const error = await appErrorOf(collect(source.rows('Лист1')));
    expect(error.code).toBe('InvalidInput');
    expect(error.details).toEqual({ reason: 'unreadable' });
    await expectFdsBackTo(baseline);
  });

  it('rejects a truncated or fake zip as unreadable', async () => {
    const file = path.join(tempDir(), 'full.xlsx');
    await writeWorkbook(file);
    const truncated = write('truncated.xlsx', fs.readFileSync(file).subarray(0, 3000));
    expect(await appErrorOf(openSpreadsheet(truncated))).toMatchObject({
      code: 'InvalidInput',
      details: { reason: 'unreadable' },
    });
    const fake = write('fake.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]));
    expect(await appErrorOf(openSpreadsheet(fake))).toMatchObject({
      code: 'InvalidInput',
      details: { reason: 'unreadable' },
    });
  });
});

describe('format sniffing', () => {
  it('refuses old binary .xls with advice, whatever the extension', async () => {
    const xls = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(xls);
    xls.writeUInt16LE(9, 0x1e);
    xls.writeUInt32LE(0, 0x30);
    Buffer.from('Workbook', 'utf16le').copy(xls, 512);
    for (const name of ['old.xls', 'renamed.xlsx', 'renamed.csv']) {
      const error = await appErrorOf(openSpreadsheet(write(name, xls)));
      expect(error.code).toBe('NotSupported');
      expect(error.details).toEqual({ reason: 'xls' });
      expect(error.message).toMatch(/save it as \.xlsx .*or \.csv/);
    }
  });

  it('tells a password-protected xlsx from an old .xls', async () => {
    const encrypted = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(encrypted);
    encrypted.writeUInt16LE(9, 0x1e);
    encrypted.writeUInt32LE(0, 0x30);
    Buffer.from('EncryptedPackage', 'utf16le').copy(encrypted, 512 + 128);
    const error = await appErrorOf(openSpreadsheet(write('secret.xlsx', encrypted)));
    expect(error).toMatchObject({ code: 'NotSupported', details: { reason: 'encrypted' } });
  });

  it('refuses HTML saved as .xls, binaries, and missing files', async () => {
    const html = write('web-export.xls', '<html><body><table><tr><td>Иванов</td></tr></table></body></html>');
    expect(await appErrorOf(openSpreadsheet(html))).toMatchObject({ code: 'NotSupported', details: { reason: 'xls' } });
    const png = write('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49]));
    expect(await appErrorOf(openSpreadsheet(png))).toMatchObject({
      code: 'InvalidInput',
      details: { reason: 'unreadable' },
    });
    const missing = path.join(tempDir(), 'nope.csv');
    expect(await appErrorOf(openSpreadsheet(missing))).toMatchObject({ code: 'FileNotFound' });
  });
});

/** Quoted-printable the way Android writes it: every non-ASCII byte as =XX, soft breaks at 74 chars. */
function qp(text: string, charset: string): string {
  let encoded = '';
  for (const byte of iconv.encode(text, charset)) {
    encoded +=
      byte >= 0x21 && byte <= 0x7e && byte !== 0x3d
        ? String.fromCharCode(byte)
        : byte === 0x20
          ? ' '
          : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  const lines: string[] = [];
  while (encoded.length > 74) {
    let cut = 74;
    while (encoded[cut - 1] === '=' || encoded[cut - 2] === '=') cut -= 1; // never split an =XX
    lines.push(encoded.slice(0, cut) + '=');
    encoded = encoded.slice(cut);
  }
  lines.push(encoded);
  return lines.join('\r\n');
}

const row = (values: Partial<Record<(typeof VCARD_COLUMNS)[number], string>>): (string | null)[] => {
  const cells = VCARD_COLUMNS.map((column) => values[column] ?? null);
  while (cells.at(-1) === null) cells.pop();
  return cells;
};

describe('vCard reader', () => {
  it('reads Android 2.1 quoted-printable Cyrillic in UTF-8 and Windows-1251', async () => {
    const note = 'Очень длинная заметка о клиенте, которая не помещается в одну строку файла';
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('Иванов;Иван;Петрович;;', 'utf-8')}`,
      `FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('Иван Петрович Иванов', 'utf-8')}`,
      'TEL;CELL:+79161234567',
      'TEL;CELL:+79167654321',
      'TEL;HOME:+74951234567',
      'TEL;WORK;FAX:+74950000000',
      'EMAIL;HOME:ivan@example.ru',
      `NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp(note, 'utf-8')}`,
      'PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD',
      ' /2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8Q',
      '',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=windows-1251;ENCODING=QUOTED-PRINTABLE:${qp('Ёлкина;Мария;;;', 'win1251')}`,
      `ORG;CHARSET=windows-1251;ENCODING=QUOTED-PRINTABLE:${qp('ООО «Ромашка»', 'win1251')}`,
      'TEL;WORK;VOICE:+7 (495) 111-22-33',
      'END:VCARD',
      '',
    ].join('\r\n');
    const file = write('android.vcf', vcf);
    const source = await openSpreadsheet(file);
    expect(source.format).toBe('vcard');
    expect(source.csv).toBeNull();
    expect(await source.sheets()).toEqual([{ name: 'android' }]);
    expect(await collect(source.rows('android'))).toEqual([
      { index: 0, cells: [...VCARD_COLUMNS] },
      {
        index: 1,
        cells: row({
          'Full name': 'Иван Петрович Иванов',
          'Last name': 'Иванов',
          'First name': 'Иван',
          'Middle name': 'Петрович',
          'Mobile phone': '+79161234567, +79167654321',
          'Home phone': '+74951234567',
          'Other phone': '+74950000000',
          'Home e-mail': 'ivan@example.ru',
          Notes: note,
        }),
      },
      {
        index: 2,
        cells: row({
          'Last name': 'Ёлкина',
          'First name': 'Мария',
          Organization: 'ООО «Ромашка»',
          'Work phone': '+7 (495) 111-22-33',
        }),
      },
    ]);
  });

  it('reads an Outlook 2.1 card in raw Windows-1251', async () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;LANGUAGE=ru;CHARSET=Windows-1251:Сидоров;Пётр',
      'FN;CHARSET=Windows-1251:Сидоров Пётр',
      'TITLE;CHARSET=Windows-1251:Главный бухгалтер',
      'TEL;WORK;VOICE:+7 (812) 123-45-67',
      'ADR;WORK;CHARSET=Windows-1251:;;Невский пр., 1;Санкт-Петербург;;191186;Россия',
      'EMAIL;PREF;INTERNET:petr@sidorov.ru',
      'END:VCARD',
    ].join('\r\n');
    const rows = await rowsOf(write('outlook.vcf', iconv.encode(vcf, 'win1251')));
    expect(rows[1]).toEqual({
      index: 1,
      cells: row({
        'Full name': 'Сидоров Пётр',
        'Last name': 'Сидоров',
        'First name': 'Пётр',
        'Job title': 'Главный бухгалтер',
        'Work phone': '+7 (812) 123-45-67',
        'E-mail': 'petr@sidorov.ru',
        Address: 'Невский пр., 1',
        City: 'Санкт-Петербург',
        'Postal code': '191186',
        Country: 'Россия',
        'Address type': 'Work',
      }),
    });
  });

  it("reads an iPhone's birthday without a year as a day and month, not as the year 1604", async () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Орлова;Ольга;;;',
      'BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-20',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Орлов;Олег;;;',
      'BDAY;X-APPLE-OMIT-YEAR=1604:1985-05-20',
      'END:VCARD',
    ].join('\r\n');
    const rows = await rowsOf(write('iphone.vcf', vcf));
    expect(rows.slice(1).map((read) => read.cells[VCARD_COLUMNS.indexOf('Birthday')])).toEqual([
      '--0520',
      '1985-05-20',
    ]);
  });

  it('reads Google/Apple 3.0 with folded lines (even mid-character), escapes and groups, and 4.0', async () => {
    const folded = Buffer.from('NOTE:Первая строка\\nВторая\\, с запятой', 'utf8');
    // Fold between the two bytes of "з": folding works on octets, decoding comes after.
    const cut = folded.indexOf(Buffer.from('з', 'utf8')) + 1;
    const vcf = Buffer.concat([
      Buffer.from(
        [
          'BEGIN:VCARD',
          'VERSION:3.0',
          'FN:Петрова Анна Сергеевна',
          'N:Петрова;Анна;Сергеевна;;',
          'EMAIL;TYPE=INTERNET;TYPE=WORK:anna@firm.ru',
          'EMAIL;TYPE=INTERNET:anna.p@gmail.com',
          'item1.TEL;TYPE=CELL:+7 903 111-22-33',
          'item1.X-ABLabel:мобильный',
          'TEL;TYPE=WORK,VOICE:+7 495 111-11-11',
          'TEL;TYPE=WORK,VOICE:+7 495 222-22-22',
          'TEL:112',
          'ADR;TYPE=HOME:;;ул. Ленина\\, 5;Тверь;;170000;Россия',
          'ADR;TYPE=WORK,PREF:;офис 12;ул. Тверская\\, д. 1;Москва;Московская обл.;125009;Россия',
          'ORG:ООО "Рога\\; копыта";Отдел продаж',
          'TITLE:Менеджер',
          'BDAY:19900512',
          'URL:https://romashka.ru',
          'CATEGORIES:Клиенты,VIP',
          '',
        ].join('\r\n'),
        'utf8',
      ),
      folded.subarray(0, cut),
      Buffer.from('\r\n '),
      folded.subarray(cut),
      Buffer.from(
        [
          '',
          'END:VCARD',
          'BEGIN:VCARD',
          'VERSION:4.0',
          'FN:John Smith',
          'N:Smith;John;;;',
          'TEL;VALUE=uri;TYPE="voice,cell":tel:+1-555-0100',
          'EMAIL;PREF=1:john@example.com',
          'BDAY:--0412',
          'END:VCARD',
          'BEGIN:VCARD',
          'VERSION:3.0',
          'END:VCARD',
          'BEGIN:VCARD',
          'VERSION:3.0',
          'BDAY:1975-01-31T00:00:00Z',
          'END:VCARD',
        ].join('\r\n'),
        'utf8',
      ),
    ]);
    expect(await rowsOf(write('google.vcf', vcf))).toEqual([
      { index: 0, cells: [...VCARD_COLUMNS] },
      {
        index: 1,
        cells: row({
          'Full name': 'Петрова Анна Сергеевна',
          'Last name': 'Петрова',
          'First name': 'Анна',
          'Middle name': 'Сергеевна',
          Organization: 'ООО "Рога; копыта"',
          'Job title': 'Менеджер',
          'Mobile phone': '+7 903 111-22-33',
          'Work phone': '+7 495 111-11-11, +7 495 222-22-22',
          'Other phone': '112',
          'E-mail': 'anna.p@gmail.com',
          'Work e-mail': 'anna@firm.ru',
          Birthday: '1990-05-12',
          Address: 'ул. Тверская, д. 1, офис 12',
          City: 'Москва',
          Region: 'Московская обл.',
          'Postal code': '125009',
          Country: 'Россия',
          // The preferred address first, then the others, each with its kind (it was dropped).
          'Address type': 'Work',
          'Address 2': 'ул. Ленина, 5',
          'City 2': 'Тверь',
          'Postal code 2': '170000',
          'Country 2': 'Россия',
          'Address type 2': 'Home',
          Website: 'https://romashka.ru',
          Notes: 'Первая строка\nВторая, с запятой',
          Categories: 'Клиенты, VIP',
        }),
      },
      {
        index: 2,
        cells: row({
          'Full name': 'John Smith',
          'Last name': 'Smith',
          'First name': 'John',
          'Mobile phone': '+1-555-0100',
          'E-mail': 'john@example.com',
          Birthday: '--0412',
        }),
      },
      // index 3 is the empty card: skipped, but it keeps its place.
      { index: 4, cells: row({ Birthday: '1975-01-31' }) },
    ]);
  });

  it('reads UTF-16 files, and releases the file after an early break', async () => {
    const cards = Array.from({ length: 2000 }, (_, i) =>
      ['BEGIN:VCARD', 'VERSION:3.0', `FN:Контакт ${i}`, `TEL;TYPE=CELL:+7900${i}`, 'END:VCARD'].join('\r\n'),
    ).join('\r\n');
    const file = write('contacts.vcf', iconv.encode(cards, 'utf-16le', { addBOM: true }));
    const source = await openSpreadsheet(file);
    expect(source.format).toBe('vcard');
    const baseline = openFds();
    for await (const card of source.rows('contacts')) {
      if (card.index === 1) {
        expect(card.cells).toEqual(row({ 'Full name': 'Контакт 0', 'Mobile phone': '+79000' }));
        break;
      }
    }
    await expectFdsBackTo(baseline);
    const all = await rowsOf(file);
    expect(all).toHaveLength(2001);
    expect(all[2000]).toEqual({
      index: 2000,
      cells: row({ 'Full name': 'Контакт 1999', 'Mobile phone': '+79001999' }),
    });
  });
});

describe('xlsx reader in a worker thread', () => {
  // Threshold 0: every sheet goes to the worker; Infinity: none does.
  const inWorker = (file: string) => openXlsx(file, 0);
  const onThisThread = (file: string) => openXlsx(file, Infinity);

  it('hands over the same rows as reading on this thread: cells, dates, indexes, many batches', async () => {
    const small = path.join(tempDir(), 'contacts.xlsx');
    await writeWorkbook(small);
    expect(await collect((await inWorker(small)).rows('Контакты'))).toEqual(expectedContactsSheet);
    expect(await collect((await inWorker(small)).rows('Пустой'))).toEqual([]);

    const large = path.join(tempDir(), 'large.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Данные');
    // More rows than the worker may send ahead, so it has to wait for credits.
    for (let i = 0; i < 12_345; i += 1)
      sheet.addRow([`Клиент ${i}`, i * 1.5, new Date(Date.UTC(2020, 0, 1 + (i % 365)))]);
    await workbook.xlsx.writeFile(large);
    const expected = await collect((await onThisThread(large)).rows('Данные'));
    expect(expected).toHaveLength(12_345);
    expect(await collect((await inWorker(large)).rows('Данные'))).toEqual(expected);
  });

  it('stops the worker and releases the file when the loop is left early', async () => {
    const file = path.join(tempDir(), 'long.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Данные');
    for (let i = 0; i < 20_000; i += 1) sheet.addRow([`Клиент ${i}`, i]);
    await workbook.xlsx.writeFile(file);
    const source = await inWorker(file);
    const baseline = openFds();
    for await (const row of source.rows('Данные')) {
      if (row.index === 2500) {
        expect(row.cells).toEqual(['Клиент 2500', 2500]);
        break;
      }
    }
    await expectFdsBackTo(baseline);
  });

  it("passes the reader's errors on with their codes", async () => {
    const file = path.join(tempDir(), 'contacts.xlsx');
    await writeWorkbook(file);
    const bytes = fs.readFileSync(file);
    const entry = (await readZipDirectory(file)).get('xl/worksheets/sheet1.xml')!;
    const dataStart = entry.localHeaderOffset + 30 + bytes.readUInt16LE(entry.localHeaderOffset + 26);
    bytes.fill(0x55, dataStart + bytes.readUInt16LE(entry.localHeaderOffset + 28) + 50, dataStart + 400);
    fs.writeFileSync(file, bytes);
    const error = await appErrorOf(collect((await inWorker(file)).rows('Контакты')));
    expect(error).toMatchObject({ code: 'InvalidInput', details: { reason: 'unreadable' } });
  });

  it('reads on this thread when the worker cannot start', async () => {
    const rows: SheetRow[] = [{ index: 0, cells: ['read here'] }];
    async function* readHere() {
      yield* rows;
    }
    const broken = () => new Worker('throw new Error("no worker bundle")', { eval: true });
    expect(await collect(workerSheetRows({ path: 'unused', sheet: 'unused' }, readHere, broken))).toEqual(rows);
  });

  it('fails, without reading again here, when the worker dies after it has started', async () => {
    let readHereCalled = false;
    async function* readHere(): AsyncGenerator<SheetRow> {
      readHereCalled = true;
      yield* [];
    }
    // Posts its "ready" like the real worker, then runs out of memory before the first batch.
    const dying = () =>
      new Worker(
        `require('node:worker_threads').parentPort.postMessage({ kind: 'ready' });
         const hoard = []; for (;;) hoard.push(new Array(1e6).fill(1));`,
        { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16 } },
      );
    await expect(collect(workerSheetRows({ path: 'unused', sheet: 'unused' }, readHere, dying))).rejects.toThrow(
      /memory/,
    );
    expect(readHereCalled).toBe(false);
  });
});

describe('shared strings table', () => {
  async function* chunksOf(text: string, size: number) {
    const bytes = Buffer.from(text, 'utf8');
    for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
  }

  it('keeps the text of <t> elements only, decoded, whatever the chunk boundaries', async () => {
    const xml =
      `<?xml version="1.0"?><x:sst xmlns:x="${MAIN_NS.slice(7, -1)}">\n` +
      '  <x:si><x:t>Иванов &amp; сыновья</x:t></x:si>\n' +
      '  <x:si><x:r><x:t>Жир</x:t></x:r>\n    <x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">ный </x:t></x:r></x:si>\n' +
      '  <x:si><x:t>東京</x:t><x:rPh sb="0" eb="2"><x:t>トウキョウ</x:t></x:rPh></x:si>\n' +
      '  <x:si><x:t><![CDATA[<не тег>]]></x:t></x:si>\n' +
      '  <x:si><x:t/></x:si>\n' +
      '</x:sst>';
    // One byte at a time splits every Cyrillic letter.
    for (const size of [1, 7, 1 << 16]) {
      const strings = await readSharedStrings(chunksOf(xml, size));
      expect(strings.count).toBe(5);
      expect([0, 1, 2, 3, 4].map((index) => strings.get(index))).toEqual([
        'Иванов & сыновья',
        'Жирный ',
        '東京',
        '<не тег>',
        '',
      ]);
      expect(strings.get(5)).toBeNull();
      expect(strings.get(-1)).toBeNull();
    }
  });

  it('grows past its first buffers and keeps every string', async () => {
    const strings = new SharedStrings();
    const texts = Array.from({ length: 20_000 }, (_, index) => `Клиент №${index} ${'ё'.repeat(index % 17)}`);
    for (const text of texts) strings.add(text);
    expect(strings.count).toBe(texts.length);
    expect(texts.every((text, index) => strings.get(index) === text)).toBe(true);
    // Trimmed to fit, and still able to take more (an empty table too).
    strings.trim();
    strings.add('после');
    expect(texts.every((text, index) => strings.get(index) === text)).toBe(true);
    expect(strings.get(texts.length)).toBe('после');
    const empty = new SharedStrings();
    empty.trim();
    empty.add('первая');
    empty.add('вторая');
    expect([empty.get(0), empty.get(1)]).toEqual(['первая', 'вторая']);
  });

  it('rejects malformed XML as an unreadable file', async () => {
    const error = await appErrorOf(readSharedStrings(chunksOf('<sst><si><t>a</si></sst>', 64)));
    expect(error).toMatchObject({ code: 'InvalidInput', details: { reason: 'unreadable' } });
  });
});
