import type { CellValue } from '../../spreadsheets/cell';
import { normaliseEmail } from '../../../shared/text/email';
import { digitsOf, foldText } from '../../../shared/text/fold';
import { normalisePhone } from '../../../shared/text/phone';

/** "7.91612E+10": Excel shortened a long number and the digits are gone. */
const SCIENTIFIC = /^\d+(?:[.,]\d+)?e[+-]?\d+$/i;
/** Between numbers; spaces, dashes and brackets belong inside one number, so they don't split. */
const PHONE_SEPARATORS = /\s*[,;/|\n\r]\s*|\s+(?:или|or|и|and)\s+/iu;
/** A piece that is only an extension ("доб. 123" after a comma) belongs to the number before it. */
const EXTENSION_ONLY = /^(?:доб|ext|вн|внутр|x)\.?\s*\d+$/iu;
/** Two bare long digit runs with only spaces between them are two numbers. */
const BARE_NUMBERS = /^\d{10,}(?:\s+\d{10,})+$/;

export const isScientificNotation = (text: string) => SCIENTIFIC.test(text.trim());

/** "79161234567.0": a number a script wrote out as a float; the ".0" is no part of it. */
const FLOAT_WRITTEN = /^(\+?\d{5,15})\.0+$/;

/** More digits than any phone number has (E.164: 15). */
const MAX_PHONE_DIGITS = 15;
/** An extension where a remark might start: "доб. 12", "ext 5", "x 7". */
const EXTENSION_AT = /^(?:доб|ext|вн|внутр|x)\.?\s*\d+/iu;
const LETTER = /\p{L}/u;

/**
 * The number without a remark after it: "+7 916 123-45-67 (после 18:00)" → "+7 916 123-45-67",
 * whose remark's digits would otherwise join the number. A label before it ("моб. 8 916…") and
 * an extension stay; text after fewer than seven digits is left as it is (no number to keep).
 */
