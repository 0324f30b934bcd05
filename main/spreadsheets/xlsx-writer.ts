import { setTimeout as delay } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { CellValue } from './cell';
import { neutraliseXlsxText } from './formula-guard';
import { openOutputFile } from './output-file';
import { isUtcMidnight, toWallClock, type ExportColumn, type TableWriter } from './table-writer';

const WIDTH_SAMPLE_ROWS = 100;
const MAX_TEXT = 32_767; // Excel's limit for one cell
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Drop-downs also cover this many empty rows below the data, for records added by hand. */
const VALIDATION_SLACK_ROWS = 1_000;
/** Inline list validations are limited to 255 characters; longer lists go to a hidden sheet. */
const MAX_INLINE_LIST = 255;
const LISTS_SHEET = '_lists';
const MAX_PENDING_BYTES = 8 * 1024 * 1024;
const CHECK_EVERY_ROWS = 256;

/**
 * What exceljs's streaming WorksheetWriter really offers; its typings claim the full Worksheet,
 * but e.g. `views` is read-only (pass it to addWorksheet) and `columns` must be set before the
 * first row is committed, because the `<cols>` element is written with it.
 */
type SheetWriter = {
  columns: Partial<ExcelJS.Column>[];
  /** The row's own style object is `style` (the typings spread its fields onto the row). */
  addRow(values: ExcelJS.CellValue[]): ExcelJS.Row & { style: Partial<ExcelJS.Style> };
  autoFilter: string | null;
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
  protect(password: string, options: Partial<ExcelJS.WorksheetProtection>): Promise<void>;
  commit(): void;
  /** Internal: the parts commit() writes after the rows, in its order (see withExcelElementOrder). */
  _writeAutoFilter(): void;
  _writeSheetProtection(): void;
  /** Internal: a StreamBuf piped (without backpressure) into archiver's PassThrough. */
  stream: { pipes?: PassThroughState[] };
};
/** archiver's PassThrough comes from readable-stream 2, which lacks writableLength/readableLength. */
type PassThroughState = { _writableState?: { length: number }; _readableState?: { length: number } };
type BookWriter = {
  addWorksheet(name: string, options?: Partial<ExcelJS.AddWorksheetOptions> & { state?: string }): unknown;
  commit(): Promise<void>;
  zip: { abort(): void; on(event: 'error', listener: (error: Error) => void): void };
};

type Kind = 'text' | 'number' | 'integer' | 'money' | 'general' | 'date' | 'datetime' | 'boolean';
type Plan = { column: ExportColumn; letter: string; styles: Map<Kind, Partial<ExcelJS.Style>>; list?: string };
type OpenSheet = { ws: SheetWriter; plans: Plan[]; buffered: CellValue[][] | null; lastRow: number };

const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } };
/**
 * Data rows have no style of their own. exceljs gives every row a fresh `{}` and looks each one up
 * by rendering it to XML; one shared object is found in its by-identity cache instead.
 */
const NO_ROW_STYLE: Partial<ExcelJS.Style> = Object.freeze({});
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  deleteRows: true,
  sort: true,
  autoFilter: true,
};

/**
 * exceljs 4.4's streaming writer puts <sheetProtection> after <autoFilter> and <dataValidations>;
 * the schema (and Excel, which offers to "repair" such a file) wants it right after <sheetData>.
 * Written before the autofilter instead, by this sheet's commit.
 */
function withExcelElementOrder(ws: SheetWriter): void {
  const writeAutoFilter = ws._writeAutoFilter.bind(ws);
  const writeProtection = ws._writeSheetProtection.bind(ws);
  ws._writeAutoFilter = () => {
    writeProtection();
    writeAutoFilter();
  };
  ws._writeSheetProtection = () => undefined;
}

/**
 * `rowsPerSheet`: the rows below a header callers should put on one sheet before starting the next;
 * fewer than Excel's limit only in tests of what fills a sheet, never more.
 */
