/**
 * One spreadsheet row into a flat record and its problems, reading each cell the way its field
 * needs (dates, phones, lists, select values...). Pure apart from the value-choice counter.
 */
import { contactChannels } from '../../shared/domain/people';
import type { CustomFieldDefinition } from '../../shared/domain/custom-fields';
import { ADDRESS_GROUPS, addressGroupOf, type FieldKind } from '../../shared/domain/import-fields';
import type { DateOrder, RowProblem } from '../../shared/domain/imports';
import type { CellValue } from '../spreadsheets/cell';
import { LONG_TEXT_MAX } from '../../shared/domain/common';
import type { FlatRecord, FlatValue } from './flat-record';
import { parseBooleanCell } from './values/booleans';
import { isScientificNotation, readPhones, splitEmailCell, splitListCell, splitOptionsCell } from './values/contacts';
import { addressLabelFromText, emailLabelFromText, phoneLabelFromText } from './values/contact-labels';
import type { AddressLabel } from '../../shared/domain/contact-points';
import { isNoDate, parseDateCell, parseDateTimeCell } from './values/dates';
import { splitFullName } from './values/names';
import { parseNumberCell } from './values/numbers';
import type { ValueChoices } from './value-choices';
import { removeFormulaGuard } from '../spreadsheets/formula-guard';
import type { NormalisedPhone } from '../../shared/text/phone';

export type FieldTarget = { key: string; kind: FieldKind | 'custom'; definition?: CustomFieldDefinition };

export type ColumnPlan = {
  index: number;
  targets: FieldTarget[];
  dateOrder: DateOrder | null;
  decimal: ',' | '.' | undefined;
  /** The column whose text says, row by row, which kind of phone or e-mail this column holds. */
  labelColumn: number | null;
  /** For an address's parts: the address's kind when no column gives it. */
  addressLabel: AddressLabel | null;
};

export type ParsedRow = {
  flat: FlatRecord;
  problems: RowProblem[];
  /** How each phone of the row read: the write reads the stored forms again, and finds these. */
  phones: NormalisedPhone[];
};

/** Cell text as the user sees it; a guard apostrophe our export added is taken off again. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return dateCellText(value);
  // The guard first: text whose leading spaces hid it from the export's guard keeps its apostrophe.
  return removeFormulaGuard(String(value)).trim();
}

/** Excel's day 0: a time-only cell is a time on this day. */
const EXCEL_DAY_ZERO = '1899-12-30';

/**
 * A date cell as text: the day; with its time when it has one (a call at «12.03.2024 10:00»), and the
 * time alone for a time-only cell («10:00» was «1899-12-30»). Cells carry their wall time as UTC.
 */
function dateCellText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const [day = '', clock = ''] = new Date(Math.round(value.getTime() / 1000) * 1000).toISOString().split('T');
  const time = clock.slice(0, 8).replace(/:00$/, '');
  if (time === '00:00') return day;
  return day === EXCEL_DAY_ZERO ? time : `${day} ${time}`;
}

type ParseContext = { defaultCountry: string; choices: ValueChoices };

/** One cell of the row with the column plan that reads it: what a problem with it points at. */
type Cell = { column: ColumnPlan; value: CellValue; text: string };

/**
 * Notes a problem with a cell. A function of the row rather than a closure per cell: a 100,000-row
 * file made 1.2 million of those, and building them cost more than reading most cells.
 */
function report(
  row: ParsedRow,
  cell: Cell,
  target: FieldTarget,
  code: RowProblem['code'],
  severity: RowProblem['severity'] = 'warning',
): void {
  row.problems.push({ column: cell.column.index, field: target.key, code, severity, value: cell.text });
}

/** Adds a cell's items to a list field; an item an earlier column gave the field is not added twice. */
function append(flat: FlatRecord, key: string, items: string[]): void {
  const before = flat[key];
  // The first cell for a field (nearly always the only one): its fresh list is taken as it is.
  if (!Array.isArray(before) || before.length === 0) flat[key] = items;
  else flat[key] = [...before, ...items.filter((item) => !before.includes(item))];
}

