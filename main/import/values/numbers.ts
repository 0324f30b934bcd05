import type { CellValue } from '../../spreadsheets/cell';
import { decimalSeparatorOf, plainDecimal, scanNumberText, type DecimalSeparator } from './number-text';

export type { DecimalSeparator };

export type NumberReading = { ok: true; value: number } | { ok: false; reason: 'unreadable' };
export type MoneyReading =
  | {
      ok: true;
      /** Integer minor units (kopecks, cents). */ minor: number;
      /** ISO 4217 code. */ currency: string | null;
    }
  | { ok: false; reason: 'unreadable' };

const unreadable = { ok: false, reason: 'unreadable' } as const;

/** The text as a decimal string with sign and power of ten, ready for Number(), or null. */
function decimalText(text: string, decimal: DecimalSeparator | undefined, extraExponent: number) {
  const scanned = scanNumberText(text);
  if (!scanned) return null;
  const plain = plainDecimal(scanned.digits, decimal);
  if (plain === null) return null;
  // Scaling in the decimal text, not in floating point: "1,1 млн" is 1100000, not 1100000.0000000002.
  return {
    text: `${scanned.negative ? '-' : ''}${plain}e${scanned.exponent + extraExponent}`,
    currency: scanned.currency,
    percent: scanned.percent,
  };
}

/**
 * Reads a number the way a person would: thousands separated by spaces, NBSP, thin spaces or
 * apostrophes; a decimal comma or point (the last separator of two kinds is the decimal one; a
 * lone one with three digits after it is decided by `decimal`, see parseNumberColumn, and is the
 * decimal point without it); currency signs and words dropped; "тыс."/"k", "млн"/"M", "млрд"/"bn"
 * multiply; "-5", "−5" and "(5)" are negative; "15%" is 15.
 */
export function parseNumberCell(value: CellValue, decimal?: DecimalSeparator): NumberReading {
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : unreadable;
  if (typeof value !== 'string') return unreadable;
  const read = decimalText(value, decimal, 0);
  if (!read) return unreadable;
  const number = Number(read.text);
  return Number.isFinite(number) ? { ok: true, value: number === 0 ? 0 : number } : unreadable;
}

/** An amount of money in integer minor units (two decimals for every currency read here), with its currency. */
export function parseMoneyCell(value: CellValue, decimal?: DecimalSeparator): MoneyReading {
  if (typeof value === 'number') {
    const minor = Math.round(value * 100);
    return Number.isSafeInteger(minor) ? { ok: true, minor: minor === 0 ? 0 : minor, currency: null } : unreadable;
  }
  if (typeof value !== 'string') return unreadable;
  const read = decimalText(value, decimal, 2);
  if (!read || read.percent) return unreadable;
  const minor = Math.round(Number(read.text));
  return Number.isSafeInteger(minor)
    ? { ok: true, minor: minor === 0 ? 0 : minor, currency: read.currency }
    : unreadable;
}

/**
 * The decimal separator of a column, from the values that show it ("1 500,50", "1,500.50",
 * "1.500.000", "0,75"). When none shows it but some read "1,500" (a lone separator and three
 * digits), those are thousands: nobody writes 1.5 as "1,500" in a list of amounts (our own CSV
 * export writes 2.125 as "2,1250" for this). With no clue at all (whole numbers, number cells,
 * no numbers): null, and each cell is read by itself.
 */
export function parseNumberColumn(samples: CellValue[]): { decimalSeparator: DecimalSeparator | null } {
  const votes = { ',': 0, '.': 0 };
  const unclear = { ',': 0, '.': 0 };
  for (const sample of samples) {
    if (typeof sample !== 'string') continue;
    const scanned = scanNumberText(sample);
    if (!scanned) continue;
    const found = decimalSeparatorOf(scanned.digits);
    if (found === ',' || found === '.') votes[found] += 1;
    else if (found === null) unclear[scanned.digits.includes(',') ? ',' : '.'] += 1;
  }
  if (votes[','] !== votes['.']) return { decimalSeparator: votes[','] > votes['.'] ? ',' : '.' };
  if (unclear[','] + unclear['.'] > 0) return { decimalSeparator: unclear[','] >= unclear['.'] ? '.' : ',' };
  return { decimalSeparator: null };
}
