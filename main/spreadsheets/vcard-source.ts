import fs from 'node:fs';
import iconv from 'iconv-lite';
import type { CellValue, SheetRow } from './cell';
import { detectEncoding, isUtf8 } from './encoding';
import { fileError, noSuchSheet, type FileHead } from './sniff';
import type { SpreadsheetSource, TextEncoding } from './source';

/** The columns a vCard file is presented with; row 0 of the sheet is exactly this list. */
/** A card's second and third addresses, numbered as the import reads them ("City 2"). */
function addressColumns<N extends 2 | 3>(n: N) {
  return [`Address ${n}`, `City ${n}`, `Region ${n}`, `Postal code ${n}`, `Country ${n}`, `Address type ${n}`] as const;
}

/** How many of a card's addresses the rows carry (phones keep a home and a work one, seldom more). */
const CARD_ADDRESSES = 3;

export const VCARD_COLUMNS = [
  'Full name',
  'Last name',
  'First name',
  'Middle name',
  'Organization',
  'Job title',
  'Mobile phone',
  'Work phone',
  'Home phone',
  'Other phone',
  'E-mail',
  'Work e-mail',
  'Home e-mail',
  'Birthday',
  'Address',
  'City',
  'Region',
  'Postal code',
  'Country',
  'Address type',
  ...addressColumns(2),
  ...addressColumns(3),
  'Website',
  'Notes',
  'Categories',
] as const;

export type VcardColumn = (typeof VCARD_COLUMNS)[number];

/*
 * vCard 2.1 (old phones, Outlook), 3.0 (Google, Apple) and 4.0 read line by line. Lines are kept
 * as "binary" strings (one char per byte) until a property's value is decoded, because in 2.1
 * each property names its own CHARSET and may be QUOTED-PRINTABLE: Android writes Cyrillic as
 * `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=98…`, Outlook as raw CP1251 bytes.
 */

export async function openVcard(path: string, sheetName: string, head: FileHead): Promise<SpreadsheetSource> {
  const encoding = detectEncoding(head.bytes);
  return {
    format: 'vcard',
    csv: null,
    sheets: async () => [{ name: sheetName }],
    rows: (sheet) => vcardRows(path, sheet === sheetName ? null : sheet, encoding),
  };
}

async function* vcardRows(path: string, unknownSheet: string | null, encoding: TextEncoding): AsyncGenerator<SheetRow> {
  if (unknownSheet !== null) throw noSuchSheet(unknownSheet);
  const input = fs.createReadStream(path, { highWaterMark: 64 * 1024 });
  // UTF-16 files are decoded up front and re-encoded as UTF-8 bytes, so one byte-level path serves all.
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  try {
    yield { index: 0, cells: [...VCARD_COLUMNS] };
    let index = 1;
    let card: Card | null = null;
    let depth = 0;
    for await (const line of logicalLines(physicalLines(byteChunks(input, utf16 ? encoding : null)))) {
      const property = parseProperty(line);
      if (!property) continue;
      if (property.name === 'BEGIN' && /^vcard$/i.test(property.raw.trim())) {
        depth += 1;
        if (depth === 1) card = newCard();
        continue;
      }
      if (property.name === 'END' && /^vcard$/i.test(property.raw.trim())) {
        depth = Math.max(0, depth - 1);
        if (depth === 0 && card) {
          const cells = cardCells(card);
          if (cells.length > 0) yield { index, cells };
          index += 1;
          card = null;
        }
        continue;
      }
      // Properties of an embedded card (2.1 AGENT) belong to someone else.
      if (card && depth === 1) addProperty(card, property);
    }
  } catch (error) {
    throw fileError(error, path);
  } finally {
    input.destroy();
  }
}

/** The file as latin1 strings (one char per byte); UTF-16 is first turned into UTF-8 bytes. */
async function* byteChunks(input: fs.ReadStream, utf16: TextEncoding | null): AsyncGenerator<string> {
  const decoder = utf16 ? iconv.getDecoder(utf16) : null;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    yield decoder ? Buffer.from(decoder.write(chunk), 'utf8').toString('latin1') : chunk.toString('latin1');
  }
  const rest = decoder?.end();
  if (rest) yield Buffer.from(rest, 'utf8').toString('latin1');
}