export function parseRow(
  cells: readonly CellValue[],
  columns: readonly ColumnPlan[],
  context: ParseContext,
): ParsedRow {
  const row: ParsedRow = { flat: {}, problems: [], phones: [] };
  let fullName: string | null = null;
  for (const column of columns) {
    const value = cells[column.index] ?? null;
    const cell: Cell = { column, value, text: cellText(value) };
    const label = column.labelColumn === null ? '' : cellText(cells[column.labelColumn] ?? null);
    for (const target of column.targets) {
      if (cell.text === '') {
        // An empty cell still says "this field is mapped", which matters when updates may clear;
        // not when each row's label says which field: clearing the mapped kind would drop a number
        // another column of the row files under another kind.
        if (column.labelColumn !== null || target.key in row.flat) continue;
        row.flat[target.key] = target.kind === 'fullName' ? null : emptyOf(target);
      } else if (cell.text.length > LONG_TEXT_MAX) report(row, cell, target, 'tooLong', 'error');
      else if (target.kind === 'fullName') fullName ??= cell.text;
      else {
        readInto(row, cell, label === '' ? target : labelled(target, label), context);
        if (column.addressLabel !== null) labelAddress(row.flat, target.key, column.addressLabel);
      }
    }
  }
  if (fullName !== null) fillNameFromWhole(row.flat, fullName);
  return row;
}

/**
 * The whole name names the row only when no column of its own gave a name part: a vCard's FN
 * beside an empty N (a phone's card saved as «Мама»), a sheet's «ФИО» beside sparse name columns.
 * Parts and the whole name are never mixed: «Иван Петров (работа)» would add a middle name.
 */
function fillNameFromWhole(flat: FlatRecord, text: string): void {
  if (NAME_PARTS.some((part) => flat[part] !== undefined && flat[part] !== null)) return;
  const parts = splitFullName(text);
  for (const part of NAME_PARTS) if (parts[part] !== null) flat[part] = parts[part];
}

/** A phone or e-mail target with the kind its row's label names ("Work" → phone.work); others as they are. */
function labelled(target: FieldTarget, label: string): FieldTarget {
  const kind =
    target.kind === 'phone' ? phoneLabelFromText(label) : target.kind === 'email' ? emailLabelFromText(label) : null;
  return kind === null ? target : { ...target, key: `${target.kind}.${kind}` };
}

/** Gives the address a part of which `key` is ("address2.city") the kind, unless a column gave it one. */
function labelAddress(flat: FlatRecord, key: string, label: AddressLabel): void {
  const group = ADDRESS_GROUPS[addressGroupOf(key)];
  if (group === undefined) return;
  const labelKey = `${group}.label`;
  if (flat[labelKey] === undefined || flat[labelKey] === null) flat[labelKey] = label;
}

function emptyOf(target: FieldTarget): FlatValue {
  if (target.kind === 'phone' || target.kind === 'email' || target.kind === 'tags') return [];
  if (target.definition?.type === 'multiselect') return [];
  return null;
}

const NAME_PARTS = ['lastName', 'firstName', 'middleName'] as const;
/** What people write in a phone cell for "no number". */
const NO_NUMBER = /^(?:[-–—−.?x×]+|нет|нету|отсутствует|n\/?a|none|no)$/i;

