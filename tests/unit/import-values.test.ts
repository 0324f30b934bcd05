import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../main/spreadsheets/cell';
import { parseBooleanCell } from '../../main/import/values/booleans';
import { readPhones, splitEmailCell, splitListCell, splitPhoneCell } from '../../main/import/values/contacts';
import {
  detectDateOrder,
  excelSerialToIso,
  expandYear,
  parseDateCell,
  type DateOrder,
} from '../../main/import/values/dates';
import { splitFullName } from '../../main/import/values/names';
import { parseMoneyCell, parseNumberCell, parseNumberColumn } from '../../main/import/values/numbers';

/** Two-digit years depend on today: these tests pin it to 2025 (00–35 → 20xx, 36–99 → 19xx). */
const TODAY = new Date(Date.UTC(2025, 5, 1));
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('parseDateCell', () => {
  const readable: Array<[CellValue, DateOrder | null, string]> = [
    ['05.03.2024', null, '2024-03-05'],
    ['5.3.24', null, '2024-03-05'],
    ['5.3.85', null, '1985-03-05'],
    ['05.03.2024 г.', null, '2024-03-05'],
    ['05.03.2024 14:30', null, '2024-03-05'],
    ['25/03/2024', null, '2024-03-25'],
    ['03/25/2024', null, '2024-03-25'],
    ['25-03-2024', null, '2024-03-25'],
    ['25/03/24', null, '2024-03-25'],
    ['05/05/2024', null, '2024-05-05'],
    ['01/02/2024', 'dmy', '2024-02-01'],
    ['01/02/2024', 'mdy', '2024-01-02'],
    ['01.02.2024', 'mdy', '2024-01-02'],
    ['2024-03-05', null, '2024-03-05'],
    ['2024-03-05T10:00:00Z', null, '2024-03-05'],
    ['2024-03-05T23:30:00+03:00', null, '2024-03-05'],
    ['2024-03-05 10:00', null, '2024-03-05'],
    ['2024-03-05 10:00:15', null, '2024-03-05'],
    ['3/12/1985 12:00:00 AM', 'mdy', '1985-03-12'],
    ['12.03.1985 10:00 PM', null, '1985-03-12'],
    ['12.03.1985, 10:00', null, '1985-03-12'],
    ['2024.03.05', null, '2024-03-05'],
    ['2024/3/5', 'mdy', '2024-03-05'],
    ['5 марта 2024', null, '2024-03-05'],
    ['5 мар 2024 г.', null, '2024-03-05'],
    ['5 мар. 2024', null, '2024-03-05'],
    ['1 сентября 1985 года', null, '1985-09-01'],
    ['15 мая 1990', null, '1990-05-15'],
    ['31 декабря 1999г.', null, '1999-12-31'],
    ['March 5, 2024', null, '2024-03-05'],
    ['Sept 1, 2024', null, '2024-09-01'],
    ['5 Mar 2024', null, '2024-03-05'],
    ['05-Mar-2024', null, '2024-03-05'],
    ['5-Mar-24', null, '2024-03-05'],
    ['5th March 2024', null, '2024-03-05'],
    ['  05.03.2024  ', null, '2024-03-05'],
    [utc(2024, 3, 5), null, '2024-03-05'],
    [utc(1900, 1, 1), null, '1900-01-01'],
    // Excel serial days, with the 1900 leap-year bug: 59 is 28 Feb, 61 is 1 Mar.
    [45356, null, '2024-03-05'],
    [45356.75, null, '2024-03-05'],
    ['45356', null, '2024-03-05'],
    [1, null, '1900-01-01'],
    [59, null, '1900-02-28'],
    [61, null, '1900-03-01'],
    [36526, null, '2000-01-01'],
  ];
  it.each(readable)('reads %j (order %s) as %s', (value, order, expected) => {
    expect(parseDateCell(value, order, TODAY)).toEqual({ ok: true, value: expected });
  });

  const unreadable: Array<[CellValue, DateOrder | null]> = [
    ['31.02.2024', null],
    ['29.02.2023', null],
    ['32.01.2024', null],
    ['13/13/2024', null],
    ['25/03/2024', 'mdy'],
    ['2024-13-01', null],
    ['5 мартобря 2024', null],
    ['март 2024', null],
    ['завтра', null],
    ['', null],
    [null, null],
    [true, null],
    [60, null],
    [0, null],
    [-5, null],
    [80_001, null],
    [2024, null],
    ['1985', null],
    [new Date(Number.NaN), null],
  ];
  it.each(unreadable)('does not read %j (order %s)', (value, order) => {
    expect(parseDateCell(value, order, TODAY)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it.each(['01/02/2024', '01-02-2024', '12/11/24', '02/01/2024 10:00'])(
    'calls %s ambiguous without an order',
    (text) => {
      expect(parseDateCell(text, null, TODAY)).toEqual({ ok: false, reason: 'ambiguous' });
      expect(parseDateCell(text, 'dmy', TODAY).ok).toBe(true);
    },
  );

  it('expands two-digit years up to ten years ahead of today', () => {
    expect(expandYear(35, 2, TODAY)).toBe(2035);
    expect(expandYear(36, 2, TODAY)).toBe(1936);
    expect(expandYear(0, 2, TODAY)).toBe(2000);
    expect(expandYear(99, 2, TODAY)).toBe(1999);
    expect(expandYear(1999, 4, TODAY)).toBe(1999);
    expect(expandYear(5, 2, utc(2095, 1, 1))).toBe(2005);
  });

  it('agrees with Excel on serial days', () => {
    expect(excelSerialToIso(43831)).toBe('2020-01-01');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(Number.POSITIVE_INFINITY)).toBeNull();
  });

  const calendarDay = fc
    .date({ min: utc(1900, 1, 1), max: utc(2099, 12, 31), noInvalidDate: true })
    .map((date) => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }));

  it('reads any day written as dd.mm.yyyy, yyyy-mm-dd or d/m/yyyy (dmy) back to itself', () => {
    fc.assert(
      fc.property(calendarDay, ({ year, month, day }) => {
        const iso = `${year}-${pad(month)}-${pad(day)}`;
        expect(parseDateCell(`${pad(day)}.${pad(month)}.${year}`, null, TODAY)).toEqual({ ok: true, value: iso });
        expect(parseDateCell(iso, null, TODAY)).toEqual({ ok: true, value: iso });
        expect(parseDateCell(`${day}/${month}/${year}`, 'dmy', TODAY)).toEqual({ ok: true, value: iso });
        expect(parseDateCell(`${month}/${day}/${year}`, 'mdy', TODAY)).toEqual({ ok: true, value: iso });
        expect(parseDateCell(utc(year, month, day), null, TODAY)).toEqual({ ok: true, value: iso });
      }),
    );
  });

  it('reads an Excel serial the way Excel shows it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 73_050 }), (serial) => {
        fc.pre(serial < 1800 || serial > 2200);
        // From 1 March 1900 on, Excel's serial counts days since 1899-12-30.
        const expected = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
        expect(parseDateCell(serial, null, TODAY)).toEqual({ ok: true, value: expected });
      }),
    );
  });
});

