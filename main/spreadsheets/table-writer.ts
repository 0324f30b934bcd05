import type { CellValue } from './cell';

export type ColumnType = 'text' | 'number' | 'integer' | 'money' | 'date' | 'datetime' | 'boolean';

export type ExportColumn = {
  key: string; // stable field key, e.g. "email.work"
  header: string; // what the header cell says (already translated by the caller)
  type: ColumnType;
  /** money: ISO currency code for the number format, e.g. 'RUB' → '#,##0.00 "₽"'. */
  currency?: string;
  /** Values for a drop-down list (data validation) in "for editing" workbooks. */
  choices?: string[];
  /** Hidden and locked (the record id of an "export for editing" workbook). */
  hidden?: boolean;
  width?: number; // characters; computed from the header and the first rows if absent
};

/**
 * Writes one export file. Callers await every call (the writers apply backpressure there).
 * Cells are matched to columns by position. A cell's own JS type wins over the column type:
 * a number is always written as a number and a string as (guarded) text, except that in
 * date/datetime columns ISO strings become dates.
 */
export type TableWriter = {
  /** How many rows below its header one sheet holds (xlsx: Excel's limit; csv: no limit). */
  readonly rowsPerSheet: number;
  /**
   * Starts a sheet; xlsx may have several, csv exactly one. `hidden`: a sheet the user has no
   * business editing (what the importer reads back), hidden in Excel; csv has no such thing.
   * Returns the name it was given (xlsx shortens and numbers names Excel would refuse).
   */
  addSheet(name: string, columns: ExportColumn[], options?: { hidden?: boolean }): Promise<string>;
  /** money cells are given in integer minor units; dates as 'YYYY-MM-DD' or Date; datetimes as ISO strings or Date; booleans as boolean. */
  addRow(cells: CellValue[]): Promise<void>;
  /**
   * Rows written (all sheets, headers excluded); `unencodable`: characters the file's encoding
   * has no place for, written as "?" (Windows-1251 CSV only).
   */
  close(): Promise<{ rows: number; unencodable?: number }>;
  /** Stops writing and deletes the partial file. */
  abort(): Promise<void>;
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date or datetime cell value as a Date whose UTC fields are the wall clock to show
 * (spreadsheets have no time zones). 'YYYY-MM-DD' → UTC midnight. An ISO string without an
 * offset keeps its wall clock as written; one with `Z`/an offset, like a Date, is an instant
 * and shows its UTC time — callers wanting local time pass offset-less local ISO strings.
 * Returns null for anything that isn't a valid date (the writers then fall back to text).
 */
export function toWallClock(value: CellValue, kind: 'date' | 'datetime'): Date | null {
  let date: Date;
  if (value instanceof Date) {
    date = value;
  } else if (typeof value === 'string') {
    const m = ISO.exec(value.trim());
    if (!m) return null;
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
    const ms = Math.floor(Number(`0.${frac}`) * 1000);
    const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
    date = new Date(utc);
    // Reject 2024-02-30 and friends, which Date.UTC would roll over.
    if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
    if (zone && zone !== 'Z') {
      const offsetMinutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2));
      date = new Date(utc - (zone.startsWith('-') ? -1 : 1) * offsetMinutes * 60_000);
    }
  } else {
    return null;
  }
  if (Number.isNaN(date.getTime())) return null;
  return kind === 'date'
    ? new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
    : new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** Whether a Date carries no time of day (UTC midnight), i.e. is a date-only value. */
export function isUtcMidnight(date: Date): boolean {
  return date.getTime() % 86_400_000 === 0;
}

/** Integer minor units as a plain decimal with two places and a `.` point: 123456 → '1234.56'. */
export function minorToDecimal(minor: number): string {
  if (!Number.isSafeInteger(minor)) return (minor / 100).toFixed(2);
  const abs = Math.abs(minor);
  const sign = minor < 0 ? '-' : '';
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats a wall-clock Date (see toWallClock) with tokens yyyy, mm, dd, HH, MM, SS. */
export function formatWallClock(date: Date, pattern: string): string {
  return pattern.replace(/yyyy|mm|dd|HH|MM|SS/g, (token) => {
    switch (token) {
      case 'yyyy':
        return pad(date.getUTCFullYear(), 4);
      case 'mm':
        return pad(date.getUTCMonth() + 1);
      case 'dd':
        return pad(date.getUTCDate());
      case 'HH':
        return pad(date.getUTCHours());
      case 'MM':
        return pad(date.getUTCMinutes());
      default:
        return pad(date.getUTCSeconds());
    }
  });
}