function readInto(row: ParsedRow, cell: Cell, target: FieldTarget, context: ParseContext): void {
  const { flat } = row;
  const { value, text } = cell;
  const { key } = target;
  switch (target.kind) {
    case 'phone': {
      const read = readPhones(value, context.defaultCountry);
      // "-", "нет", "n/a": no number, said so; other text without a digit is flagged, not stored.
      // Nor is «7,92E+10»: Excel cut the number short, the digits left make no number.
      const phones = read.filter((phone) => /\d/.test(phone.value) && !isScientificNotation(phone.raw));
      if (!NO_NUMBER.test(text.trim()) && read.some((phone) => !phone.valid && !NO_NUMBER.test(phone.raw)))
        report(row, cell, target, 'invalidPhone');
      for (const phone of phones) if (phone.valid) row.phones.push({ value: phone.value, valid: true });
      append(
        flat,
        key,
        phones.map((phone) => phone.value),
      );
      return;
    }
    case 'email': {
      const emails = splitEmailCell(value);
      if (emails.some((email) => !email.valid)) report(row, cell, target, 'invalidEmail');
      append(
        flat,
        key,
        emails.filter((email) => email.valid).map((email) => email.value),
      );
      return;
    }
    case 'tags':
      // Split as the user sees the cell: our export's guard apostrophe ("'@vip, -old") off first.
      append(flat, key, splitListCell(typeof value === 'string' ? text : value));
      return;
    case 'date':
      readDate(row, cell, target);
      return;
    case 'datetime': {
      if (isNoDate(value)) {
        flat[key] = null;
        return;
      }
      const at = parseDateTimeCell(value, cell.column.dateOrder);
      if (at.ok) flat[key] = at.value;
      // As for dates: an ambiguous one is the user's to settle (the column's order), never guessed.
      else if (at.reason === 'ambiguous') report(row, cell, target, 'ambiguousDate', 'error');
      else report(row, cell, target, 'unreadableDate');
      return;
    }
    case 'consent':
      readBoolean(row, cell, target);
      return;
    case 'id': {
      const id = Number(text);
      if (Number.isInteger(id) && id > 0) flat[key] = id;
      else report(row, cell, target, 'unknownId', 'error');
      return;
    }
    case 'owner':
      flat[key] = text;
      return;
    case 'channel': {
      const channel = context.choices.resolve('preferredChannel', text);
      if (channel !== null && (contactChannels as readonly string[]).includes(channel)) flat[key] = channel;
      else report(row, cell, target, 'unknownChannel');
      return;
    }
    case 'custom':
      readCustom(row, cell, target, context);
      return;
    case 'addressLabel':
      flat[key] = addressLabelFromText(text);
      return;
    default:
      // Several columns feeding notes are joined, one per line.
      flat[key] = key === 'notes' && typeof flat[key] === 'string' ? `${flat[key]}\n${text}` : text;
  }
}

function readDate(row: ParsedRow, cell: Cell, target: FieldTarget): void {
  // Outlook's "0/0/00" is an empty cell.
  if (isNoDate(cell.value)) {
    row.flat[target.key] = null;
    return;
  }
  const date = parseDateCell(cell.value, cell.column.dateOrder);
  if (date.ok) row.flat[target.key] = date.value;
  // An ambiguous date must not be guessed: the user picks the column's order. One that can't be
  // read ("15 мая" with no year) is flagged and left out: the contact still comes in.
  else if (date.reason === 'ambiguous') report(row, cell, target, 'ambiguousDate', 'error');
  else report(row, cell, target, 'unreadableDate');
}

function readBoolean(row: ParsedRow, cell: Cell, target: FieldTarget): void {
  const checked = parseBooleanCell(cell.value);
  if (checked.ok) row.flat[target.key] = checked.value;
  else report(row, cell, target, 'unreadableBoolean');
}

function readCustom(row: ParsedRow, cell: Cell, target: FieldTarget, context: ParseContext): void {
  const definition = target.definition!;
  const { flat } = row;
  const { key } = target;
  switch (definition.type) {
    case 'text':
      flat[key] = cell.text;
      return;
    case 'number': {
      const number = parseNumberCell(cell.value, cell.column.decimal);
      if (number.ok) flat[key] = number.value;
      else report(row, cell, target, 'unreadableNumber');
      return;
    }
    case 'date':
      readDate(row, cell, target);
      return;
    case 'checkbox':
      readBoolean(row, cell, target);
      return;
    case 'select': {
      const option = context.choices.resolve(key, cell.text);
      if (option === null) report(row, cell, target, 'unknownOption');
      else flat[key] = option;
      return;
    }
    case 'multiselect': {
      const options: string[] = [];
      for (const item of splitOptionsCell(
        typeof cell.value === 'string' ? cell.text : cell.value,
        definition.options,
      )) {
        const option = context.choices.resolve(key, item);
        if (option === null) report(row, cell, target, 'unknownOption');
        else options.push(option);
      }
      append(flat, key, options);
      return;
    }
  }
}
