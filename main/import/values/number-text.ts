import { currencyAt, multiplierAt, thousandRoublesAt } from './number-words';

/** A number as written, taken apart: the digits with their separators, and what surrounds them. */
export type NumberText = {
  negative: boolean;
  /** Digits with the separators as typed: "1 500,50", "1,500.50", "1'500". */
  digits: string;
  /** Power of ten from "тыс." / "млн" / "bn". */
  exponent: number;
  currency: string | null;
  percent: boolean;
};

/** Every kind of space a sheet uses between digit groups becomes a plain space. */
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g;
const MINUS = /^[-\u2212]/;
/** Digits with separators; a space only counts when a digit follows it. */
const DIGITS = /^\d(?:[\d'’.,]|\s(?=\d))*/;

function stripPrefix(text: string, state: NumberText): string {
  let rest = text;
  for (let step = 0; step < 3; step += 1) {
    rest = rest.trimStart();
    if (MINUS.test(rest) && !state.negative) {
      state.negative = true;
      rest = rest.slice(1);
      continue;
    }
    if (rest.startsWith('+')) {
      rest = rest.slice(1);
      continue;
    }
    const currency = state.currency ? null : currencyAt(rest);
    if (currency) {
      state.currency = currency.meaning;
      rest = rest.slice(currency.text.length);
      continue;
    }
    break;
  }
  return rest;
}

function stripSuffix(text: string, state: NumberText): string | null {
  let rest = text;
  for (;;) {
    rest = rest.trimStart();
    if (rest === '') return rest;
    if (rest.startsWith('%') && !state.percent) {
      state.percent = true;
      rest = rest.slice(1);
      continue;
    }
    const combined = state.exponent === 0 && !state.currency ? thousandRoublesAt(rest) : null;
    if (combined) {
      state.exponent = 3;
      state.currency = combined.meaning;
      rest = rest.slice(combined.text.length);
      continue;
    }
    const multiplier = state.exponent === 0 && !state.currency ? multiplierAt(rest) : null;
    if (multiplier) {
      state.exponent = multiplier.meaning;
      rest = rest.slice(multiplier.text.length);
      continue;
    }
    const currency = state.currency ? null : currencyAt(rest);
    if (currency) {
      state.currency = currency.meaning;
      rest = rest.slice(currency.text.length);
      continue;
    }
    return null;
  }
}

/**
 * Takes a typed number apart: sign ("-5", "−5", "(5)"), currency before or after ("$5",
 * "5 руб."), multiplier ("1,5 млн"), percent ("15%"). Null when anything else is left over
 * ("около 100", "100-200", "n/a").
 */
export function scanNumberText(input: string): NumberText | null {
  let text = input.replace(SPACES, ' ').trim().toLowerCase();
  const state: NumberText = { negative: false, digits: '', exponent: 0, currency: null, percent: false };
  // Accountants write negatives in brackets: "(1 500,00)".
  if (text.startsWith('(') && text.endsWith(')')) {
    state.negative = true;
    text = text.slice(1, -1);
  }
  const rest = stripPrefix(text, state);
  const digits = DIGITS.exec(rest)?.[0];
  if (!digits || /[.,'’]$/.test(digits)) return null;
  state.digits = digits;
  const tail = stripSuffix(rest.slice(digits.length), state);
  if (tail === null) return null;
  if (state.percent && (state.currency || state.exponent)) return null;
  return state;
}

export type DecimalSeparator = ',' | '.';

const GROUP = /[ '’]/;

/**
 * Which separator is the decimal one in `digits`, when the text alone says so; null when it
 * cannot tell (a single "," or "." with exactly three digits after it: "1,500").
 */
export function decimalSeparatorOf(digits: string): DecimalSeparator | 'none' | null {
  const dots = digits.split('.').length - 1;
  const commas = digits.split(',').length - 1;
  if (dots === 0 && commas === 0) return 'none';
  if (dots > 0 && commas > 0) return digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ',';
  const sep: DecimalSeparator = dots > 0 ? '.' : ',';
  // The same separator twice is a thousands separator ("1.500.000"), so the decimal is the other.
  if (dots + commas > 1) return sep === '.' ? ',' : '.';
  const [whole = '', fraction = ''] = digits.split(sep);
  if (GROUP.test(whole) || fraction.length !== 3) return sep;
  // "0,500" and "1500,000" can't be thousands.
  if (whole.startsWith('0') || whole.length > 3) return sep;
  return null;
}

/** Digit groups after the first must have three digits: "1 500 000", not "1 50". */
function groupedInteger(whole: string, separators: RegExp): string | null {
  const groups = whole.split(separators);
  if (groups.some((group) => !/^\d+$/.test(group))) return null;
  if (groups.length > 1 && (groups[0]!.length > 3 || groups.slice(1).some((group) => group.length !== 3))) return null;
  return groups.join('');
}

/**
 * The plain decimal text of `digits` ("1 500,50" → "1500.50"). A lone separator with three
 * digits after it is read by `decimal` (the column's choice); without one it is the decimal point.
 */
export function plainDecimal(digits: string, decimal?: DecimalSeparator): string | null {
  const found = decimalSeparatorOf(digits);
  const sep = found === 'none' ? null : (found ?? decimal ?? (digits.includes(',') ? ',' : '.'));
  const at = sep === null ? -1 : digits.lastIndexOf(sep);
  // Only a separator that occurs once can be the decimal point.
  const isDecimal = at !== -1 && digits.indexOf(sep!) === at;
  const whole = isDecimal ? digits.slice(0, at) : digits;
  const fraction = isDecimal ? digits.slice(at + 1) : '';
  if (!/^\d*$/.test(fraction)) return null;
  const integer = groupedInteger(whole, /[ '’.,]/);
  if (integer === null) return null;
  return fraction ? `${integer}.${fraction}` : integer;
}
