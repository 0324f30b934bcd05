/**
 * One spreadsheet row into a flat record and its problems, reading each cell the way its field
 * needs (dates, phones, lists, select values...). Pure apart from the value-choice counter.
 */
import { contactChannels } from '../../shared/domain/people';
import type { CustomFieldDefinition } from '../../shared/domain/custom-fields';
import type { FieldKind } from '../../shared/domain/import-fields';
import type { DateOrder, RowProblem } from '../../shared/domain/imports';
import type { CellValue } from '../spreadsheets/cell';
import type { FlatRecord, FlatValue } from './flat-record';
import { parseBooleanCell } from './values/booleans';
import { readPhones, splitEmailCell, splitListCell } from './values/contacts';
import { parseDateCell } from './values/dates';
import { splitFullName } from './values/names';
import { parseNumberCell } from './values/numbers';
import type { ValueChoices } from './value-choices';

export type FieldTarget = { key: string; kind: FieldKind | 'custom'; definition?: CustomFieldDefinition };

export type ColumnPlan = {
  index: number;
  targets: FieldTarget[];
  dateOrder: DateOrder | null;
  decimal: ',' | '.' | undefined;
};

export type ParsedRow = { flat: FlatRecord; problems: RowProblem[] };

const GUARDED = /^'[=+\-@\t\r]/;

/** Cell text as the user sees it; a guard apostrophe our export added is taken off again. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value).trim();
  return GUARDED.test(text) ? text.slice(1) : text;
}

const MAX_TEXT = 20_000;

function append(flat: FlatRecord, key: string, items: string[]): void {
  const before = flat[key];
  const list = Array.isArray(before) ? before : [];
  flat[key] = [...list, ...items.filter((item) => !list.includes(item))];
}

export function parseRow(
  cells: readonly CellValue[],
  columns: readonly ColumnPlan[],
  context: { defaultCountry: string; choices: ValueChoices },
): ParsedRow {
  const flat: FlatRecord = {};
  const problems: RowProblem[] = [];
  for (const column of columns) {
    const value = cells[column.index] ?? null;
    const text = cellText(value);
    for (const target of column.targets) {
      const problem = (code: RowProblem['code'], severity: RowProblem['severity'] = 'warning') =>
        problems.push({ column: column.index, field: target.key, code, severity, value: text });
      if (text === '') {
        // An empty cell still says "this field is mapped", which matters when updates may clear.
        if (!(target.key in flat)) flat[target.key] = target.kind === 'fullName' ? null : emptyOf(target);
        continue;
      }
      if (text.length > MAX_TEXT) {
        problem('tooLong', 'error');
        continue;
      }
      readInto(flat, target, value, text, column, context, problem);
    }
  }
  return { flat, problems };
}

function emptyOf(target: FieldTarget): FlatValue {
  if (target.kind === 'phone' || target.kind === 'email' || target.kind === 'tags') return [];
  if (target.definition?.type === 'multiselect') return [];
  return null;
}

type Report = (code: RowProblem['code'], severity?: RowProblem['severity']) => void;

function readInto(
  flat: FlatRecord,
  target: FieldTarget,
  value: CellValue,
  text: string,
  column: ColumnPlan,
  context: { defaultCountry: string; choices: ValueChoices },
  problem: Report,
): void {
  const { key } = target;
  switch (target.kind) {
    case 'fullName': {
      const parts = splitFullName(text);
      // Name columns of their own win over the split.
      for (const [part, partValue] of Object.entries(parts)) {
        if (partValue !== null && (flat[part] === undefined || flat[part] === null)) flat[part] = partValue;
      }
      return;
    }
    case 'phone': {
      const phones = readPhones(value, context.defaultCountry);
      if (phones.some((phone) => !phone.valid)) problem('invalidPhone');
      append(
        flat,
        key,
        phones.map((phone) => phone.value),
      );
      return;
    }
    case 'email': {
      const emails = splitEmailCell(value);
      if (emails.some((email) => !email.valid)) problem('invalidEmail');
      append(
        flat,
        key,
        emails.filter((email) => email.valid).map((email) => email.value),
      );
      return;
    }
    case 'tags':
      append(flat, key, splitListCell(value));
      return;
    case 'date':
      readDate(flat, key, value, column, problem);
      return;
    case 'datetime': {
      const at = value instanceof Date ? value : new Date(text);
      // Excel keeps times as fractions of a day: round off the float noise to whole seconds.
      if (Number.isNaN(at.getTime())) problem('unreadableDate');
      else flat[key] = new Date(Math.round(at.getTime() / 1000) * 1000).toISOString();
      return;
    }
    case 'consent':
      readBoolean(flat, key, value, problem);
      return;
    case 'id': {
      const id = Number(text);
      if (Number.isInteger(id) && id > 0) flat[key] = id;
      else problem('unknownId', 'error');
      return;
    }
    case 'owner':
      flat[key] = text;
      return;
    case 'channel': {
      const channel = context.choices.resolve('preferredChannel', text);
      if (channel !== null && (contactChannels as readonly string[]).includes(channel)) flat[key] = channel;
      else problem('unknownChannel');
      return;
    }
    case 'custom':
      readCustom(flat, target, value, text, column, context, problem);
      return;
    default:
      // Several columns feeding notes are joined, one per line.
      flat[key] = key === 'notes' && typeof flat[key] === 'string' ? `${flat[key]}\n${text}` : text;
  }
}

function readDate(flat: FlatRecord, key: string, value: CellValue, column: ColumnPlan, problem: Report): void {
  const date = parseDateCell(value, column.dateOrder);
  if (date.ok) flat[key] = date.value;
  // An ambiguous date must not be guessed: the user picks the column's order.
  else problem(date.reason === 'ambiguous' ? 'ambiguousDate' : 'unreadableDate', 'error');
}

function readBoolean(flat: FlatRecord, key: string, value: CellValue, problem: Report): void {
  const checked = parseBooleanCell(value);
  if (checked.ok) flat[key] = checked.value;
  else problem('unreadableBoolean');
}

function readCustom(
  flat: FlatRecord,
  target: FieldTarget,
  value: CellValue,
  text: string,
  column: ColumnPlan,
  context: { choices: ValueChoices },
  problem: Report,
): void {
  const definition = target.definition!;
  const { key } = target;
  switch (definition.type) {
    case 'text':
      flat[key] = text;
      return;
    case 'number': {
      const number = parseNumberCell(value, column.decimal);
      if (number.ok) flat[key] = number.value;
      else problem('unreadableNumber');
      return;
    }
    case 'date':
      readDate(flat, key, value, column, problem);
      return;
    case 'checkbox':
      readBoolean(flat, key, value, problem);
      return;
    case 'select': {
      const option = context.choices.resolve(key, text);
      if (option === null) problem('unknownOption');
      else flat[key] = option;
      return;
    }
    case 'multiselect': {
      const options: string[] = [];
      for (const item of splitListCell(value)) {
        const option = context.choices.resolve(key, item);
        if (option === null) problem('unknownOption');
        else options.push(option);
      }
      append(flat, key, options);
      return;
    }
  }
}