/** Lines split on \r\n, \n or \r, even when a \r\n straddles two chunks. */
export async function* physicalLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  let first = true;
  for await (const chunk of chunks) {
    let text = rest + chunk;
    if (first && text.length > 0) {
      if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3); // UTF-8 BOM, seen byte-wise
      first = false;
    }
    let carry = '';
    if (text.endsWith('\r')) {
      carry = '\r';
      text = text.slice(0, -1);
    }
    const lines = text.split(/\r\n|\r|\n/);
    rest = lines.pop()! + carry;
    yield* lines;
  }
  if (rest !== '') yield* rest.split(/\r\n|\r|\n/);
}

/**
 * Unfolds lines: a line starting with a space or tab continues the previous one (the first
 * whitespace char is the fold), and a quoted-printable value ending in `=` is a soft line break
 * whose continuation (as Android writes it) has no leading space.
 */
export async function* logicalLines(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let current: string | null = null;
  for await (const line of lines) {
    if (current !== null) {
      if (current.endsWith('=') && isQuotedPrintable(current)) {
        current = current.slice(0, -1) + line;
        continue;
      }
      if (line.startsWith(' ') || line.startsWith('\t')) {
        current += line.slice(1);
        continue;
      }
      yield current;
    }
    current = line;
  }
  if (current !== null) yield current;
}

function isQuotedPrintable(line: string): boolean {
  const colon = valueColon(line);
  return colon > 0 && /ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE\b/i.test(line.slice(0, colon));
}

/** The colon between name/params and value: the first one outside a quoted parameter value. */
function valueColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) return i;
  }
  return -1;
}

export type VcardProperty = {
  name: string;
  params: Map<string, string[]>;
  /** The value as it stands in the file: latin1 chars, one per byte, still encoded. */
  raw: string;
};

