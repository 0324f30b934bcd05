import posix from 'node:path/posix';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors';
import type { CellValue, SheetRow } from './cell';
import { readSharedStrings, type SharedStrings } from './shared-strings';
import { fileError, noSuchSheet } from './sniff';
import type { SpreadsheetSource } from './source';
import { workerSheetRows } from './worker-sheet-rows';
import { readZipDirectory, readZipEntry, unreadable, zipEntryChunks, type ZipEntry } from './zip-source';

/*
 * Rows come from exceljs's streaming WorkbookReader, but it is not handed the file itself.
 * WorkbookReader walks the zip front to back and needs sharedStrings.xml (and styles.xml, for
 * dates) before a sheet; Excel stores them *after* the sheets, so the reader would copy every
 * sheet to a temp file first — a plaintext copy that outlives an early `break` — and inflate
 * sheets nobody asked for. Instead we build a small zip stream of our own from the file's parts,
 * in the order exceljs wants (rels, workbook, styles, shared strings, the one sheet), inflating
 * each part ourselves and handing it over stored. The sheet is thus read once, straight from the
 * file, with constant memory apart from the shared strings, which exceljs caches by design.
 */

const READER_OPTIONS = {
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'cache',
  worksheets: 'emit',
  entries: 'ignore',
} as const;

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

type WorkbookLayout = {
  workbook: ZipEntry;
  workbookRels: ZipEntry;
  styles: ZipEntry | null;
  sharedStrings: ZipEntry | null;
  sheets: { name: string; entry: ZipEntry }[];
  date1904: boolean;
};

/**
 * Sheets from this size (of their XML, about 10,000 rows) are read by a worker thread: starting
 * one costs more than reading a small sheet here.
 */
export const WORKER_FROM_BYTES = 4 * 1024 * 1024;

export async function openXlsx(path: string, workerFromBytes = WORKER_FROM_BYTES): Promise<SpreadsheetSource> {
  const layout = await readLayout(path);
  const names = layout.sheets.map((sheet) => ({ name: sheet.name }));
  const sizes = new Map(layout.sheets.map((sheet) => [sheet.name, sheet.entry.size]));
  return {
    format: 'xlsx',
    csv: null,
    sheets: async () => names.map((sheet) => ({ ...sheet })),
    rows: (sheet) =>
      (sizes.get(sheet) ?? 0) >= workerFromBytes
        ? workerSheetRows({ path, sheet }, () => xlsxRows(path, sheet))
        : xlsxRows(path, sheet),
  };
}

async function readLayout(path: string): Promise<WorkbookLayout> {
  let entries: Map<string, ZipEntry>;
  try {
    entries = await readZipDirectory(path);
  } catch (error) {
    throw fileError(error, path);
  }
  const text = async (entry: ZipEntry): Promise<string> => (await readZipEntry(path, entry)).toString('utf8');

  const rootRels = entries.get('_rels/.rels');
  const officeDocument = rootRels
    ? parseRelationships(await text(rootRels), '').find((rel) => REL_OFFICE_DOCUMENT.test(rel.type))
    : undefined;
  const workbookPath = officeDocument?.target ?? 'xl/workbook.xml';
  const workbook = entries.get(workbookPath);
  if (!workbook) {
    const mimetype = entries.get('mimetype');
    if (mimetype && (await text(mimetype)).startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
      throw new AppError(
        'NotSupported',
        'OpenDocument (.ods) spreadsheets cannot be imported. Save the sheet as .xlsx or .csv and import that file.',
        { reason: 'ods' },
      );
    }
    throw unreadable('no workbook inside; it is a zip archive but not an Excel file');
  }
  const base = posix.dirname(workbookPath);
  const relsPath = posix.join(base, '_rels', `${posix.basename(workbookPath)}.rels`);
  const workbookRels = entries.get(relsPath);
  if (!workbookRels) throw unreadable('no workbook relationships');
  const rels = parseRelationships(await text(workbookRels), base);
  const partOf = (type: RegExp, fallback: string): ZipEntry | null => {
    const rel = rels.find((candidate) => type.test(candidate.type));
    return entries.get(rel?.target ?? fallback) ?? null;
  };

  const workbookXml = await text(workbook);
  const sheets: WorkbookLayout['sheets'] = [];
  for (const attributes of elements(workbookXml, 'sheet')) {
    const name = attributes.get('name');
    const relId = [...attributes].find(([key]) => /(^|:)id$/.test(key) && key !== 'sheetId')?.[1];
    const rel = rels.find((candidate) => candidate.id === relId);
    // Chart sheets and dialog sheets have no rows; they are not offered.
    if (name === undefined || !rel || !REL_WORKSHEET.test(rel.type)) continue;
    const entry = entries.get(rel.target);
    if (entry) sheets.push({ name, entry });
  }
  const workbookPr = elements(workbookXml, 'workbookPr')[0];
  const date1904 = ['1', 'true'].includes(workbookPr?.get('date1904') ?? '');
  return {
    workbook,
    workbookRels,
    styles: partOf(REL_STYLES, 'xl/styles.xml'),
    sharedStrings: partOf(REL_SHARED_STRINGS, 'xl/sharedStrings.xml'),
    sheets,
    date1904,
  };
}