export function createXlsxWriter(
  path: string,
  options: { protectIdColumn?: boolean; rowsPerSheet?: number } = {},
): TableWriter {
  const protect = options.protectIdColumn === true;
  const rowsPerSheet = Math.min(options.rowsPerSheet ?? MAX_ROWS - 1, MAX_ROWS - 1);
  const output = openOutputFile(path);
  const file = output.stream;
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: file,
    useSharedStrings: false,
    useStyles: true,
  }) as unknown as BookWriter;
  let failure: Error | null = null;
  const fail = (error: Error) => (failure ??= error);
  file.on('error', fail);
  book.zip.on('error', fail);

  const takenNames = new Set([LISTS_SHEET]);
  const lists: string[][] = [];
  let sheet: OpenSheet | null = null;
  let sheetCount = 0;
  let rows = 0;
  let state: 'open' | 'closing' | 'closed' | 'aborted' = 'open';
  // abort() during close(): archiver never finishes a destroyed file, so close() must stop waiting.
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => (onAbort = () => reject(new Error('xlsx writer is aborted'))));
  aborted.catch(() => {});

  const assertWritable = () => {
    if (state !== 'open') throw new Error(`xlsx writer is ${state}`);
    if (failure) throw failure;
  };

  /** The StreamBuf ignores backpressure, so wait here until archiver has caught up. */
  const settle = async (ws: SheetWriter) => {
    const pass = ws.stream.pipes?.[0];
    const writable = pass?._writableState;
    const readable = pass?._readableState;
    if (!writable || !readable) return void (await delay(0)); // can't measure: at least let I/O run
    const pending = () => writable.length + readable.length;
    while (pending() > MAX_PENDING_BYTES && !failure && state === 'open') await delay(2);
    if (failure) throw failure;
  };

  const planColumn = (column: ExportColumn, index: number): Plan => {
    const plan: Plan = { column, letter: columnLetter(index + 1), styles: new Map() };
    const choices = [...new Set((column.choices ?? []).filter((c) => c !== '').map(neutraliseXlsxText))];
    if (choices.length === 0) return plan;
    const inline = `"${choices.join(',')}"`;
    if (inline.length <= MAX_INLINE_LIST && !choices.some((c) => c.includes(',') || c.includes('"'))) {
      plan.list = inline;
    } else {
      lists.push(choices);
      plan.list = `'${LISTS_SHEET}'!$${columnLetter(lists.length)}$1:$${columnLetter(lists.length)}$${choices.length}`;
    }
    return plan;
  };

  const styleOf = (plan: Plan, kind: Kind): Partial<ExcelJS.Style> => {
    let style = plan.styles.get(kind);
    if (!style) {
      // One shared object per column and kind: exceljs caches style ids by object identity.
      style = {};
      const numFmt = numberFormat(kind, plan.column.currency);
      if (numFmt) style.numFmt = numFmt;
      if (protect && !plan.column.hidden) style.protection = { locked: false };
      plan.styles.set(kind, style);
    }
    return style;
  };

  const writeRow = (open: OpenSheet, cells: CellValue[]) => {
    if (open.lastRow >= MAX_ROWS) throw new RangeError(`An xlsx sheet holds at most ${MAX_ROWS} rows`);
    const row = open.ws.addRow([]);
    row.style = NO_ROW_STYLE;
    open.lastRow = row.number;
    open.plans.forEach((plan, i) => {
      const cell = toCell(plan.column, cells[i] ?? null);
      if (!cell) return;
      const target = row.getCell(i + 1);
      target.value = cell.value;
      target.style = styleOf(plan, cell.kind);
    });
    row.commit();
  };

  /** Widths need the first rows, and exceljs writes `<cols>` with the first committed row. */
  const flushBuffered = async (open: OpenSheet) => {
    const buffered = open.buffered;
    if (!buffered) return;
    open.buffered = null;
    open.ws.columns = open.plans.map((plan, i) => ({
      width:
        plan.column.width ??
        estimateWidth(
          plan.column,
          buffered.map((cells) => cells[i] ?? null),
        ),
      hidden: plan.column.hidden === true,
      style: styleOf(plan, kindOfColumn(plan.column)),
    }));
    const header = open.ws.addRow(open.plans.map((plan) => neutraliseXlsxText(plan.column.header)));
    header.eachCell((cell) => (cell.style = HEADER_STYLE));
    header.commit();
    open.lastRow = 1;
    for (const cells of buffered) writeRow(open, cells);
    await settle(open.ws);
  };

  const finishSheet = async (open: OpenSheet) => {
    await flushBuffered(open);
    const { ws, plans, lastRow } = open;
    const last = plans.at(-1);
    if (last) ws.autoFilter = `A1:${last.letter}${lastRow}`;
    const validated = Math.min(MAX_ROWS, lastRow + VALIDATION_SLACK_ROWS);
    for (const plan of plans) {
      if (!plan.list) continue;
      ws.dataValidations.add(`${plan.letter}2:${plan.letter}${validated}`, {
        type: 'list',
        allowBlank: true,
        formulae: [plan.list],
        showErrorMessage: true,
      });
    }
    if (protect) await ws.protect('', PROTECTION);
    withExcelElementOrder(ws);
    ws.commit();
  };

  const addListsSheet = async () => {
    const ws = book.addWorksheet(LISTS_SHEET, { state: 'hidden' }) as SheetWriter;
    const height = Math.max(...lists.map((list) => list.length));
    for (let r = 0; r < height; r++) ws.addRow(lists.map((list) => list[r] ?? null)).commit();
    if (protect) await ws.protect('', PROTECTION);
    withExcelElementOrder(ws);
    ws.commit();
  };

  const removeFile = async () => {
    book.zip.abort();
    if (!file.closed) {
      const closed = new Promise<void>((resolve) => file.once('close', () => resolve()));
      file.destroy();
      await closed;
    }
    await output.discard();
  };

  return {
    rowsPerSheet,

    async addSheet(name, columns, options = {}) {
      assertWritable();
      if (columns.length > MAX_COLUMNS) throw new RangeError(`An xlsx sheet holds at most ${MAX_COLUMNS} columns`);
      if (sheet) await finishSheet(sheet);
      const given = safeSheetName(name, takenNames);
      const ws = book.addWorksheet(given, {
        views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
        ...(options.hidden ? { state: 'hidden' } : {}),
      }) as SheetWriter;
      sheet = { ws, plans: columns.map(planColumn), buffered: [], lastRow: 0 };
      sheetCount++;
      return given;
    },

    async addRow(cells) {
      assertWritable();
      if (!sheet) throw new Error('addSheet must be called before addRow');
      if (sheet.buffered) {
        sheet.buffered.push(cells.slice());
        rows++;
        if (sheet.buffered.length >= WIDTH_SAMPLE_ROWS) await flushBuffered(sheet);
        return;
      }
      writeRow(sheet, cells);
      rows++;
      if (rows % CHECK_EVERY_ROWS === 0) await settle(sheet.ws);
    },

    async close() {
      assertWritable();
      try {
        if (sheetCount === 0) await this.addSheet('Sheet1', []);
        if (sheet) await finishSheet(sheet);
        if (lists.length > 0) await addListsSheet();
        state = 'closing';
        await Promise.race([book.commit(), aborted]);
        if (!file.closed)
          await Promise.race([new Promise<void>((resolve) => file.once('close', () => resolve())), aborted]);
        if (failure) throw failure;
        await output.commit();
        state = 'closed';
      } catch (error) {
        state = 'aborted';
        await removeFile();
        throw error;
      }
      return { rows };
    },

    async abort() {
      if (state === 'aborted' || state === 'closed') return; // a finished file is kept
      state = 'aborted';
      onAbort();
      await removeFile();
    },
  };
}

