import { describe, expect, it } from 'vitest';
import type { CustomFieldDefinition } from '../../shared/domain/custom-fields';
import type { FieldKind } from '../../shared/domain/import-fields';
import { cellText, parseRow, type ColumnPlan, type FieldTarget } from '../../main/import/row-parser';
import { ValueChoices } from '../../main/import/value-choices';
import type { CellValue } from '../../main/spreadsheets/cell';

const target = (key: string, kind: FieldKind | 'custom', definition?: CustomFieldDefinition): FieldTarget => ({
  key,
  kind,
  definition,
});

const column = (index: number, ...targets: FieldTarget[]): ColumnPlan => ({
  index,
  targets,
  dateOrder: null,
  decimal: undefined,
  labelColumn: null,
  addressLabel: null,
});

const channels: CustomFieldDefinition = {
  id: 1,
  entity: 'person',
  key: 'channels',
  label: 'Каналы',
  type: 'multiselect',
  options: ['почта', 'звонок'],
  position: 0,
};

function parse(cells: CellValue[], columns: ColumnPlan[]) {
  const choices = new ValueChoices(
    [{ field: 'custom.channels', options: channels.options.map((value) => ({ value, label: value })), fallback: null }],
    [],
  );
  return parseRow(cells, columns, { defaultCountry: 'RU', choices });
}

