import type { CellValue } from '../../spreadsheets/cell';
import type { DateOrder } from '../../../shared/domain/imports';
import { monthFromWord } from './month-names';

export type { DateOrder };

export type DateReading = { ok: true; value: string } | { ok: false; reason: 'unreadable' | 'ambiguous' };

const unreadable = { ok: false, reason: 'unreadable' } as const;
const ambiguous = { ok: false, reason: 'ambiguous' } as const;

/** Excel's own limits are 1..2958465; past 80000 (year 2119) a number is not a date anyone typed. */
const MAX_SERIAL = 80_000;
/** Serial 60 is 1900-02-29, a day that never was: Excel copied Lotus 1-2-3's leap-year bug. */
const LOTUS_LEAP_DAY = 60;
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The ISO date when year, month and day make a real calendar day (31.02 does not). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Two-digit years: up to ten years ahead of this year reads as 20xx, the rest as 19xx
 * (in 2025: 00–35 → 2000–2035, 36–99 → 1936–1999), so birthdays and due dates both land right.
 */
export function expandYear(year: number, digits: number, today: Date = new Date()): number {
  if (digits > 2) return year;
  const pivot = (today.getUTCFullYear() % 100) + 10;
  return year <= pivot ? 2000 + year : 1900 + year;
}

/** A whole number in this range in a date column is a year someone typed, not a day in 1904. */
const looksLikeYear = (n: number) => Number.isInteger(n) && n >= 1800 && n <= 2200;

/**
 * An Excel serial day number (1900 date system) as an ISO date; the time of day is dropped.
 * Whole numbers 1800–2200 are years, not serials, and so unreadable as dates.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL || looksLikeYear(serial)) return null;
  const day = Math.floor(serial);
  if (day === LOTUS_LEAP_DAY) return null;
  // Day 0 is 1900-01-00 (= 1899-12-31); after the phantom leap day everything is one day later.
  const epoch = Date.UTC(1899, 11, day < LOTUS_LEAP_DAY ? 31 : 30);
  return new Date(epoch + day * DAY_MS).toISOString().slice(0, 10);
}

/** A time of day after a date: "10:00", "10:00:00", "T10:00:00.000Z", "T10:00+03:00". */
// A time after the date, dropped by date fields: "…T10:00Z", "… 10:00:00", US Excel's "… 12:00:00 AM", "…, 10:00".
const TIME = String.raw`(?:,?[T\s]\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
/** "г." / "года" after a Russian date. */
const YEAR_WORD = String.raw`(?:\s*(?:г\.?|года?))?`;

const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-./])(\d{1,2})\2(\d{1,2})${YEAR_WORD}${TIME}$`, 'iu');
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})${YEAR_WORD}${TIME}$`, 'iu');
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s\-./]*(?:of\s+)?([a-zа-яё]+)\.?[\s\-./,]*(\d{4}|\d{2})${YEAR_WORD}${TIME}$`,
  'iu',
);
const MONTH_NAME_DAY = new RegExp(
  String.raw`^([a-zа-яё]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${YEAR_WORD}${TIME}$`,
  'iu',
);

/** A numeric "a.b.yyyy" / "a/b/yy" date split into its parts, or null. */
export function numericDateParts(text: string): { first: number; second: number; year: string; sep: string } | null {
  const match = NUMERIC.exec(text.trim());
  if (!match) return null;
  return { first: Number(match[1]), second: Number(match[3]), year: match[4]!, sep: match[2]! };
}

function fromParts(day: number, month: number, yearText: string, today: Date): DateReading {
  const value = isoDate(expandYear(Number(yearText), yearText.length, today), month, day);
  return value ? { ok: true, value } : unreadable;
}

function readNumeric(text: string, order: DateOrder | null, today: Date): DateReading | null {
  const parts = numericDateParts(text);
  if (!parts) return null;
  const { first, second, year, sep } = parts;
  if (order === 'dmy') return fromParts(first, second, year, today);
  if (order === 'mdy') return fromParts(second, first, year, today);
  // Dots are the Russian day.month.year; slashes and dashes are read either way.
  if (sep === '.') return fromParts(first, second, year, today);
  if (first > 12) return fromParts(first, second, year, today);
  if (second > 12) return fromParts(second, first, year, today);
  if (first === second) return fromParts(first, second, year, today);
  return ambiguous;
}

function readText(raw: string, order: DateOrder | null, today: Date): DateReading {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return unreadable;
  if (/^\d+(?:[.,]\d+)?$/.test(text)) {
    const value = excelSerialToIso(Number(text.replace(',', '.')));
    return value ? { ok: true, value } : unreadable;
  }
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return fromParts(Number(yearFirst[4]), Number(yearFirst[3]), yearFirst[1]!, today);
  const numeric = readNumeric(text, order, today);
  if (numeric) return numeric;
  const dayFirst = DAY_MONTH_NAME.exec(text);
  if (dayFirst) {
    const month = monthFromWord(dayFirst[2]!);
    return month ? fromParts(Number(dayFirst[1]), month, dayFirst[3]!, today) : unreadable;
  }
  const monthFirst = MONTH_NAME_DAY.exec(text);
  if (monthFirst) {
    const month = monthFromWord(monthFirst[1]!);
    return month ? fromParts(Number(monthFirst[2]), month, monthFirst[3]!, today) : unreadable;
  }
  return unreadable;
}

