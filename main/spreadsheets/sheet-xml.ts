/**
 * A worksheet's rows, parsed from its XML as it streams in: memory stays flat whatever the size of
 * the sheet. Each cell becomes what Excel shows: shared and inline strings as text, numbers in a
 * date style as dates, booleans, formulas as their saved results; error values and empty text as
 * nothing. Rows and cells go by their own references (r="C7"), so skipped rows and columns keep
 * their places.
 */
import { SaxesParser } from 'saxes';
import type { CellValue, SheetRow } from './cell';
import type { DateStyles } from './date-styles';
import type { SharedStrings } from './shared-strings';
import { feedXml, localName } from './xml-stream';
import { unreadable } from './zip-source';

/** Excel's last column, XFD: a reference past it is a damaged file, not a reason to pad a row. */
const MAX_COLUMNS = 16_384;

export type SheetContext = {
  strings: SharedStrings | null;
  dateStyles: DateStyles;
  /** Styles that show a number as a percentage: 0.12 is read as the 12 Excel shows («12%»). */
  percentStyles?: ReadonlySet<number>;
  /** The workbook counts days from 1904 (old Mac Excel), not 1900. */
  date1904: boolean;
};

export async function* sheetXmlRows(chunks: AsyncIterable<Buffer>, context: SheetContext): AsyncGenerator<SheetRow> {
  const parser = new SaxesParser();
  let done: SheetRow[] = [];
  let inSheetData = false;
  let rowIndex = -1;
  let cells: CellValue[] | null = null;
  let rowHidden = false;
  // The cell being read.
  let inCell = false;
  let column = -1;
  let type = 'n';
  let style = 0;
  let text = '';
  let hasValue = false;
  let collecting = false;
  let inInlineString = false;
  let phonetic = 0;
  const collect = (value: string) => {
    if (collecting) text += value;
  };

  parser.on('opentag', (tag) => {
    const name = localName(tag);
    const { attributes } = tag;
    if (name === 'c') {
      if (cells === null) return;
      inCell = true;
      const reference = attributes.r;
      column = reference === undefined ? column + 1 : columnOf(reference, column + 1);
      type = attributes.t ?? 'n';
      style = attributes.s === undefined ? 0 : Number(attributes.s);
      text = '';
      hasValue = false;
    } else if (!inCell) {
      if (name === 'row' && inSheetData) {
        const reference = attributes.r === undefined ? NaN : Number(attributes.r);
        rowIndex = Number.isInteger(reference) && reference > 0 ? reference - 1 : rowIndex + 1;
        rowHidden = attributes.hidden === '1' || attributes.hidden === 'true';
        cells = [];
        column = -1;
      } else if (name === 'sheetData') {
        inSheetData = true;
      }
    } else if (name === 'v') {
      text = '';
      hasValue = true;
      collecting = true;
    } else if (name === 'is') {
      hasValue = true;
      inInlineString = true;
    } else if (name === 't') {
      collecting = inInlineString && phonetic === 0;
    } else if (name === 'rPh') {
      phonetic += 1;
    }
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag);
    if (name === 'v' || name === 't') {
      collecting = false;
    } else if (name === 'rPh') {
      phonetic -= 1;
    } else if (name === 'is') {
      inInlineString = false;
    } else if (name === 'c') {
      if (!inCell) return;
      inCell = false;
      const value = hasValue ? cellValue(type, text, style, context) : null;
      if (value !== null && cells !== null) {
        while (cells.length < column) cells.push(null);
        cells[column] = value;
      }
    } else if (name === 'row') {
      if (cells !== null && cells.length > 0) {
        done.push(rowHidden ? { index: rowIndex, cells, hidden: true } : { index: rowIndex, cells });
      }
      cells = null;
    } else if (name === 'sheetData') {
      inSheetData = false;
    }
  });
  parser.on('text', collect);
  parser.on('cdata', collect);

  for await (const _ of feedXml(parser, chunks, 'sheet')) {
    if (done.length === 0) continue;
    const rows = done;
    done = [];
    yield* rows;
  }
}

/** The 0-based column of a reference like "AB12"; `fallback` if it has no letters. */
function columnOf(reference: string, fallback: number): number {
  let column = 0;
  let letters = 0;
  for (; letters < reference.length && letters <= 3; letters += 1) {
    const code = reference.charCodeAt(letters) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  const index = letters === 0 ? fallback : column - 1;
  if (index >= MAX_COLUMNS) throw unreadable(`cell ${reference.slice(0, 12)} lies past the last column`);
  return index;
}

function cellValue(type: string, text: string, style: number, context: SheetContext): CellValue {
  switch (type) {
    case 's':
      return textValue(context.strings?.get(Number.parseInt(text, 10)) ?? null);
    case 'inlineStr':
    case 'str':
      return textValue(text);
    case 'b': {
      if (text.trim() === '') return null;
      const flag = Number.parseInt(text, 10);
      return Number.isNaN(flag) ? text.trim() === 'true' : flag !== 0;
    }
    case 'e':
      return null;
    case 'd':
      return isoDate(text);
    default: {
      if (text.trim() === '') return null;
      const number = Number.parseFloat(text);
      if (!Number.isFinite(number)) return null;
      if (context.percentStyles?.has(style)) return Number((number * 100).toPrecision(15));
      return (context.dateStyles.has(style) ? excelSerialToDate(number, context.date1904) : null) ?? number;
    }
  }
}

function textValue(text: string | null): string | null {
  return text === null || text === '' ? null : decodeExcelEscapes(text);
}

/** Excel stores control characters as `_xHHHH_` (and a literal `_x` sequence as `_x005F_x…`). */
function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A t="d" cell: an ISO 8601 date or time, read as UTC when it names no zone (as Excel means it). */
function isoDate(text: string): Date | null {
  const trimmed = text.trim().replace(/^(\d{4}-\d\d-\d\d) (?=\d)/, '$1T');
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(trimmed) || !trimmed.includes('T') ? trimmed : `${trimmed}Z`;
  return validDate(new Date(zoned));
}

/** A number in a date style; null if too large for a date (a phone number typed into a date column). */
function excelSerialToDate(serial: number, date1904: boolean): Date | null {
  return validDate(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)));
}

const validDate = (date: Date): Date | null => (Number.isNaN(date.getTime()) ? null : date);
