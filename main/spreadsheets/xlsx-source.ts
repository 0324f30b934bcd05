/**
 * .xlsx files, read by our own code from the zip up: the package's relationships say where the
 * workbook, its sheets, shared strings and styles are; each sheet's XML is parsed as it streams
 * (sheet-xml.ts). Large sheets are read by a worker thread.
 */
import posix from 'node:path/posix';
import { AppError } from '../../shared/errors';
import type { SheetRow } from './cell';
import { NO_NUMBER_STYLES, readNumberStyles } from './date-styles';
import { readVerticalMerges, withMergedCells } from './merged-cells';
import { readSharedStrings } from './shared-strings';
import { sheetXmlRows } from './sheet-xml';
import { fileError, noSuchSheet } from './sniff';
import type { SpreadsheetSource } from './source';
import { workerSheetRows } from './worker-sheet-rows';
import { readZipDirectory, readZipEntry, unreadable, zipEntryChunks, type ZipEntry } from './zip-source';

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

type WorkbookLayout = {
  workbook: ZipEntry;
  workbookRels: ZipEntry;
  styles: ZipEntry | null;
  sharedStrings: ZipEntry | null;
  sheets: { name: string; entry: ZipEntry; hidden: boolean }[];
  date1904: boolean;
};

/**
 * Sheets from this size (of their XML, about 10,000 rows) are read by a worker thread: starting
 * one costs more than reading a small sheet here.
 */
export const WORKER_FROM_BYTES = 4 * 1024 * 1024;

/** Sheets up to this size of XML (~40,000 rows) are scanned for cells merged down rows first. */
const MERGE_SCAN_MAX_BYTES = 16 * 1024 * 1024;

export async function openXlsx(path: string, workerFromBytes = WORKER_FROM_BYTES): Promise<SpreadsheetSource> {
  const layout = await readLayout(path);
  const names = layout.sheets.map((sheet) => ({ name: sheet.name, hidden: sheet.hidden }));
  const sizes = new Map(layout.sheets.map((sheet) => [sheet.name, sheet.entry.size]));
  return {
    format: 'xlsx',
    csv: null,
    sheets: async () => names.map((sheet) => ({ ...sheet })),
    rows: (sheet) =>
      (sizes.get(sheet) ?? 0) >= workerFromBytes
        ? workerSheetRows({ path, sheet }, () => xlsxRows(path, sheet))
        : xlsxRows(path, sheet),
    workerPath: (sheet) => ((sizes.get(sheet) ?? 0) >= workerFromBytes ? path : null),
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
    // 'hidden' or 'veryHidden' (only a macro can show those again).
    if (entry) sheets.push({ name, entry, hidden: (attributes.get('state') ?? 'visible') !== 'visible' });
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

/**
 * Reads a sheet on this thread (the worker thread runs this too), straight from the file: the
 * sheet's XML is inflated and parsed as it streams, after the shared strings and the styles that
 * say which numbers are dates (Excel stores both after the sheets). Nothing is copied to disk.
 */
export async function* xlsxRows(path: string, sheet: string): AsyncGenerator<SheetRow> {
  // The layout is re-read so offsets are right even if the file was saved again since opening.
  const layout = await readLayout(path);
  const target = layout.sheets.find((candidate) => candidate.name === sheet);
  if (!target) throw noSuchSheet(sheet);
  if (target.entry.size === 0) return;
  try {
    const { sharedStrings, styles } = layout;
    const strings =
      sharedStrings && sharedStrings.size > 0 ? await readSharedStrings(zipEntryChunks(path, sharedStrings)) : null;
    const numberStyles =
      styles && styles.size > 0 ? await readNumberStyles(zipEntryChunks(path, styles)) : NO_NUMBER_STYLES;
    const rows = sheetXmlRows(zipEntryChunks(path, target.entry), {
      strings,
      dateStyles: numberStyles.dates,
      percentStyles: numberStyles.percents,
      date1904: layout.date1904,
    });
    // Merges are for hand-made sheets; a machine export's (big) sheet is not read twice for them.
    const merges =
      target.entry.size <= MERGE_SCAN_MAX_BYTES ? await readVerticalMerges(zipEntryChunks(path, target.entry)) : [];
    yield* merges.length > 0 ? withMergedCells(rows, merges) : rows;
  } catch (error) {
    throw readFailure(error, path);
  }
}

function readFailure(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  const mapped = fileError(error, path);
  return mapped instanceof AppError ? mapped : unreadable(error instanceof Error ? error.message : String(error));
}