function kindOfColumn(column: ExportColumn): Kind {
  return column.type === 'boolean' ? 'general' : column.type;
}

function numberFormat(kind: Kind, currency: string | undefined): string | undefined {
  switch (kind) {
    case 'text':
      return '@'; // text typed into the column later stays text (phones, leading zeros)
    case 'number':
      return '#,##0.00';
    case 'integer':
      return '#,##0';
    case 'money':
      return moneyFormat(currency);
    case 'date':
      return 'dd.mm.yyyy';
    case 'datetime':
      return 'dd.mm.yyyy hh:mm';
    default:
      return undefined;
  }
}

/** RUB → `#,##0.00 "₽"`, USD → `"$"#,##0.00`, EUR → `#,##0.00 "€"`, others → `#,##0.00 "CODE"`. */
export function moneyFormat(currency: string | undefined): string {
  const code = (currency ?? '').toUpperCase().replace(/[^A-Z]/g, '');
  if (code === '') return '#,##0.00';
  if (code === 'USD') return '"$"#,##0.00';
  const symbol = code === 'RUB' ? '₽' : code === 'EUR' ? '€' : code;
  return `#,##0.00 "${symbol}"`;
}

/** A cell's value as written and which style it gets; null for an empty cell. */
function toCell(column: ExportColumn, value: CellValue): { value: ExcelJS.CellValue; kind: Kind } | null {
  if (value === null || value === '') return null;
  if (typeof value === 'boolean') return { value, kind: 'boolean' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    if (column.type === 'money') return { value: value / 100, kind: 'money' };
    if (column.type === 'number' || column.type === 'integer') return { value, kind: column.type };
    return { value, kind: 'general' };
  }
  const kind = column.type === 'date' || column.type === 'datetime' ? column.type : undefined;
  if (value instanceof Date) {
    const dateKind = kind ?? (isUtcMidnight(value) ? 'date' : 'datetime');
    const date = toWallClock(value, dateKind);
    return date ? { value: date, kind: dateKind } : null;
  }
  const date = kind ? toWallClock(value, kind) : null;
  if (date && kind) return { value: date, kind };
  return { value: neutraliseXlsxText(value).slice(0, MAX_TEXT), kind: 'text' };
}