type Relationship = { id: string; type: string; target: string };

/** Relationship targets resolved to zip entry names (relative to the part's folder, or absolute). */
function parseRelationships(xml: string, base: string): Relationship[] {
  const result: Relationship[] = [];
  for (const attributes of elements(xml, 'Relationship')) {
    const id = attributes.get('Id');
    const type = attributes.get('Type');
    const target = attributes.get('Target');
    if (id === undefined || type === undefined || target === undefined) continue;
    if (attributes.get('TargetMode') === 'External') continue;
    const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target));
    result.push({ id, type, target: resolved.replaceAll('\\', '/') });
  }
  return result;
}

/** Attributes of every `<name …>` / `<prefix:name …>` element; these parts are small and flat. */
function elements(xml: string, name: string): Map<string, string>[] {
  const result: Map<string, string>[] = [];
  const tag = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*)>`, 'g');
  for (const match of xml.matchAll(tag)) {
    const attributes = new Map<string, string>();
    for (const attribute of (match[1] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes.set(attribute[1]!, decodeXmlEntities(attribute[2] ?? attribute[3] ?? ''));
    }
    result.push(attributes);
  }
  return result;
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex, decimal, named) => {
    if (hex) return String.fromCodePoint(parseInt(hex as string, 16));
    if (decimal) return String.fromCodePoint(parseInt(decimal as string, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp'];
  });
}

/** Reads a sheet on this thread (the worker thread runs this too). */
export async function* xlsxRows(path: string, sheet: string): AsyncGenerator<SheetRow> {
  // The layout is re-read so offsets are right even if the file was saved again since opening.
  const layout = await readLayout(path);
  const target = layout.sheets.find((candidate) => candidate.name === sheet);
  if (!target) throw noSuchSheet(sheet);
  if (target.entry.size === 0) return;

  const parts: ZipPart[] = [
    { name: 'xl/_rels/workbook.xml.rels', entry: layout.workbookRels },
    { name: 'xl/workbook.xml', entry: layout.workbook },
  ];
  if (layout.styles && layout.styles.size > 0) parts.push({ name: 'xl/styles.xml', entry: layout.styles });
  // exceljs gets an empty shared-strings part (without one it would spill the sheet to a temp
  // file); the real ones are read into a compact table of our own.
  parts.push({ name: 'xl/sharedStrings.xml', data: Buffer.from(EMPTY_SHARED_STRINGS) });
  parts.push({ name: 'xl/worksheets/sheet1.xml', entry: target.entry });
  let strings: SharedStrings | null = null;
  try {
    if (layout.sharedStrings && layout.sharedStrings.size > 0) {
      strings = await readSharedStrings(zipEntryChunks(path, layout.sharedStrings));
    }
  } catch (error) {
    throw readFailure(error, path);
  }

  const source = Readable.from(storedZip(path, parts), { objectMode: false });
  // exceljs pipes our stream into unzipper, and pipe() doesn't forward errors: exceljs would wait
  // forever on a failed read. Every await on exceljs therefore also fails on our stream's error.
  // (Racing each row against one never-settling promise kept every row reachable: ~3 KB a row.)
  let streamError: Error | null = null;
  const waiting = new Set<(error: Error) => void>();
  source.on('error', (error) => {
    streamError = error;
    for (const reject of waiting) reject(error);
  });
  const orStreamError = <T>(promise: Promise<T>): Promise<T> =>
    streamError
      ? Promise.reject(streamError)
      : new Promise<T>((resolve, reject) => {
          waiting.add(reject);
          promise.then(
            (value) => {
              waiting.delete(reject);
              resolve(value);
            },
            (error: unknown) => {
              waiting.delete(reject);
              reject(error instanceof Error ? error : new Error(String(error)));
            },
          );
        });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, READER_OPTIONS);
  const worksheets = reader[Symbol.asyncIterator]();
  let rows: AsyncIterator<ExcelJS.Row> | undefined;
  try {
    const worksheet = await orStreamError(worksheets.next());
    if (worksheet.done) throw unreadable('the sheet could not be found in the archive');
    // Read by the sheet when its rows start: without a table, exceljs hands over each shared
    // string's index, looked up in ours.
    (reader as unknown as { sharedStrings: unknown }).sharedStrings = null;
    rows = worksheet.value[Symbol.asyncIterator]();
    for (;;) {
      const next = await orStreamError(rows.next());
      if (next.done) break;
      const row = toSheetRow(next.value, layout.date1904, strings);
      if (row) yield row;
    }
  } catch (error) {
    throw readFailure(error, path);
  } finally {
    source.destroy();
    // Not awaited: after a failed race exceljs may be stuck waiting on the stream we just destroyed.
    void rows?.return?.(undefined).catch(() => undefined);
    void worksheets.return?.(undefined).catch(() => undefined);
  }
}

const EMPTY_SHARED_STRINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

type ZipPart = { name: string; entry: ZipEntry } | { name: string; data: Buffer };

/**
 * A zip of stored (uncompressed) entries, sizes in the local headers, no central directory but
 * an end record: all unzipper's streaming parser looks at. Known sizes spare it the data
 * descriptor scan, which can misfire.
 */
async function* storedZip(path: string, parts: ZipPart[]): AsyncGenerator<Buffer> {
  for (const part of parts) {
    const size = 'data' in part ? part.data.length : part.entry.size;
    const crc = 'data' in part ? zlib.crc32(part.data) : part.entry.crc32;
    if (size >= 0xffffffff) throw unreadable(`${part.name} is too large`);
    yield localHeader(part.name, crc, size);
    if ('data' in part) yield part.data;
    else yield* utf8Aligned(zipEntryChunks(path, part.entry));
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  yield end;
}

/**
 * exceljs decodes every chunk it gets on its own (parse-sax.js), so a Cyrillic letter split
 * between two chunks would become two U+FFFD: chunks are cut at character boundaries here.
 */
async function* utf8Aligned(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let end = bytes.length;
    // Step back over continuation bytes (10xxxxxx) to the start of the last character...
    let start = end - 1;
    while (start > 0 && start > end - 4 && (bytes[start]! & 0xc0) === 0x80) start -= 1;
    const lead = bytes[start] ?? 0;
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    // ...and keep it for the next chunk when it is incomplete.
    if (start + length > end) end = start;
    carry = bytes.subarray(end);
    if (end > 0) yield bytes.subarray(0, end);
  }
  if (carry.length > 0) yield carry;
}

function localHeader(name: string, crc: number, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed: 2.0
  header.writeUInt16LE(0x0800, 6); // UTF-8 names
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

function readFailure(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  const mapped = fileError(error, path);
  return mapped instanceof AppError ? mapped : unreadable(error instanceof Error ? error.message : String(error));
}

const isSharedStringRef = (value: unknown): value is { sharedString: number } =>
  typeof value === 'object' && value !== null && 'sharedString' in value;

/** exceljs rows are 1-based with a 1-based sparse `values`; ours are 0-based and dense. */
function toSheetRow(row: ExcelJS.Row, date1904: boolean, strings: SharedStrings | null): SheetRow | null {
  const cells: CellValue[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const raw = isSharedStringRef(cell.value) ? (strings?.get(cell.value.sharedString) ?? null) : cell.value;
    const value = toCellValue(raw, cell.numFmt, date1904);
    if (value === null) return;
    while (cells.length < column - 1) cells.push(null);
    cells[column - 1] = value;
  });
  return cells.length === 0 ? null : { index: row.number - 1, cells };
}

/** Exported for tests: how one exceljs cell value becomes ours. */
export function toCellValue(value: unknown, numFmt: string | undefined, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : decodeExcelEscapes(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) {
    const text = (value.richText as { text?: unknown }[])
      .map((run) => (typeof run.text === 'string' ? run.text : ''))
      .join('');
    return toCellValue(text, numFmt, date1904);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    // The streaming reader leaves date formula results as serial numbers; the cell's format says it's a date.
    if (typeof result === 'number' && Number.isFinite(result) && isDateFormat(numFmt)) {
      return excelSerialToDate(result, date1904);
    }
    return toCellValue(result, numFmt, date1904);
  }
  if ('error' in value) return null;
  if ('text' in value) return toCellValue(value.text, numFmt, date1904);
  return null;
}

/** Excel stores control characters as `_xHHHH_` (and a literal `_x` sequence as `_x005F_x…`). */
function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The same test exceljs applies to plain number cells: date/time tokens outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}
