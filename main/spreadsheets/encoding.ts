import iconv from 'iconv-lite';
import type { TextEncoding } from './source';

/** The delimiters worth guessing between; `;` first because that is what Russian Excel writes. */
const DELIMITERS = [';', ',', '\t', '|'] as const;
/** Records looked at when guessing a delimiter. */
const DELIMITER_SAMPLE_RECORDS = 20;

/**
 * Which encoding a text file is in, from its first bytes: a BOM if there is one, UTF-16 by the
 * pattern of zero bytes that ASCII characters leave (delimiters, digits and line breaks are ASCII
 * even in a Russian file), then UTF-8 if the bytes are valid UTF-8. Anything else is taken as
 * Windows-1251: Russian Excel's "CSV (разделители – запятые)" writes the ANSI code page, and
 * Cyrillic in CP1251 is practically never valid UTF-8.
 */
export function detectEncoding(sample: Buffer): TextEncoding {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const utf16 = guessUtf16(sample);
  if (utf16) return utf16;
  return isUtf8(sample) ? 'utf-8' : 'windows-1251';
}

function guessUtf16(sample: Buffer): TextEncoding | null {
  const pairs = Math.floor(Math.min(sample.length, 8192) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (sample[2 * i] === 0) evenZeros += 1;
    if (sample[2 * i + 1] === 0) oddZeros += 1;
  }
  // 8-bit text has no NUL bytes at all; UTF-16 has them on one side of every ASCII character.
  if (oddZeros >= pairs * 0.05 && evenZeros * 20 <= oddZeros) return 'utf-16le';
  if (evenZeros >= pairs * 0.05 && oddZeros * 20 <= evenZeros) return 'utf-16be';
  return null;
}

/**
 * Whether the bytes are valid UTF-8. A sample cut from a longer file may end in the middle of a
 * character, which is allowed unless `complete` says these are all the bytes there are.
 */
export function isUtf8(bytes: Buffer, complete = false): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * A text as a Windows-1251 file holds it: each character the encoding lacks (Kazakh letters, "½",
 * emoji) turned into one "?", as our CSV export writes it.
 */
export function asWindows1251(text: string): string {
  return iconv.decode(encodeWindows1251(text), 'win1251');
}

/** The bytes of a Windows-1251 file: one «?» per character it lacks (iconv-lite gives two for an emoji). */
export function encodeWindows1251(text: string): Buffer {
  return iconv.encode(text.replace(/[\u{10000}-\u{10FFFF}]|[\uD800-\uDFFF]/gu, '?'), 'win1251');
}

/** Whole-buffer decoding, BOM dropped (iconv-lite strips it for the Unicode encodings). */
export function decodeText(bytes: Buffer, encoding: TextEncoding): string {
  const text = iconv.decode(bytes, encoding);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Which of `;` `,` tab `|` splits the first records into the most consistent number of columns
 * (more than one). Quoted fields are respected, so a comma inside `"Иванов, Иван"` does not count.
 * Ties go to the candidate giving more columns, then to the order above. A file with no
 * delimiter at all (a single column) gets `,`, which then changes nothing.
 */
export function detectDelimiter(text: string): string {
  let best: { delimiter: string; consistency: number; columns: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(text, delimiter, DELIMITER_SAMPLE_RECORDS);
    if (counts.length === 0) continue;
    const frequency = new Map<number, number>();
    for (const count of counts) if (count > 1) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let columns = 0;
    let hits = 0;
    for (const [count, seen] of frequency) {
      if (seen > hits || (seen === hits && count > columns)) {
        columns = count;
        hits = seen;
      }
    }
    if (columns === 0) continue;
    const consistency = hits / counts.length;
    if (
      !best ||
      consistency > best.consistency + 1e-9 ||
      (Math.abs(consistency - best.consistency) <= 1e-9 && columns > best.columns)
    ) {
      best = { delimiter, consistency, columns };
    }
  }
  return best?.delimiter ?? ',';
}

/**
 * Field counts of the first non-blank records, reading quotes the way a CSV parser does: a quote
 * opens a quoted field only at the start of a field, and `""` inside one is an escaped quote.
 */
function fieldCounts(text: string, delimiter: string, maxRecords: number): number[] {
  const counts: number[] = [];
  let fields = 1;
  let blank = true;
  let atFieldStart = true;
  let inQuotes = false;
  for (let i = 0; i < text.length && counts.length < maxRecords; i += 1) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i += 1;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      if (!blank) counts.push(fields);
      fields = 1;
      blank = true;
      atFieldStart = true;
      continue;
    }
    blank = false;
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (ch === delimiter) {
      fields += 1;
      atFieldStart = true;
    } else {
      atFieldStart = false;
    }
  }
  if (!blank && counts.length < maxRecords) counts.push(fields);
  return counts;
}

/**
 * The line break a file uses: the first one outside quoted fields (quotes read as in
 * `fieldCounts`, so a stray `5" floppy` doesn't hide every line break); `\n` when there is none,
 * and when `\r\n` and a lone `\n` both end lines (rows a script appended to an Excel file): the
 * reader then takes every `\r\n` for `\n`.
 */
export function detectNewline(text: string, delimiter: string): '\r\n' | '\n' | '\r' {
  let atFieldStart = true;
  let inQuotes = false;
  let first: '\r\n' | '\n' | '\r' | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i += 1;
        else inQuotes = false;
      }
    } else if (ch === '\n') {
      // A lone one (the \n of a \r\n is stepped over below): the first break, or a mix.
      return '\n';
    } else if (ch === '\r') {
      // A sample cut right after \r most likely cut a Windows \r\n.
      const windows = text[i + 1] === '\n' || i + 1 === text.length;
      if (!windows) return first ?? '\r';
      first = '\r\n';
      i += 1;
      atFieldStart = true;
    } else if (ch === '"' && atFieldStart) {
      inQuotes = true;
    } else {
      atFieldStart = text.startsWith(delimiter, i);
    }
  }
  return first ?? '\n';
}
