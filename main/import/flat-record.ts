/**
 * A record as one spreadsheet row sees it: values by import field key ("lastName", "phone.mobile",
 * "address2.city", "custom.budget"). Import builds these from cells, export writes them to cells,
 * and updates are merged and compared in this shape, so every record type shares that logic.
 */
import { LONG_TEXT_MAX } from '../../shared/domain/common';
import type { FieldChange } from '../../shared/domain/imports';
import { asWindows1251 } from '../spreadsheets/encoding';

export type FlatValue = string | number | boolean | string[] | null;
export type FlatRecord = Record<string, FlatValue>;

export function isEmptyValue(value: FlatValue | undefined): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** How a value reads in the dry-run grid and the change list. */
export function displayValue(value: FlatValue | undefined): string | null {
  if (isEmptyValue(value)) return null;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

const sameKey = (value: string) => value.toLowerCase().trim();

/** The values of every list field of the key's kind: all "phone.*" lists for "phone.mobile". */
function listGroup(record: FlatRecord, key: string, listFields: ReadonlySet<string>): string[] {
  const dot = key.indexOf('.');
  const prefix = dot === -1 ? null : key.slice(0, dot + 1);
  return Object.entries(record)
    .filter(([field]) => field === key || (prefix !== null && field.startsWith(prefix) && listFields.has(field)))
    .flatMap(([, value]) => (Array.isArray(value) ? value : []));
}

/**
 * What an update writes: the file's non-empty values replace single fields and join list fields
 * (phones, e-mails, tags: nothing the record had is lost) or, with `replaceLists`, replace them too;
 * empty cells leave the field alone unless `overwriteWithEmpty` is on, and then only for the fields
 * the file maps. `joinedTexts`: free text several rows of one record each add to (notes), joined a
 * line each rather than the last row's kept; a text already there is not added again.
 */
export function mergeFlat(
  existing: FlatRecord,
  incoming: FlatRecord,
  options: {
    overwriteWithEmpty: boolean;
    listFields: ReadonlySet<string>;
    mappedFields: Iterable<string>;
    replaceLists?: boolean;
    joinedTexts?: ReadonlySet<string>;
  },
): FlatRecord {
  const merged: FlatRecord = { ...existing };
  const mapped = new Set(options.mappedFields);
  for (const key of mapped) {
    const value = incoming[key];
    if (isEmptyValue(value)) {
      if (options.overwriteWithEmpty) merged[key] = Array.isArray(existing[key]) ? [] : null;
      continue;
    }
    const before = existing[key];
    const list = options.listFields.has(key) && Array.isArray(value);
    if (list && options.replaceLists) {
      merged[key] = value;
      moveToKind(merged, key, value, options.listFields, mapped);
    } else if (options.joinedTexts?.has(key) && typeof before === 'string' && typeof value === 'string') {
      merged[key] = joinedText(before, value);
    } else if (list && Array.isArray(before)) {
      // A number the record has under another label ("phone.work") is not added again as "phone.mobile".
      const seen = new Set(listGroup(merged, key, options.listFields).map(sameKey));
      merged[key] = [...before, ...value.filter((item) => !seen.has(sameKey(item)))];
    } else {
      merged[key] = value ?? null;
    }
  }
  return merged;
}

/**
 * A replaced list's items leave the lists of their group the file doesn't map: a number the record
 * has as mobile and the file files as work (Google's "Phone 1 - Label") moves, it is not kept twice.
 */
function moveToKind(
  merged: FlatRecord,
  key: string,
  items: readonly string[],
  listFields: ReadonlySet<string>,
  mapped: ReadonlySet<string>,
): void {
  const moved = new Set(items.map(sameKey));
  const prefix = key.slice(0, key.indexOf('.') + 1);
  if (prefix === '') return;
  for (const [field, value] of Object.entries(merged)) {
    if (field === key || mapped.has(field) || !field.startsWith(prefix) || !listFields.has(field)) continue;
    if (Array.isArray(value)) merged[field] = value.filter((item) => !moved.has(sameKey(item)));
  }
}

const STORED_MILLISECONDS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.\d+Z$/;

/**
 * A value as compared for changes: as a spreadsheet keeps it. A cell holds a time to the second
 * (a consent given at 10:20:30.123 comes back at 10:20:30), and Excel's line breaks are \n (notes
 * imported from a Windows CSV hold \r\n): an untouched workbook re-imported changes nothing.
 */
function comparable(text: string | null): string | null {
  if (text === null) return null;
  const lines = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return lines.replace(STORED_MILLISECONDS, '$1Z');
}

/** Field-by-field differences, in the order of `keys`. */
export function diffFlat(before: FlatRecord, after: FlatRecord, keys: Iterable<string>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const old = displayValue(before[field]);
    const next = displayValue(after[field]);
    if (comparable(old) !== comparable(next)) changes.push({ field, before: old, after: next });
  }
  return changes;
}

/** Every key either record has, in first-seen order. */
export function keysOf(...records: FlatRecord[]): string[] {
  const keys = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) keys.add(key);
  return [...keys];
}

/**
 * A note added to another, a line each: one the text holds as a line already is not added again,
 * and one that would take it past what a note holds is left out (the record is stored, not refused).
 */
function joinedText(before: string, value: string): string {
  if (before.split('\n').includes(value) || value.split('\n').includes(before))
    return before.length >= value.length ? before : value;
  const joined = `${before}\n${value}`;
  return joined.length > LONG_TEXT_MAX ? before : joined;
}

/**
 * The record's own values where the file holds them as a Windows-1251 CSV wrote them, a "?" for
 * each letter it lacks («Н?рлан?ызы» for «Нұрланқызы»): re-importing such an export changes nothing.
 */
export function keepUnencodable(before: FlatRecord, incoming: FlatRecord): FlatRecord {
  const own = (value: string, earlier: FlatValue | undefined): string => {
    if (!value.includes('?')) return value;
    const candidates = typeof earlier === 'string' ? [earlier] : Array.isArray(earlier) ? earlier : [];
    return candidates.find((candidate) => candidate !== value && asWindows1251(candidate) === value) ?? value;
  };
  const kept: FlatRecord = { ...incoming };
  for (const [key, value] of Object.entries(incoming)) {
    if (typeof value === 'string') kept[key] = own(value, before[key]);
    else if (Array.isArray(value)) kept[key] = value.map((item) => own(item, before[key]));
  }
  return kept;
}