const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** `item1.TEL;TYPE=CELL,VOICE;PREF:+7…` → name TEL, params TYPE=[CELL, VOICE, PREF]. */
export function parseProperty(line: string): VcardProperty | null {
  const colon = valueColon(line);
  if (colon <= 0) return null;
  const [rawName = '', ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';');
  const name = rawName
    .slice(rawName.lastIndexOf('.') + 1)
    .trim()
    .toUpperCase();
  if (name === '') return null;
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]): void => {
    params.set(key, [...(params.get(key) ?? []), ...values]);
  };
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    if (eq < 0) {
      // vCard 2.1 allows bare parameters: `TEL;CELL;VOICE:`, `NOTE;QUOTED-PRINTABLE:`.
      const bare = param.trim().toUpperCase();
      if (bare === '') continue;
      add(BARE_ENCODINGS.has(bare) ? 'ENCODING' : 'TYPE', [bare]);
      continue;
    }
    const key = param.slice(0, eq).trim().toUpperCase();
    const value = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (key === 'CHARSET' || key === 'VALUE' || key === 'LANGUAGE') add(key, [value]);
    else
      add(
        key,
        value
          .split(',')
          .map((item) => item.trim().toUpperCase())
          .filter(Boolean),
      );
  }
  return { name, params, raw: line.slice(colon + 1) };
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Quoted-printable to bytes; anything that isn't `=XX` passes through as the byte it stands for. */
export function decodeQuotedPrintable(raw: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    if (raw[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(raw.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/**
 * The property's value as text: quoted-printable undone, then decoded with its CHARSET. Without
 * one the value's own bytes decide (UTF-8 if valid, else Windows-1251), not the whole file's:
 * 3.0/4.0 may fold a line in the middle of a UTF-8 character, so a valid UTF-8 file can look
 * invalid before unfolding, and one Outlook file can mix CHARSET-tagged and untagged lines.
 */
export function propertyText(property: VcardProperty): string | null {
  const encoding = property.params.get('ENCODING')?.[0];
  if (encoding === 'BASE64' || encoding === 'B') return null; // photos, keys, sounds
  const bytes =
    encoding === 'QUOTED-PRINTABLE' ? decodeQuotedPrintable(property.raw) : Buffer.from(property.raw, 'latin1');
  const charset = property.params.get('CHARSET')?.[0];
  if (charset && iconv.encodingExists(charset)) return iconv.decode(bytes, charset);
  return iconv.decode(bytes, isUtf8(bytes, true) ? 'utf-8' : 'windows-1251');
}

/** Splits on separators that aren't backslash-escaped, then undoes the escapes in each part. */
export function splitValue(text: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[i + 1];
      i += 1;
    } else if (ch === separator) {
      parts.push(unescapeValue(current));
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(unescapeValue(current));
  return parts;
}

export function unescapeValue(text: string): string {
  return text.replace(/\\([nN,;:\\])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

type Card = {
  fullName: string | null;
  /** A company's card (Apple's X-ABShowAs:COMPANY): its FN is the company's name, no person's. */
  companyCard: boolean;
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
  organization: string | null;
  title: string | null;
  phones: Record<'mobile' | 'work' | 'home' | 'other', string[]>;
  emails: Record<'plain' | 'work' | 'home', string[]>;
  birthday: string | null;
  /** Its addresses, the preferred one first, each with its kind as the import reads it ("Home"). */
  addresses: Array<{ parts: (string | null)[]; kind: string | null; preferred: boolean }>;
  websites: string[];
  notes: string[];
  categories: string[];
};

function newCard(): Card {
  return {
    fullName: null,
    companyCard: false,
    lastName: null,
    firstName: null,
    middleName: null,
    organization: null,
    title: null,
    phones: { mobile: [], work: [], home: [], other: [] },
    emails: { plain: [], work: [], home: [] },
    birthday: null,
    addresses: [],
    websites: [],
    notes: [],
    categories: [],
  };
}

const nonEmpty = (text: string | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

function addTo(list: string[], value: string | null): void {
  if (value !== null && !list.includes(value)) list.push(value);
}

/** An address's TYPE as the import's address kinds read it; none: the import's default. */
function addressKind(property: VcardProperty): string | null {
  const types = new Set((property.params.get('TYPE') ?? []).map((type) => type.toUpperCase()));
  if (types.has('HOME')) return 'Home';
  if (types.has('WORK')) return 'Work';
  if (types.has('POSTAL') || types.has('PARCEL')) return 'Postal';
  if (types.has('OTHER')) return 'Other';
  return null;
}

function isPreferred(property: VcardProperty): boolean {
  return (property.params.get('TYPE') ?? []).includes('PREF') || property.params.has('PREF');
}

function addProperty(card: Card, property: VcardProperty): void {
  const text = propertyText(property);
  if (text === null) return;
  const types = new Set(property.params.get('TYPE') ?? []);
  switch (property.name) {
    case 'FN':
      card.fullName ??= nonEmpty(unescapeValue(text));
      break;
    case 'N': {
      if (card.lastName !== null || card.firstName !== null) break;
      const [last, first, middle] = splitValue(text, ';');
      card.lastName = nonEmpty(last);
      card.firstName = nonEmpty(first);
      card.middleName = nonEmpty(middle?.replaceAll(',', ' '));
      break;
    }
    case 'ORG':
      // The first component is the company; the rest are departments, not part of its name.
      card.organization ??= nonEmpty(splitValue(text, ';')[0]);
      break;
    case 'TITLE':
      card.title ??= nonEmpty(unescapeValue(text));
      break;
    case 'TEL': {
      const number = nonEmpty(unescapeValue(text).replace(/^tel:/i, ''));
      // A fax or pager is no one's mobile or desk phone, whatever else its TYPE says.
      const kind =
        types.has('CELL') || types.has('MOBILE') || types.has('IPHONE')
          ? 'mobile'
          : types.has('FAX') || types.has('PAGER')
            ? 'other'
            : types.has('WORK')
              ? 'work'
              : types.has('HOME')
                ? 'home'
                : 'other';
      addTo(card.phones[kind], number);
      break;
    }
    case 'EMAIL': {
      const email = nonEmpty(unescapeValue(text).replace(/^mailto:/i, ''));
      addTo(card.emails[types.has('WORK') ? 'work' : types.has('HOME') ? 'home' : 'plain'], email);
      break;
    }
    case 'BDAY': {
      const birthday = nonEmpty(unescapeValue(text));
      const date = birthday?.match(/^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/);
      // Apple writes a birthday without a year as that year (1604): a day and month, as «--0520» is.
      const yearless = date !== undefined && date !== null && property.params.get('X-APPLE-OMIT-YEAR')?.[0] === date[1];
      card.birthday ??= date ? (yearless ? `--${date[2]}${date[3]}` : `${date[1]}-${date[2]}-${date[3]}`) : birthday;
      break;
    }
    case 'ADR': {
      const preferred = isPreferred(property);
      const [poBox, extended, street, city, region, postalCode, country] = splitValue(text, ';').map((part) =>
        nonEmpty(part.replace(/\s*\n\s*/g, ', ')),
      );
      const lines = [street, extended].filter((part): part is string => !!part);
      const parts = [lines.length > 0 ? lines.join(', ') : (poBox ?? null), city, region, postalCode, country];
      if (parts.some((part) => part)) {
        const address = { parts: parts.map((part) => part ?? null), kind: addressKind(property), preferred };
        if (preferred) card.addresses.unshift(address);
        else card.addresses.push(address);
      }
      break;
    }
    case 'URL':
      addTo(card.websites, nonEmpty(unescapeValue(text)));
      break;
    case 'NOTE':
      addTo(card.notes, nonEmpty(unescapeValue(text)));
      break;
    case 'X-ABSHOWAS':
      card.companyCard ||= text.trim().toUpperCase() === 'COMPANY';
      break;
    case 'CATEGORIES':
      for (const category of splitValue(text, ',')) addTo(card.categories, nonEmpty(category));
      break;
  }
}

function cardCells(card: Card): CellValue[] {
  const joined = (list: string[], separator = ', '): string | null => (list.length > 0 ? list.join(separator) : null);
  const addresses = card.addresses.slice(0, CARD_ADDRESSES);
  const part = (index: number, at: number) => addresses[index]?.parts[at] ?? null;
  const kind = (index: number) => addresses[index]?.kind ?? null;
  const byColumn: Record<VcardColumn, string | null> = {
    // FN names a card whose N is empty (a phone's «Мама»), unless it is the company's name.
    'Full name': card.companyCard || card.fullName === card.organization ? null : card.fullName,
    'Last name': card.lastName,
    'First name': card.firstName,
    'Middle name': card.middleName,
    Organization: card.organization,
    'Job title': card.title,
    'Mobile phone': joined(card.phones.mobile),
    'Work phone': joined(card.phones.work),
    'Home phone': joined(card.phones.home),
    'Other phone': joined(card.phones.other),
    'E-mail': joined(card.emails.plain),
    'Work e-mail': joined(card.emails.work),
    'Home e-mail': joined(card.emails.home),
    Birthday: card.birthday,
    Address: part(0, 0),
    City: part(0, 1),
    Region: part(0, 2),
    'Postal code': part(0, 3),
    Country: part(0, 4),
    'Address type': kind(0),
    'Address 2': part(1, 0),
    'City 2': part(1, 1),
    'Region 2': part(1, 2),
    'Postal code 2': part(1, 3),
    'Country 2': part(1, 4),
    'Address type 2': kind(1),
    'Address 3': part(2, 0),
    'City 3': part(2, 1),
    'Region 3': part(2, 2),
    'Postal code 3': part(2, 3),
    'Country 3': part(2, 4),
    'Address type 3': kind(2),
    Website: joined(card.websites),
    Notes: joined(card.notes, '\n'),
    Categories: joined(card.categories),
  };
  const cells: CellValue[] = VCARD_COLUMNS.map((column) => byColumn[column]);
  while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
  return cells;
}
