import type { CellValue } from '../../spreadsheets/cell';
import { digitsOf } from '../../../shared/text/fold';
import { parseDateCell } from '../values/dates';
import { parseNumberCell } from '../values/numbers';
import { isKnownHeader } from './header-synonyms';

/** Headers sit near the top; past this many rows we stop looking. */
const SCAN_ROWS = 30;

type RowShape = { filled: number; labels: string[]; values: number; dates: number };

const isBlank = (cell: CellValue) => cell === null || (typeof cell === 'string' && cell.trim() === '');

/** A cell's text that is a value rather than a label: a number, a date, an e-mail, a phone. */
function textIsValue(text: string): 'date' | 'value' | null {
  if (parseDateCell(text, 'dmy').ok && /\D/.test(text)) return 'date';
  if (parseNumberCell(text).ok) return 'value';
  if (/^\S+@\S+\.\S+$/.test(text)) return 'value';
  if (/^\+?[\d\s()-]+$/.test(text) && digitsOf(text).length >= 7) return 'value';
  return null;
}

function shapeOf(row: readonly CellValue[]): RowShape {
  const shape: RowShape = { filled: 0, labels: [], values: 0, dates: 0 };
  for (const cell of row) {
    if (isBlank(cell)) continue;
    shape.filled += 1;
    if (cell instanceof Date) shape.dates += 1;
    if (typeof cell !== 'string') {
      shape.values += 1;
      continue;
    }
    const text = cell.trim();
    const kind = textIsValue(text);
    if (kind === 'date') shape.dates += 1;
    if (kind) shape.values += 1;
    else shape.labels.push(text);
  }
  return shape;
}

/** At least two text cells, nearly all of them labels, and no dates. */
const isHeaderLike = (shape: RowShape) =>
  shape.labels.length >= 2 && shape.labels.length >= shape.filled * 0.75 && shape.dates === 0;

/** Values, or text that is mostly not header words. */
function isDataLike(shape: RowShape): boolean {
  if (shape.filled === 0) return false;
  if (shape.values > 0) return true;
  const known = shape.labels.filter((label) => isKnownHeader(label)).length;
  return known < shape.labels.length / 2;
}

const knownHeaders = (shape: RowShape) => shape.labels.filter((label) => isKnownHeader(label)).length;

/**
 * A row of text under a header, filled in every column the header fills (as data is, and a
 * two-row header's lower part is not), at most half of it header words and fewer than the header
 * has: data whose values happen to be header words («Менеджер», «Сайт»), which must not pass for
 * a second header. A lower header row under a group row repeated across («Адрес | Адрес») is
 * mostly header words.
 */
function isTextDataUnder(header: readonly CellValue[], row: readonly CellValue[]): boolean {
  const aligned = header.every((cell, column) => isBlank(cell) || !isBlank(row[column] ?? null));
  const below = shapeOf(row);
  const known = knownHeaders(below);
  return aligned && known * 2 <= below.labels.length && known < knownHeaders(shapeOf(header));
}

function nextFilledRow(rows: readonly CellValue[][], after: number): number | null {
  for (let index = after + 1; index < rows.length; index += 1) {
    if (!(rows[index] ?? []).every(isBlank)) return index;
  }
  return null;
}

/**
 * The index of the header row among a sheet's first rows: blank rows and title rows ("Клиенты на
 * 01.01.2024", one cell, maybe merged across) are skipped; the header is the first row with at least
 * two text cells, nearly all labels and no dates, followed by a row that looks like data. Of a
 * two-row header (a sparse group row "Контакты" over "Телефон | E-mail") the lower, fuller row is
 * taken. 0 when unsure.
 */
export function detectHeaderRow(rows: CellValue[][]): number {
  let lastCandidate: number | null = null;
  const limit = Math.min(rows.length, SCAN_ROWS);
  for (let index = 0; index < limit; index += 1) {
    const shape = shapeOf(rows[index] ?? []);
    if (!isHeaderLike(shape)) continue;
    const next = nextFilledRow(rows, index);
    if (next === null) {
      lastCandidate ??= index;
      continue;
    }
    const below = shapeOf(rows[next] ?? []);
    if (isTextDataUnder(rows[index] ?? [], rows[next] ?? [])) return index;
    // A row of labels below: this one is a title or group row when the one below is fuller or reads as headers.
    if (below.values === 0 && isHeaderLike(below) && (below.filled > shape.filled || !isDataLike(below))) continue;
    if (isDataLike(below)) return index;
  }
  return lastCandidate ?? 0;
}