describe('detectDateOrder', () => {
  const cases: Array<[CellValue[], DateOrder | 'ambiguous' | null]> = [
    [['01/02/2024', '25/03/2024', null], 'dmy'],
    [['01/02/2024', '03/25/2024'], 'mdy'],
    [['01/02/2024', '03/04/2024'], 'ambiguous'],
    [['01-02-2024', '05/05/2024'], 'ambiguous'],
    [['25/03/2024', '03/25/2024'], 'ambiguous'],
    [['01.02.2024', '03.04.2024'], 'dmy'],
    [['05/05/2024'], null],
    [['2024-03-05', '2024-12-01'], 'ymd'],
    [[45356, utc(2024, 3, 5), null, ''], null],
    [['5 марта 2024', 'Иванов'], null],
    [[], null],
  ];
  it.each(cases)('%j → %s', (samples, expected) => {
    expect(detectDateOrder(samples)).toBe(expected);
  });
});

describe('parseNumberCell', () => {
  const readable: Array<[CellValue, number]> = [
    [42, 42],
    [-1.5, -1.5],
    ['42', 42],
    ['150 000', 150_000],
    ['150\u00a0000', 150_000],
    ['150\u202f000', 150_000],
    ['150\u2009000', 150_000],
    ["1'500", 1500],
    ['1’500’000', 1_500_000],
    ['1 500,50', 1500.5],
    ['1,500.50', 1500.5],
    ['1.500,50', 1500.5],
    ['1.500.000', 1_500_000],
    ['1,500,000', 1_500_000],
    ['1,5', 1.5],
    ['0,500', 0.5],
    ['1500,000', 1500],
    ['3.14', 3.14],
    ['1 500 руб.', 1500],
    ['1500р.', 1500],
    ['1 500 ₽', 1500],
    ['₽1500', 1500],
    ['$1,500.25', 1500.25],
    ['1500 USD', 1500],
    ['€ 20', 20],
    ['EUR 20', 20],
    ['10 000 тенге', 10_000],
    ['10 000 ₸', 10_000],
    ['5 тыс.', 5000],
    ['5 тыс', 5000],
    ['5k', 5000],
    ['5 К', 5000],
    ['1,5 млн', 1_500_000],
    ['1.1 млн', 1_100_000],
    ['2M', 2_000_000],
    ['3 mln', 3_000_000],
    ['2 млрд', 2_000_000_000],
    ['1,2 bn', 1_200_000_000],
    ['1,5 млн руб.', 1_500_000],
    ['150 т.р.', 150_000],
    ['150 тыс. руб.', 150_000],
    ['-5', -5],
    ['−5', -5],
    ['(5)', -5],
    ['(1 500,00 ₽)', -1500],
    ['-$5', -5],
    ['+5', 5],
    ['15%', 15],
    ['12,5 %', 12.5],
    ['0', 0],
    ['-0', 0],
  ];
  it.each(readable)('reads %j as %d', (value, expected) => {
    expect(parseNumberCell(value)).toEqual({ ok: true, value: expected });
  });

  const unreadable: CellValue[] = [
    'около 100',
    '100-200',
    'n/a',
    '',
    'abc',
    '1 50',
    '1,2,3',
    '1.500,000,5',
    '100.',
    '5 рублей 50 копеек',
    '15% руб.',
    '--5',
    null,
    true,
    utc(2024, 1, 1),
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ];
  it.each(unreadable)('does not read %j', (value) => {
    expect(parseNumberCell(value)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('reads a lone separator with three digits after it by the column choice', () => {
    expect(parseNumberCell('1,500')).toEqual({ ok: true, value: 1.5 });
    expect(parseNumberCell('1,500', ',')).toEqual({ ok: true, value: 1.5 });
    expect(parseNumberCell('1,500', '.')).toEqual({ ok: true, value: 1500 });
    expect(parseNumberCell('1.500', ',')).toEqual({ ok: true, value: 1500 });
    expect(parseNumberCell('1.500', '.')).toEqual({ ok: true, value: 1.5 });
    // Where the text says which it is, the column choice does not matter.
    expect(parseNumberCell('1,5', '.')).toEqual({ ok: true, value: 1.5 });
    expect(parseNumberCell('1,500.25', ',')).toEqual({ ok: true, value: 1500.25 });
  });

  it('reads any integer written with spaces, NBSP or apostrophes between thousands', () => {
    const groupSeparator = fc.constantFrom(' ', '\u00a0', '\u202f', "'");
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), groupSeparator, (n, sep) => {
        const grouped = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
        expect(parseNumberCell(`${n < 0 ? '-' : ''}${grouped}`)).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
    );
  });

  it('reads any amount written the Russian way (1 234 567,89) and the English way (1,234,567.89)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const russian = `${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${pad(cents)}`;
        const english = `${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${pad(cents)}`;
        const expected = Number(`${whole}.${pad(cents)}`);
        expect(parseNumberCell(russian)).toEqual({ ok: true, value: expected });
        expect(parseNumberCell(english, '.')).toEqual({ ok: true, value: expected });
        expect(parseMoneyCell(russian)).toEqual({ ok: true, minor: whole * 100 + cents, currency: null });
      }),
    );
  });
});