function withoutRemark(piece: string): string {
  let digits = 0;
  for (let at = 0; at < piece.length; at += 1) {
    const char = piece[at]!;
    if (char >= '0' && char <= '9') digits += 1;
    else if (digits > 0 && LETTER.test(char)) {
      if (digits < 7) return piece;
      const extension = EXTENSION_AT.exec(piece.slice(at));
      if (extension === null) return piece.slice(0, at).replace(/[\s([,.:;-]+$/u, '');
      at += extension[0].length - 1;
    }
  }
  return piece;
}

/**
 * "8 916 123-45-67 8 916 765-43-21", "89161234567 +79167654321": numbers one after another with
 * only spaces between. Too many digits for one number: a new one starts at a "+", "8" or "7"
 * after at least ten digits.
 */
function splitRun(piece: string): string[] {
  if (digitsOf(piece).length <= MAX_PHONE_DIGITS) return [piece];
  const numbers: string[] = [];
  let current: string[] = [];
  let digits = 0;
  for (const token of piece.split(/\s+/)) {
    if (digits >= 10 && /^(?:\+|[78](?:\D|\d{10}|$))/.test(token)) {
      numbers.push(current.join(' '));
      current = [];
      digits = 0;
    }
    current.push(token);
    digits += digitsOf(token).length;
  }
  numbers.push(current.join(' '));
  return numbers;
}

function splitPiece(piece: string): string[] {
  if (BARE_NUMBERS.test(piece)) return piece.split(/\s+/);
  // "+7 916 123-45-67 +7 495 111-22-33": every "+" after a space starts a new number.
  const pieces = piece.indexOf('+') !== piece.lastIndexOf('+') ? piece.split(/\s+(?=\+)/) : [piece];
  return pieces.flatMap((one) => splitRun(withoutRemark(one)));
}

/** "звонить после 15:00" after a number: a remark about it, not another number. */
const isRemark = (piece: string) => LETTER.test(piece) && digitsOf(piece).length < 7;

/**
 * The phone numbers in one cell, as typed (the caller normalises them): several numbers split on
 * "," ";" "/" new lines and "или"/"or", or following each other; remarks after a number dropped;
 * a number Excel stored as a number comes back as its digits; scientific notation is returned as
 * is so the caller can flag it.
 */
export function splitPhoneCell(value: CellValue): string[] {
  if (value === null) return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [String(value)] : [];
  if (value instanceof Date) return [value.toISOString()];
  const text = String(value).trim();
  if (text === '') return [];
  if (isScientificNotation(text)) return [text];
  const float = FLOAT_WRITTEN.exec(text);
  if (float) return [float[1]!];
  const numbers: string[] = [];
  for (const part of text.split(PHONE_SEPARATORS)) {
    for (const piece of splitPiece(part.trim())) {
      if (piece === '') continue;
      if (EXTENSION_ONLY.test(piece) && numbers.length > 0) numbers[numbers.length - 1] += ` ${piece}`;
      else if (!(numbers.length > 0 && isRemark(piece))) numbers.push(piece);
    }
  }
  return numbers;
}

export type ReadPhone = { raw: string; value: string; valid: boolean };

/** The cell's phone numbers, normalised with the default country for national forms. */
export function readPhones(value: CellValue, defaultCountry: string): ReadPhone[] {
  return splitPhoneCell(value).map((raw) => {
    // Normalising "7.91612E+10" would make a plausible-looking wrong number out of what is left.
    if (isScientificNotation(raw)) return { raw, value: raw, valid: false };
    const reading = normalisePhone(raw, defaultCountry);
    return { raw, value: reading.value, valid: reading.valid };
  });
}

export type ReadEmail = { value: string; valid: boolean };

/** "mailto:", "<…>" and brackets or quotes around an address, and punctuation after it. */
function cleanEmail(token: string): string {
  return token
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^[<("'«[]+|[>)"'»\].:]+$/g, '')
    .replace(/^mailto:/i, '')
    .toLowerCase();
}

/**
 * The e-mail addresses in one cell: split on "," ";" spaces and new lines, and on "/" or "|" between
 * two addresses ("ivan@x.ru/ivan2@x.ru"); names and labels next to the addresses ("Иван Петров
 * <ivan@x.ru>", "ivan@x.ru (личный)") are dropped. A cell without any "@" comes back whole, marked
 * invalid, so the caller can show it.
 */
export function splitEmailCell(value: CellValue): ReadEmail[] {
  if (value === null) return [];
  const text = value instanceof Date ? value.toISOString() : String(value).trim();
  if (text === '') return [];
  const tokens = text
    .split(/[,;\s]+/)
    .flatMap((token) => {
      // An address may hold "/" or "|" itself: split only where every piece is an address.
      const pieces = token.split(/[/|]/);
      return pieces.length > 1 && pieces.every((piece) => piece.includes('@')) ? pieces : [token];
    })
    .filter((token) => token !== '');
  const addresses = tokens.filter((token) => token.includes('@'));
  if (addresses.length === 0) return [{ value: text.toLowerCase(), valid: false }];
  const seen = new Set<string>();
  const emails: ReadEmail[] = [];
  for (const token of addresses) {
    const cleaned = cleanEmail(token);
    const normalised = normaliseEmail(cleaned);
    const value = normalised ?? cleaned;
    if (seen.has(value)) continue;
    seen.add(value);
    emails.push({ value, valid: normalised !== null });
  }
  return emails;
}

/**
 * Google Contacts puts everyone in this system group («* myContacts» in its CSV, «myContacts» in
 * its vCard); it is not a tag anyone chose.
 */
const GOOGLE_SYSTEM_GROUP = /^\*?\s*my\s*contacts$/i;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A multi-select cell's items, where an option may itself hold a comma ("Окна, двери"): such
 * options are taken whole first (as our export writes them: items joined by ", "), the rest split
 * as any list cell.
 */
export function splitOptionsCell(value: CellValue, options: readonly string[]): string[] {
  if (value === null || typeof value === 'boolean' || value instanceof Date) return [];
  let rest = String(value);
  const whole: string[] = [];
  for (const option of options) {
    if (!/[,;]/.test(option)) continue;
    const item = new RegExp(`(^|[,;\\n\\r])\\s*${escapeRegExp(option)}\\s*(?=$|[,;\\n\\r])`, 'iu');
    if (!item.test(rest)) continue;
    whole.push(option);
    rest = rest.replace(item, '$1');
  }
  return [...whole, ...splitListCell(rest)];
}

/**
 * Tags or categories in one cell: split on "," ";" new lines and Google's " ::: ", trimmed, with
 * empty ones, repeats (ignoring case and ё) and Google's "* myContacts" dropped.
 */
export function splitListCell(value: CellValue): string[] {
  if (value === null || typeof value === 'boolean' || value instanceof Date) return [];
  const seen = new Set<string>();
  const items: string[] = [];
  for (const part of String(value).split(/\s*:::\s*|[,;\n\r]/)) {
    const item = part.replace(/\s+/g, ' ').trim();
    if (item === '' || GOOGLE_SYSTEM_GROUP.test(item)) continue;
    const key = foldText(item);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}