/** Characters a value takes on screen, roughly, as formatted by numberFormat. */
function displayLength(column: ExportColumn, value: CellValue): number {
  const cell = toCell(column, value);
  if (!cell) return 0;
  const v = cell.value;
  if (typeof v === 'number') {
    const decimals = cell.kind === 'money' || cell.kind === 'number' ? 2 : 0;
    const digits = Math.abs(v).toFixed(decimals).length;
    const groups = Math.floor((Math.max(1, Math.abs(Math.trunc(v)).toString().length) - 1) / 3);
    return digits + groups + (v < 0 ? 1 : 0) + (cell.kind === 'money' ? 4 : 0);
  }
  if (v instanceof Date) return cell.kind === 'date' ? 10 : 16;
  if (typeof v === 'boolean') return 5;
  return Math.max(
    ...String(v)
      .split(/\r?\n/)
      .map((line) => line.length),
  );
}

/** Header (plus room for the filter button) vs. the sampled rows, clamped to 8..60. */
function estimateWidth(column: ExportColumn, sample: CellValue[]): number {
  let widest = column.header.length + 3;
  for (const value of sample) widest = Math.max(widest, displayLength(column, value) + 1);
  return Math.min(60, Math.max(8, widest));
}

export function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** Excel's rules: ≤ 31 characters, none of []:*?/\, no apostrophe at either end, unique ignoring case. */
export function safeSheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]|\p{Cc}/gu, '_').trim();
  base = base.replace(/^'+|'+$/g, '') || 'Sheet';
  if (base.toLowerCase() === 'history') base += '_'; // reserved by Excel
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const candidate = truncate(base, 31 - suffix.length).replace(/'+$/, '') + suffix;
    if (!taken.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}