describe('parseRow', () => {
  it('points each problem at its cell: column, field and the text as the user sees it', () => {
    const { flat, problems } = parse(
      ['8 916 123-45-67, 12', 'петров@', "'=1+2", 'x'.repeat(20_001)],
      [
        column(0, target('phone.mobile', 'phone')),
        column(1, target('email.work', 'email')),
        column(2, target('birthday', 'date')),
        column(3, target('notes', 'text')),
      ],
    );
    expect(flat).toEqual({ 'phone.mobile': ['+79161234567', '12'], 'email.work': [] });
    expect(problems).toEqual([
      { column: 0, field: 'phone.mobile', code: 'invalidPhone', severity: 'warning', value: '8 916 123-45-67, 12' },
      { column: 1, field: 'email.work', code: 'invalidEmail', severity: 'warning', value: 'петров@' },
      // Flagged and left out: the contact still comes in.
      { column: 2, field: 'birthday', code: 'unreadableDate', severity: 'warning', value: '=1+2' },
      { column: 3, field: 'notes', code: 'tooLong', severity: 'error', value: 'x'.repeat(20_001) },
    ]);
  });

  it('reads "-" and «нет» in a phone cell as no number, and flags other text without storing it', () => {
    const phones = [column(0, target('phone.mobile', 'phone')), column(1, target('phone.work', 'phone'))];
    for (const none of ['-', '—', 'нет', 'Нет', 'n/a', '?']) {
      expect(parse([none, '8 916 123-45-67'], phones)).toMatchObject({
        flat: { 'phone.mobile': [], 'phone.work': ['+79161234567'] },
        problems: [],
      });
    }
    expect(parse(['звонить секретарю', ''], phones)).toMatchObject({
      flat: { 'phone.mobile': [] },
      problems: [{ column: 0, code: 'invalidPhone', severity: 'warning', value: 'звонить секретарю' }],
    });
  });

  it("reads Outlook's empty birthdays as none, flags year-less ones, and reads Russian date-times", () => {
    const columns = [column(0, target('birthday', 'date')), column(1, target('contactConsent.at', 'datetime'))];
    for (const empty of ['0/0/00', '0.0.00', '00.00.0000']) {
      expect(parse([empty, ''], columns)).toMatchObject({
        flat: { birthday: null, 'contactConsent.at': null },
        problems: [],
      });
    }
    const yearless = parse(['--03-15', '01.02.2024 09:30:00'], columns);
    expect(yearless.flat).toMatchObject({ 'contactConsent.at': '2024-02-01T09:30:00.000Z' });
    expect(yearless.flat['birthday'] ?? null).toBeNull();
    expect(yearless.problems).toEqual([
      { column: 0, field: 'birthday', code: 'unreadableDate', severity: 'warning', value: '--03-15' },
    ]);
    expect(parse(['', '2024-03-31 21:30:00'], columns).flat).toMatchObject({
      'contactConsent.at': '2024-03-31T21:30:00.000Z',
    });
    expect(parse(['', '2024-03-31T21:30:00+03:00'], columns).flat).toMatchObject({
      'contactConsent.at': '2024-03-31T18:30:00.000Z',
    });
    const monthFirst = [{ ...column(1, target('contactConsent.at', 'datetime')), dateOrder: 'mdy' as const }];
    expect(parse(['', '2/1/2024 10:00 PM'], monthFirst).flat).toMatchObject({
      'contactConsent.at': '2024-02-01T22:00:00.000Z',
    });
    expect(parse(['', '01.02.2024, 12:30 AM'], columns).flat).toMatchObject({
      'contactConsent.at': '2024-02-01T00:30:00.000Z',
    });
    expect(parse(['', '01/02/2024 10:00'], columns).problems).toEqual([
      { column: 1, field: 'contactConsent.at', code: 'ambiguousDate', severity: 'error', value: '01/02/2024 10:00' },
    ]);
    expect(parse(['', '15.02.2024'], columns).flat).toMatchObject({ 'contactConsent.at': '2024-02-15T00:00:00.000Z' });
  });

  it('reports every unknown option of a multi-select cell', () => {
    const { flat, problems } = parse(
      ['почта; факс; голубь'],
      [column(0, target('custom.channels', 'custom', channels))],
    );
    expect(flat).toEqual({ 'custom.channels': ['почта'] });
    expect(problems.map((problem) => [problem.code, problem.value])).toEqual([
      ['unknownOption', 'почта; факс; голубь'],
      ['unknownOption', 'почта; факс; голубь'],
    ]);
  });

  it("joins a later column's items to a list without repeating what earlier columns gave", () => {
    const { flat } = parse(
      ['VIP, Партнёр', 'партнёр, Новый', '+7 916 123-45-67', '8 916 123-45-67; 8 495 111-22-33'],
      [
        column(0, target('tags', 'tags')),
        column(1, target('tags', 'tags')),
        column(2, target('phone.mobile', 'phone')),
        column(3, target('phone.mobile', 'phone')),
      ],
    );
    // Tags compare as typed here (the record folds them later); phones compare normalised.
    expect(flat).toEqual({
      tags: ['VIP', 'Партнёр', 'партнёр', 'Новый'],
      'phone.mobile': ['+79161234567', '+74951112233'],
    });
  });

  it('keeps the repeats inside one cell: only earlier columns are checked', () => {
    const { flat } = parse(['8 916 123-45-67; +7 916 123-45-67'], [column(0, target('phone.mobile', 'phone'))]);
    expect(flat).toEqual({ 'phone.mobile': ['+79161234567', '+79161234567'] });
  });

  it('marks mapped empty cells, and a full name names the row only when no column of its own gave a name part', () => {
    const columns = [
      column(0, target('tags', 'tags')),
      column(1, target('fullName', 'fullName'), target('position', 'text')),
      column(3, target('firstName', 'text')),
      column(2, target('fullName', 'fullName')),
    ];
    const { flat, problems } = parse([null, '  ', 'Иванов Иван Иванович', 'Пётр'], columns);
    // Never mixed: «Пётр» is the name this row gives, the whole name only a fallback.
    expect(flat).toEqual({ tags: [], fullName: null, position: null, firstName: 'Пётр' });
    expect(problems).toEqual([]);
    expect(parse([null, '', 'Иванов Иван Иванович', ''], columns).flat).toEqual({
      tags: [],
      fullName: null,
      position: null,
      firstName: 'Иван',
      lastName: 'Иванов',
      middleName: 'Иванович',
    });
  });
});

