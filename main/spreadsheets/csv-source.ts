import fs from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { AppError } from '../../shared/errors';
import type { CellValue, SheetRow } from './cell';
import { lenientRecords } from './csv-lenient';
import { decodeText, detectDelimiter, detectEncoding, detectNewline, isUtf8 } from './encoding';
import { fileError, noSuchSheet, readOpenFile, type FileHead } from './sniff';
import type { CsvSettings, SpreadsheetSource, TextEncoding } from './source';

const ENCODINGS: readonly TextEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251'];
/**
 * A record still open after this many characters means an unbalanced quote swallowing the rest
 * of the file; stop before that holds a huge file in memory.
 */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

type PapaResult = { data: string[][]; errors: Array<{ type: string }>; meta: { cursor: number } };

/** Bytes read at a time when looking past a plain-ASCII head for the first letter that isn't. */
const SCAN_CHUNK = 1024 * 1024;

/**
 * The file's encoding. A head of plain ASCII reads as UTF-8 and as Windows-1251 alike: then the
 * file is read on to its first byte above 127 (a Cyrillic name on row 5,000), and that decides.
 */
async function detectFileEncoding(path: string, head: FileHead): Promise<TextEncoding> {
  const guess = detectEncoding(head.bytes);
  if (guess !== 'utf-8' || head.complete || head.bytes.some((byte) => byte > 0x7f)) return guess;
  return readOpenFile(path, async (handle) => {
    const chunk = Buffer.alloc(SCAN_CHUNK);
    for (let position = head.bytes.length; ;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) return 'utf-8';
      const first = chunk.subarray(0, bytesRead).findIndex((byte) => byte > 0x7f);
      if (first >= 0) {
        // Read from that byte on, so a letter cut by the chunk's end is judged whole.
        const window = Buffer.alloc(4096);
        const { bytesRead: windowBytes } = await handle.read(window, 0, window.length, position + first);
        const toEnd = windowBytes < window.length;
        return isUtf8(window.subarray(0, windowBytes), toEnd) ? 'utf-8' : 'windows-1251';
      }
      position += bytesRead;
    }
  });
}

export async function openCsv(
  path: string,
  sheetName: string,
  head: FileHead,
  given: Partial<CsvSettings> | undefined,
): Promise<SpreadsheetSource> {
  const encoding = given?.encoding ?? (await detectFileEncoding(path, head));
  if (!ENCODINGS.includes(encoding)) {
    throw new AppError('InvalidInput', `Unsupported text encoding: ${String(encoding)}`, { reason: 'encoding' });
  }
  let sample = decodeText(head.bytes, encoding);
  // A head cut mid-record would skew the column counts; guess from whole records only.
  if (!head.complete) sample = sample.slice(0, Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r')) + 1);
  const delimiter = given?.delimiter ?? detectDelimiter(sample);
  if (delimiter === '' || /["\r\n\uFEFF]/.test(delimiter)) {
    throw new AppError('InvalidInput', `Not a usable CSV delimiter: ${JSON.stringify(delimiter)}`, {
      reason: 'delimiter',
    });
  }
  const newline = detectNewline(sample, delimiter);
  const settings: CsvSettings = { encoding, delimiter };
  return {
    format: 'csv',
    csv: settings,
    sheets: async () => [{ name: sheetName }],
    rows: (sheet) => csvRows(path, sheet === sheetName ? null : sheet, settings, newline),
  };
}

/**
 * Decoded text goes through Papa's own record parser chunk by chunk: `parse(text, 0, true)` holds
 * back the last, possibly unfinished record and reports where it starts, so a quoted field
 * spanning chunks (or a \r\n split between them) is parsed whole on the next round. Papa's
 * stream/step front-ends are not used because they can't be pulled from an async generator
 * with back-pressure, and an early `break` must close the file.
 */
async function* csvRows(
  path: string,
  unknownSheet: string | null,
  settings: CsvSettings,
  newline: '\r\n' | '\n' | '\r',
): AsyncGenerator<SheetRow> {
  if (unknownSheet !== null) throw noSuchSheet(unknownSheet);
  const parser = new Papa.Parser({ delimiter: settings.delimiter, newline, quoteChar: '"', escapeChar: '"' });
  const decoder = iconv.getDecoder(settings.encoding);
  const input = fs.createReadStream(path, { highWaterMark: 64 * 1024 });
  let index = 0;
  let pending = '';
  let fresh = '';
  let first = true;
  // Lines end in "\n" (some perhaps in "\r\n": see detectNewline): every "\r\n" is read as "\n".
  // A "\r" ending a chunk waits for the next one, which may begin with its "\n".
  let heldReturn = '';
  const unify = (text: string) => {
    if (newline !== '\n') return text;
    let whole = heldReturn + text;
    heldReturn = whole.endsWith('\r') ? '\r' : '';
    if (heldReturn !== '') whole = whole.slice(0, -1);
    return whole.includes('\r\n') ? whole.replaceAll('\r\n', '\n') : whole;
  };
  // Once a quote is broken, the rest of the file is read a line per record (csv-lenient.ts).
  let lenient = false;
  const records = (text: string, last: boolean): { records: string[][]; cursor: number } => {
    if (!lenient) {
      const result = parser.parse(text, 0, !last) as PapaResult;
      if (!result.errors.some((error) => error.type === 'Quotes')) {
        return { records: result.data, cursor: last ? text.length : result.meta.cursor };
      }
      lenient = true;
    }
    return lenientRecords(text, settings.delimiter, newline, last);
  };
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      fresh += unify(decoder.write(chunk));
      if (first && fresh.length > 0) {
        if (fresh.charCodeAt(0) === 0xfeff) fresh = fresh.slice(1);
        first = false;
      }
      // Re-parsing a long unfinished record on every chunk would be quadratic: wait until as much
      // new text has arrived as is pending.
      if (fresh.length < pending.length) continue;
      const text = pending + fresh;
      fresh = '';
      const result = records(text, false);
      for (const record of result.records) {
        const row = toRow(record, index);
        index += 1;
        if (row) yield row;
      }
      pending = text.slice(result.cursor);
      if (pending.length > MAX_RECORD_CHARS) {
        throw new AppError(
          'InvalidInput',
          `Row ${index + 1} never ends: a quote (") opened in it is not closed. Check the file in a text editor.`,
          { reason: 'unreadable', row: index + 1 },
        );
      }
    }
    let tail = pending + fresh + unify(decoder.end() ?? '') + heldReturn;
    if (first && tail.charCodeAt(0) === 0xfeff) tail = tail.slice(1);
    if (tail !== '') {
      for (const record of records(tail, true).records) {
        const row = toRow(record, index);
        index += 1;
        if (row) yield row;
      }
    }
  } catch (error) {
    throw fileError(error, path);
  } finally {
    input.destroy();
  }
}

/** Raw text kept as is; '' becomes null and trailing empties go. Blank records yield nothing. */
function toRow(record: string[], index: number): SheetRow | null {
  let end = record.length;
  while (end > 0 && record[end - 1] === '') end -= 1;
  if (end === 0) return null;
  const cells: CellValue[] = new Array<CellValue>(end);
  for (let i = 0; i < end; i += 1) {
    const value = record[i]!;
    cells[i] = value === '' ? null : value;
  }
  return { index, cells };
}
