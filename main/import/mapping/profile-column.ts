import type { CellValue } from '../../spreadsheets/cell';
import { digitsOf } from '../../../shared/text/fold';
import { hasLegalForm } from '../../../shared/text/legal-forms';
import { parseDateCell } from '../values/dates';
import { isPatronymic, surnameScore } from '../values/name-words';
import { parseNumberCell } from '../values/numbers';
import { splitEmailCell, splitPhoneCell } from '../values/contacts';

export type ColumnProfile = 'empty' | 'email' | 'phone' | 'date' | 'number' | 'company' | 'fullName' | 'text';
type ValueKind = Exclude<ColumnProfile, 'empty'>;

/** A column is of a kind when this share of its filled cells are. */
const SHARE = 0.7;

/** Digits, spaces, brackets, dashes and a leading "+": how phone numbers are written. */
const PHONE_TEXT = /^\+?[\d\s()-]+(?:\s*(?:доб|ext|вн|x)\.?\s*\d+)?$/iu;

/** "1 500 000" is an amount with thousands spaced out, not a seven-digit number. */
const THOUSANDS = /^-?\d{1,3}(?:[\s\u00a0]\d{3})+$/;

function isPhone(value: CellValue): boolean {
  // A bare number is a phone only at full length (79161234567); 1234567 is just a number.
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1e9 && value < 1e15;
  if (typeof value !== 'string' || THOUSANDS.test(value.trim())) return false;
  const numbers = splitPhoneCell(value);
  return (
    numbers.length > 0 &&
    numbers.every((number) => {
      const digits = digitsOf(number.replace(/(?:доб|ext|вн|x)\.?\s*\d+$/iu, '')).length;
      const punctuated = /[\s()+-]/.test(number.trim());
      return PHONE_TEXT.test(number) && digits <= 15 && (punctuated ? digits >= 7 : digits >= 10);
    })
  );
}

const NAME_WORD = /^(?:\p{Lu}[\p{Ll}]*(?:-\p{Lu}[\p{Ll}]*)?|\p{Lu}\.)$/u;
const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN = /[a-z]/i;

/** 2–3 capitalised words of one script, one of them a patronymic or with a surname ending. */
function isFullName(value: CellValue): boolean {
  if (typeof value !== 'string') return false;
  const words = value.trim().split(/\s+/);
  if (words.length < 2 || words.length > 3 || !words.every((word) => NAME_WORD.test(word))) return false;
  if (CYRILLIC.test(value) === LATIN.test(value)) return false;
  return words.some((word) => isPatronymic(word) || surnameScore(word) > 0);
}

/** «ООО "Ромашка"», "Acme Ltd", «ИП Сидоров»: a legal form (quotes alone are in tea names too: «Старое дерево»). */
function isCompanyName(value: CellValue): boolean {
  return typeof value === 'string' && hasLegalForm(value);
}

function kindOf(value: CellValue): ValueKind {
  if (value instanceof Date) return 'date';
  if (typeof value === 'string') {
    const emails = splitEmailCell(value);
    if (emails.length > 0 && emails.every((email) => email.valid)) return 'email';
    // Dates before phones: "05.03.2024" and "2024-03-05" are digits and punctuation too.
    if (/\D/.test(value.trim()) && parseDateCell(value, 'dmy').ok) return 'date';
  }
  if (isPhone(value)) return 'phone';
  if (parseNumberCell(value).ok) return 'number';
  if (isCompanyName(value)) return 'company';
  if (isFullName(value)) return 'fullName';
  return 'text';
}

const isBlank = (value: CellValue) => value === null || (typeof value === 'string' && value.trim() === '');

/** What a column holds, judged from its values: the kind at least 70 % of its filled cells share. */
export function profileColumn(samples: CellValue[]): ColumnProfile {
  const filled = samples.filter((value) => !isBlank(value));
  if (filled.length === 0) return 'empty';
  const counts = new Map<ValueKind, number>();
  for (const value of filled) {
    const kind = kindOf(value);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const order: ValueKind[] = ['email', 'phone', 'date', 'number', 'company', 'fullName'];
  return order.find((kind) => (counts.get(kind) ?? 0) >= filled.length * SHARE) ?? 'text';
}