describe('parseRow: kinds of phones, e-mails and addresses', () => {
  it("files each row's phone and e-mail under the kind its label column names, and keeps the mapped kind without one", () => {
    const columns: ColumnPlan[] = [
      { ...column(1, target('phone.mobile', 'phone')), labelColumn: 0 },
      { ...column(3, target('email.work', 'email')), labelColumn: 2 },
    ];
    expect(parse(['Work Fax', '+7 495 123-45-67', '* Home', 'ivan@example.ru'], columns).flat).toEqual({
      'phone.fax': ['+74951234567'],
      'email.personal': ['ivan@example.ru'],
    });
    expect(parse(['', '+7 495 123-45-67', 'Рабочий', 'ivan@example.ru'], columns).flat).toEqual({
      'phone.mobile': ['+74951234567'],
      'email.work': ['ivan@example.ru'],
    });
    // An empty value marks no field: clearing the mapped kind ("mobile") could drop a number that
    // another column of the row files under its own kind.
    expect(parse(['Work', '', '', ''], columns).flat).toEqual({});
  });

  it("gives an address the kind its header names unless a label column gives the row's own", () => {
    const home: ColumnPlan = { ...column(0, target('address2.city', 'text')), addressLabel: 'home' };
    const label = column(1, target('address2.label', 'addressLabel'));
    expect(parse(['Тверь', ''], [home, label]).flat).toEqual({ 'address2.city': 'Тверь', 'address2.label': 'home' });
    expect(parse(['Тверь', 'Почтовый'], [home, label]).flat).toEqual({
      'address2.city': 'Тверь',
      'address2.label': 'postal',
    });
    expect(parse(['Тверь', 'Почтовый'], [label, home]).flat).toEqual({
      'address2.label': 'postal',
      'address2.city': 'Тверь',
    });
    // No address without a part: an empty city gives it no kind.
    expect(parse(['', ''], [home]).flat).toEqual({ 'address2.city': null });
  });
});

describe('cellText', () => {
  it("splits a tag or option cell after taking off our export's guard apostrophe", () => {
    const marks: CustomFieldDefinition = { ...channels, id: 2, key: 'marks', options: ['-нет-', 'почта'] };
    const choices = new ValueChoices(
      [{ field: 'custom.marks', options: marks.options.map((value) => ({ value, label: value })), fallback: null }],
      [],
    );
    const { flat, problems } = parseRow(
      ["'@vip, -old", "'-нет-, почта"],
      [column(0, target('tags', 'tags')), column(1, target('custom.marks', 'custom', marks))],
      { defaultCountry: 'RU', choices },
    );
    expect(flat).toEqual({ tags: ['@vip', '-old'], 'custom.marks': ['-нет-', 'почта'] });
    expect(problems).toEqual([]);
  });

  it('takes off the guard apostrophe of a formula-like text, and nothing else', () => {
    expect(cellText("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cellText("'+7 916")).toBe('+7 916');
    expect(cellText("'quoted'")).toBe("'quoted'");
    // Leading spaces kept the export's guard away: the apostrophe is the user's own.
    expect(cellText(" '=x")).toBe("'=x");
    expect(cellText("''=x ")).toBe("'=x");
    expect(cellText('  plain ')).toBe('plain');
    expect(cellText(79161234567)).toBe('79161234567');
    expect(cellText(new Date('2024-05-01T00:00:00Z'))).toBe('2024-05-01');
    expect(cellText(null)).toBe('');
  });

  it("keeps the time of a date-time cell, and a time-only cell is its time (not Excel's day 0)", () => {
    expect(cellText(new Date('2024-03-12T10:00:00Z'))).toBe('2024-03-12 10:00');
    expect(cellText(new Date('2024-03-12T10:00:30Z'))).toBe('2024-03-12 10:00:30');
    // A serial's fraction comes back a millisecond short of the minute it means.
    expect(cellText(new Date('1899-12-30T09:59:59.999Z'))).toBe('10:00');
    expect(cellText(new Date('1899-12-30T18:45:00Z'))).toBe('18:45');
  });
});