describe('parseMoneyCell', () => {
  const cases: Array<[CellValue, number, string | null]> = [
    ['1 500 руб.', 150_000, 'RUB'],
    ['1 500,50 ₽', 150_050, 'RUB'],
    ['1500 р.', 150_000, 'RUB'],
    ['$19.99', 1999, 'USD'],
    ['19,99 USD', 1999, 'USD'],
    ['€ 1.000,00', 100_000, 'EUR'],
    ['10 000 тенге', 1_000_000, 'KZT'],
    ['₸ 500', 50_000, 'KZT'],
    ['200 грн', 20_000, 'UAH'],
    ['£5', 500, 'GBP'],
    ['1,5 млн руб.', 150_000_000, 'RUB'],
    ['150 т.р.', 15_000_000, 'RUB'],
    ['(250,00 ₽)', -25_000, 'RUB'],
    ['0,005', 1, null],
    ['1 500', 150_000, null],
    [19.99, 1999, null],
    [1500, 150_000, null],
  ];
  it.each(cases)('reads %j as %d minor units of %s', (value, minor, currency) => {
    expect(parseMoneyCell(value)).toEqual({ ok: true, minor, currency });
  });

  it.each<CellValue>(['15%', 'около 100', '1e400', null, Number.MAX_VALUE])('does not read %j', (value) => {
    expect(parseMoneyCell(value)).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('takes the column decimal separator', () => {
    expect(parseMoneyCell('$1,500', '.')).toEqual({ ok: true, minor: 150_000, currency: 'USD' });
    expect(parseMoneyCell('$1,500')).toEqual({ ok: true, minor: 150, currency: 'USD' });
  });
});

describe('parseNumberColumn', () => {
  const cases: Array<[CellValue[], ',' | '.' | null]> = [
    [['1 500,50', '1,500', '200'], ','],
    [['1,500.50', '1,500', '200'], '.'],
    [['1,500,000', '1,500'], '.'],
    [['1.500.000', '1.500'], ','],
    [['1,5', '1,500'], ','],
    [['0,750', '1,500'], ','],
    [['3.25', '1.500'], '.'],
    // Only "1,500"-like values: a list of amounts, not of numbers with three decimals.
    [['1,500', '2,000', '350'], '.'],
    [['1.500', '2.000'], ','],
    // No clue: each cell is read by itself ("2.500" later in the file as 2.5, "2,5" as 2.5).
    [['100', 200, null, 'n/a'], null],
    [[], null],
  ];
  it.each(cases)('%j → decimal %s', (samples, decimal) => {
    expect(parseNumberColumn(samples)).toEqual({ decimalSeparator: decimal });
  });
});

describe('parseBooleanCell', () => {
  const yes: CellValue[] = ['да', 'Да', 'ДА', 'д', 'yes', 'Y', 'true', 'TRUE', '1', 'x', 'X', 'х', '✓', '✔', '+'];
  const more: CellValue[] = ['истина', 'вкл', 'вкл.', ' да ', true, 1];
  const no: CellValue[] = ['нет', 'Нет', 'н', 'no', 'N', 'false', 'FALSE', '0', '-', 'ложь', 'выкл', false, 0];
  it.each([...yes, ...more])('reads %j as true', (value) => {
    expect(parseBooleanCell(value)).toEqual({ ok: true, value: true });
  });
  it.each(no)('reads %j as false', (value) => {
    expect(parseBooleanCell(value)).toEqual({ ok: true, value: false });
  });
  it.each<CellValue>(['может быть', '', '2', 2, null, utc(2024, 1, 1), 'yes please'])('does not read %j', (value) => {
    expect(parseBooleanCell(value)).toEqual({ ok: false });
  });
});

describe('splitPhoneCell and readPhones', () => {
  const cases: Array<[CellValue, string[]]> = [
    ['+7 (916) 123-45-67, 8 495 111-22-33', ['+7 (916) 123-45-67', '8 495 111-22-33']],
    ['+7 (916) 123-45-67', ['+7 (916) 123-45-67']],
    ['8-916-123-45-67; 8-916-765-43-21', ['8-916-123-45-67', '8-916-765-43-21']],
    ['89161234567/84951112233', ['89161234567', '84951112233']],
    ['8 916 123 45 67\n8 916 765 43 21', ['8 916 123 45 67', '8 916 765 43 21']],
    ['8 916 123 45 67 или 8 495 111 22 33', ['8 916 123 45 67', '8 495 111 22 33']],
    ['+44 20 7946 0958 or +1 212 555 0100', ['+44 20 7946 0958', '+1 212 555 0100']],
    ['+7 916 123-45-67 +7 495 111-22-33', ['+7 916 123-45-67', '+7 495 111-22-33']],
    ['79161234567 74951112233', ['79161234567', '74951112233']],
    ['+7 495 111-22-33 доб. 123', ['+7 495 111-22-33 доб. 123']],
    ['+7 495 111-22-33, доб. 123', ['+7 495 111-22-33 доб. 123']],
    ['+1 212 555 0100 ext 12', ['+1 212 555 0100 ext 12']],
    // Remarks after a number are dropped, their digits with them; a label before it stays.
    ['+7 916 123-45-67 (после 18:00)', ['+7 916 123-45-67']],
    ['8 916 123 45 67 с 10 до 19', ['8 916 123 45 67']],
    ['+7 916 123 45 67, звонить после 15:00', ['+7 916 123 45 67']],
    ['8 916 123-45-67 / 2 раза звонить', ['8 916 123-45-67']],
    ['+7 495 111-22-33 доб. 12 (Ирина)', ['+7 495 111-22-33 доб. 12']],
    ['моб. 8 916 123-45-67', ['моб. 8 916 123-45-67']],
    ['нет', ['нет']],
    // Numbers one after another with only spaces between.
    ['8 916 123-45-67 8 916 765-43-21', ['8 916 123-45-67', '8 916 765-43-21']],
    ['+7 916 123-45-67 8 (916) 765-43-21', ['+7 916 123-45-67', '8 (916) 765-43-21']],
    ['89161234567 +79167654321', ['89161234567', '+79167654321']],
    [79161234567, ['79161234567']],
    ['7.91612E+10', ['7.91612E+10']],
    // A number a script wrote out as a float.
    ['79161234567.0', ['79161234567']],
    ['+79161234567.00', ['+79161234567']],
    ['  ', []],
    [null, []],
    [', ;', []],
  ];
  it.each(cases)('splits %j', (value, expected) => {
    expect(splitPhoneCell(value)).toEqual(expected);
  });

  it('normalises each number and flags what it cannot read', () => {
    expect(readPhones('+7 (916) 123-45-67, 8 495 111-22-33 доб. 12', 'RU')).toEqual([
      { raw: '+7 (916) 123-45-67', value: '+79161234567', valid: true },
      { raw: '8 495 111-22-33 доб. 12', value: '+74951112233 ext. 12', valid: true },
    ]);
    expect(readPhones(79161234567, 'RU')).toEqual([{ raw: '79161234567', value: '+79161234567', valid: true }]);
    expect(readPhones('7.91612E+10', 'RU')).toEqual([{ raw: '7.91612E+10', value: '7.91612E+10', valid: false }]);
    expect(readPhones('12-34', 'RU')).toEqual([{ raw: '12-34', value: '1234', valid: false }]);
  });
});

describe('splitEmailCell', () => {
  const cases: Array<[CellValue, Array<{ value: string; valid: boolean }>]> = [
    ['ivan@example.ru', [{ value: 'ivan@example.ru', valid: true }]],
    ['  IVAN@Example.RU ', [{ value: 'ivan@example.ru', valid: true }]],
    ['mailto:ivan@example.ru', [{ value: 'ivan@example.ru', valid: true }]],
    ['Иван Петров <ivan@example.ru>', [{ value: 'ivan@example.ru', valid: true }]],
    ['"Petrov, Ivan" <ivan@example.ru>', [{ value: 'ivan@example.ru', valid: true }]],
    [
      'a@x.ru, b@y.com; c@z.org\nd@w.net e@v.io',
      ['a@x.ru', 'b@y.com', 'c@z.org', 'd@w.net', 'e@v.io'].map((value) => ({ value, valid: true })),
    ],
    ['ivan@example.ru (личный)', [{ value: 'ivan@example.ru', valid: true }]],
    // A zero-width space copied from a web page is no part of the address.
    ['ivan@example.ru\u200b, ivan@example.ru', [{ value: 'ivan@example.ru', valid: true }]],
    [
      'a@x.ru, A@X.ru, bad@',
      [
        { value: 'a@x.ru', valid: true },
        { value: 'bad@', valid: false },
      ],
    ],
    // "/" or "|" between two addresses, no spaces.
    [
      'ivan@mail.ru/ivan2@mail.ru|ivan3@mail.ru',
      ['ivan@mail.ru', 'ivan2@mail.ru', 'ivan3@mail.ru'].map((value) => ({ value, valid: true })),
    ],
    ['нет почты', [{ value: 'нет почты', valid: false }]],
    ['', []],
    [null, []],
  ];
  it.each(cases)('splits %j', (value, expected) => {
    expect(splitEmailCell(value)).toEqual(expected);
  });
});

describe('splitListCell', () => {
  const cases: Array<[CellValue, string[]]> = [
    ['VIP, Партнёры; Москва', ['VIP', 'Партнёры', 'Москва']],
    ['VIP ::: * myContacts ::: Друзья', ['VIP', 'Друзья']],
    ['* My Contacts ::: Work', ['Work']],
    // Google's vCard names the group without the star.
    ['myContacts, starred', ['starred']],
    ['VIP\nvip\n  Vip  ', ['VIP']],
    ['Партнёры, партнеры', ['Партнёры']],
    ['a,,  ,b;', ['a', 'b']],
    ['оптовый   клиент', ['оптовый клиент']],
    [2024, ['2024']],
    [null, []],
    ['', []],
  ];
  it.each(cases)('splits %j', (value, expected) => {
    expect(splitListCell(value)).toEqual(expected);
  });
});

describe('splitFullName', () => {
  const name = (lastName: string | null, firstName: string | null, middleName: string | null = null) => ({
    lastName,
    firstName,
    middleName,
  });
  const cases: Array<[string, ReturnType<typeof name>]> = [
    ['Иванов Иван Иванович', name('Иванов', 'Иван', 'Иванович')],
    ['ИВАНОВА Мария Петровна', name('Иванова', 'Мария', 'Петровна')],
    ['ИВАНОВА МАРИЯ ПЕТРОВНА', name('Иванова', 'Мария', 'Петровна')],
    ['ИВАНОВ иван', name('Иванов', 'Иван')],
    ['смирнова анна-мария сергеевна', name('Смирнова', 'Анна-Мария', 'Сергеевна')],
    ['Ludwig van Beethoven', name('Beethoven', 'Ludwig', 'van')],
    ['Анна фон Мекк', name('Мекк', 'Анна', 'фон')],
    ['Петров-Водкин Кузьма Сергеевич', name('Петров-Водкин', 'Кузьма', 'Сергеевич')],
    ['ПЕТРОВ-ВОДКИН Кузьма', name('Петров-Водкин', 'Кузьма')],
    ['Иван Иванович Иванов', name('Иванов', 'Иван', 'Иванович')],
    ['Ольга Ильинична Соколова', name('Соколова', 'Ольга', 'Ильинична')],
    ['Соколова Ольга Никитична', name('Соколова', 'Ольга', 'Никитична')],
    ['Смирнов Пётр Ильич', name('Смирнов', 'Пётр', 'Ильич')],
    ['  Иванов   Иван  ', name('Иванов', 'Иван')],
    ['Иванов Иван', name('Иванов', 'Иван')],
    ['Иван Иванов', name('Иванов', 'Иван')],
    ['Ирина Петрова', name('Петрова', 'Ирина')],
    ['Петрова Ирина', name('Петрова', 'Ирина')],
    ['Марина Ивлева', name('Ивлева', 'Марина')],
    ['Константин Смирнов', name('Смирнов', 'Константин')],
    ['Лебедев Константин', name('Лебедев', 'Константин')],
    ['Анна Достоевская', name('Достоевская', 'Анна')],
    ['Лев Толстой', name('Толстой', 'Лев')],
    ['Толстой Лев', name('Толстой', 'Лев')],
    ['Сергей Трубецкой', name('Трубецкой', 'Сергей')],
    ['Пётр Чайковский', name('Чайковский', 'Пётр')],
    ['Фёдор Шаляпин', name('Шаляпин', 'Фёдор')],
    ['Варвара Шмидт', name('Шмидт', 'Варвара')],
    ['Анна-Мария Шмидт', name('Шмидт', 'Анна-Мария')],
    ['Шмидт Анна-Мария', name('Шмидт', 'Анна-Мария')],
    ['Олег Ким', name('Ким', 'Олег')],
    ['Smith George', name('Smith', 'George')],
    ['Иван Иванович', name(null, 'Иван', 'Иванович')],
    ['Алиев Рашид Гейдар оглы', name('Алиев', 'Рашид', 'Гейдар оглы')],
    ['Рашид Гейдар оглы Алиев', name('Алиев', 'Рашид', 'Гейдар оглы')],
    ['Мамедова Айгюль Ильхам кызы', name('Мамедова', 'Айгюль', 'Ильхам кызы')],
    ['Иванов И.И.', name('Иванов', 'И.', 'И.')],
    ['Иванов И. И.', name('Иванов', 'И.', 'И.')],
    ['И.И. Иванов', name('Иванов', 'И.', 'И.')],
    // The last dot left out, no space after the initials, an initial without its dot.
    ['Иванов И.И', name('Иванов', 'И.', 'И.')],
    ['И.И.Иванов', name('Иванов', 'И.', 'И.')],
    ['И.Петров-Водкин', name('Петров-Водкин', 'И.')],
    ['Петрова А', name('Петрова', 'А.')],
    ['John Smith', name('Smith', 'John')],
    ['JOHN SMITH', name('Smith', 'John')],
    ["Sean O'NEIL", name("O'Neil", 'Sean')],
    ['John Michael Smith', name('Smith', 'John', 'Michael')],
    ['Smith, John', name('Smith', 'John')],
    ['Smith, John Michael', name('Smith', 'John', 'Michael')],
    ['Иванов, Иван Иванович', name('Иванов', 'Иван', 'Иванович')],
    ['Ivanov Ivan', name('Ivanov', 'Ivan')],
    ['Ivan Ivanovich Ivanov', name('Ivanov', 'Ivan', 'Ivanovich')],
    ['Иванов', name('Иванов', null)],
    ['Иван', name(null, 'Иван')],
    ['Madonna', name(null, 'Madonna')],
    ['Петров Водкин Кузьма Сергеевич', name('Петров Водкин', 'Кузьма', 'Сергеевич')],
    ['', name(null, null)],
    ['   ', name(null, null)],
  ];
  it.each(cases)('splits %j', (text, expected) => {
    expect(splitFullName(text)).toEqual(expected);
  });

  it('reads back any Russian "Фамилия Имя Отчество" in either order', () => {
    const last = fc.constantFrom('Иванов', 'Петрова', 'Соколовский', 'Кузнецова', 'Лебедев', 'Петров-Водкин');
    const first = fc.constantFrom('Иван', 'Мария', 'Ирина', 'Константин', 'Марина', 'Пётр', 'Ольга');
    const middle = fc.constantFrom('Иванович', 'Петровна', 'Сергеевич', 'Ильинична', 'Ильич', 'Никитична');
    fc.assert(
      fc.property(last, first, middle, fc.boolean(), (l, f, m, upper) => {
        const text = upper ? `${l.toUpperCase()} ${f} ${m}` : `${l} ${f} ${m}`;
        expect(splitFullName(text)).toEqual({ lastName: l, firstName: f, middleName: m });
        expect(splitFullName(`${f} ${m} ${l}`)).toEqual({ lastName: l, firstName: f, middleName: m });
      }),
    );
  });
});