/**
 * Reads a date cell the way a person would: xlsx dates, Excel serial numbers, and text dates in
 * Russian and English forms. `order` says how to read "01/02/2024"; without it such a date is
 * ambiguous, while dots ("01.02.2024") are always day first unless the order says otherwise.
 * Time of day and time zone are dropped: the date is the one written. Blank cells are unreadable;
 * callers skip them before asking.
 */
export function parseDateCell(value: CellValue, order: DateOrder | null, today: Date = new Date()): DateReading {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return unreadable;
    // Readers hand date cells over at UTC midnight, so the UTC parts are the day the sheet shows.
    const iso = isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return iso ? { ok: true, value: iso } : unreadable;
  }
  if (typeof value === 'number') {
    const iso = excelSerialToIso(value);
    return iso ? { ok: true, value: iso } : unreadable;
  }
  if (typeof value === 'string') return readText(value, order, today);
  return unreadable;
}

/** What Outlook and Excel write for "no date": 0/0/00, 0.0.00, 00.00.0000. */
const NO_DATE = /^0{1,2}([./-])0{1,2}\1(?:0{2}|0{4})$/;

/** A cell that stands for "no date" rather than a date nobody can read. */
export function isNoDate(value: CellValue): boolean {
  return typeof value === 'string' && NO_DATE.test(value.trim());
}

/** A time after the date: "10:00", ", 10:00:00", "T10:00Z", "10:00 PM", "10:00+03:00". */
const CLOCK = /^(.*?),?[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AP]M)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export type DateTimeReading = { ok: true; value: string } | { ok: false; reason: 'unreadable' | 'ambiguous' };

/**
 * A date and time as an ISO instant. The date part reads as parseDateCell does ("01.02.2024" is
 * 1 February, not JavaScript's 2 January); a time without a zone is UTC, as spreadsheet cells and
 * our exports keep them; a date alone is its midnight. Excel's fractions of a day are rounded to
 * whole seconds.
 */
export function parseDateTimeCell(
  value: CellValue,
  order: DateOrder | null,
  today: Date = new Date(),
): DateTimeReading {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return unreadable;
    return { ok: true, value: new Date(Math.round(value.getTime() / 1000) * 1000).toISOString() };
  }
  if (typeof value === 'number') {
    const day = excelSerialToIso(value);
    if (!day) return unreadable;
    const seconds = Math.round((value - Math.floor(value)) * 86_400);
    return { ok: true, value: new Date(Date.parse(`${day}T00:00:00Z`) + seconds * 1000).toISOString() };
  }
  if (typeof value !== 'string') return unreadable;
  const clock = CLOCK.exec(value.trim());
  const date = parseDateCell(clock ? clock[1]! : value, order, today);
  if (!date.ok) return date;
  if (!clock) return { ok: true, value: `${date.value}T00:00:00.000Z` };
  const [, , hourText, minutes, seconds = '0', half, zone] = clock;
  let hours = Number(hourText);
  if (half) {
    if (hours < 1 || hours > 12) return unreadable;
    hours = (hours % 12) + (half.toUpperCase() === 'PM' ? 12 : 0);
  }
  if (hours > 23 || Number(minutes) > 59 || Number(seconds) > 59) return unreadable;
  let instant = Date.parse(`${date.value}T${pad(hours)}:${minutes}:${pad(Number(seconds))}Z`);
  if (zone && zone.toUpperCase() !== 'Z') {
    const offset = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2));
    instant -= (zone.startsWith('-') ? -1 : 1) * offset * 60_000;
  }
  return { ok: true, value: new Date(instant).toISOString() };
}

/**
 * How a column's text dates read, for its suggestion: whether they can be read two ways (the user
 * is asked), and the order to read them in (detected, or day first for Russian files when asked).
 */
export function dateColumnReading(samples: CellValue[]): { ambiguousDates: boolean; dateOrder: DateOrder | null } {
  const detected = detectDateOrder(samples);
  return detected === 'ambiguous'
    ? { ambiguousDates: true, dateOrder: 'dmy' }
    : { ambiguousDates: false, dateOrder: detected };
}

/**
 * How a column's text dates are written, from all its samples: a first part over 12 means day
 * first, a second part over 12 month first; both in one column, or only small parts with slashes
 * or dashes, is ambiguous (the user chooses). Dots alone mean day first; year-first dates mean
 * ymd; null when there are no numeric text dates.
 */
export function detectDateOrder(samples: CellValue[]): DateOrder | 'ambiguous' | null {
  let dayFirst = false;
  let monthFirst = false;
  let unclear = false;
  let dots = false;
  let yearFirst = false;
  for (const sample of samples) {
    if (typeof sample !== 'string') continue;
    const text = sample.trim();
    if (YEAR_FIRST.test(text)) yearFirst = true;
    const parts = numericDateParts(text);
    if (!parts) continue;
    if (parts.first > 12 && parts.second <= 12) dayFirst = true;
    else if (parts.second > 12 && parts.first <= 12) monthFirst = true;
    else if (parts.sep === '.') dots = true;
    else if (parts.first !== parts.second) unclear = true;
  }
  if (dayFirst && monthFirst) return 'ambiguous';
  if (dayFirst) return 'dmy';
  if (monthFirst) return 'mdy';
  if (unclear) return 'ambiguous';
  if (dots) return 'dmy';
  if (yearFirst) return 'ymd';
  return null;
}
