import { encodeWindows1251 } from './encoding';
import type { CellValue } from './cell';
import { neutraliseFormula } from './formula-guard';
import { openOutputFile } from './output-file';
import {
  formatWallClock,
  isUtcMidnight,
  minorToDecimal,
  toWallClock,
  type ExportColumn,
  type TableWriter,
} from './table-writer';

/**
 * CSV for Excel. Two profiles, chosen by the delimiter because that is what tells Excel's
 * locale apart:
 * - `;` (default for windows-1251): the Russian/European Excel locale — decimal comma,
 *   dates `dd.mm.yyyy`, datetimes `dd.mm.yyyy HH:MM:SS`, which that Excel (old versions
 *   included) reads as real dates and numbers.
 * - `,` (default for UTF-8): decimal point, ISO dates `yyyy-mm-dd` and `yyyy-mm-dd HH:MM:SS`,
 *   which Excel in any locale, LibreOffice and other programs all parse.
 * Money is a plain number with two decimals (minor units / 100), no currency sign. Booleans
 * are `1`/`0`: locale-neutral (Excel's TRUE/FALSE words are translated per locale, ИСТИНА/ЛОЖЬ)
 * and easy to re-import; callers wanting words pass them as text. Text is formula-guarded with
 * the strict CSV rule (see formula-guard.ts). Rows end with CRLF, as Excel writes them.
 */
export type CsvOptions = { encoding: 'utf-8' | 'windows-1251'; delimiter?: ',' | ';' };

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CHUNK_CHARS = 64 * 1024;

export function createCsvWriter(path: string, options: CsvOptions): TableWriter {
  const delimiter = options.delimiter ?? (options.encoding === 'utf-8' ? ',' : ';');
  const european = delimiter === ';';
  const output = openOutputFile(path);
  const file = output.stream;
  let failure: Error | null = null;
  file.on('error', (error) => (failure ??= error));

  let columns: ExportColumn[] | null = null;
  let pending = '';
  let rows = 0;
  let state: 'open' | 'closing' | 'closed' | 'aborted' = 'open';

  const assertWritable = () => {
    if (state !== 'open') throw new Error(`csv writer is ${state}`);
    if (failure) throw failure;
  };

  let unencodable = 0;
  const questionMarks = (text: string) => text.split('?').length - 1;
  const encode = (text: string): Buffer => {
    if (options.encoding === 'utf-8') return Buffer.from(text, 'utf8');
    const bytes = encodeWindows1251(text);
    // Counted, so the user hears what the file lost (emoji, "½", letters of other scripts).
    unencodable += bytes.filter((byte) => byte === 0x3f).length - questionMarks(text);
    return bytes;
  };

  /** Writes what has piled up, waiting for 'drain' when the file stream is full. */
  const flush = async () => {
    if (pending === '') return;
    const chunk = encode(pending);
    pending = '';
    if (!file.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        file.once('error', onError);
        file.once('drain', () => {
          file.off('error', onError);
          resolve();
        });
      });
    }
    if (failure) throw failure;
  };

  const field = (column: ExportColumn | undefined, value: CellValue): string => {
    const text = formatCell(column, value, european);
    const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || /^\s|\s$/.test(text);
    return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
  };

  const line = (cells: CellValue[], cols: ExportColumn[]) => {
    const width = Math.max(cols.length, cells.length);
    const parts: string[] = [];
    for (let i = 0; i < width; i++) parts.push(field(cols[i], cells[i] ?? null));
    pending += `${parts.join(delimiter)}\r\n`;
  };

  const removeFile = async () => {
    if (!file.closed) {
      const closed = new Promise<void>((resolve) => file.once('close', () => resolve()));
      file.destroy();
      await closed;
    }
    await output.discard();
  };

  return {
    rowsPerSheet: Number.POSITIVE_INFINITY,

    async addSheet(name, sheetColumns) {
      assertWritable();
      if (columns) throw new Error('A CSV file holds exactly one sheet');
      columns = sheetColumns;
      if (options.encoding === 'utf-8') file.write(BOM);
      line(
        sheetColumns.map((c) => c.header),
        sheetColumns.map((c) => ({ ...c, type: 'text' })),
      );
      await flush();
      return name;
    },

    async addRow(cells) {
      assertWritable();
      if (!columns) throw new Error('addSheet must be called before addRow');
      line(cells, columns);
      rows++;
      if (pending.length >= CHUNK_CHARS) await flush();
    },

    async close() {
      assertWritable();
      try {
        if (!columns && options.encoding === 'utf-8') file.write(BOM); // no sheet: an empty file
        await flush();
        state = 'closing';
        await new Promise<void>((resolve, reject) => {
          file.once('error', reject);
          file.end(() => resolve());
        });
        if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
        if (failure) throw failure;
        await output.commit();
        state = 'closed';
      } catch (error) {
        state = 'aborted';
        await removeFile();
        throw error;
      }
      return { rows, unencodable };
    },

    async abort() {
      if (state === 'aborted' || state === 'closed') return; // a finished file is kept
      state = 'aborted';
      await removeFile();
    },
  };
}

/** One field's text before quoting, following the profile described above. */
/**
 * A number as text no reader takes for another: without an exponent (1e-7 is "0.0000001"), and
 * never with exactly three decimals, which read as thousands in a list of amounts ("2,125" is
 * 2125 to Excel in English and to our import): 2.125 is written "2.1250".
 */
function numberText(value: number): string {
  const text = /e/i.test(String(value)) ? value.toFixed(20).replace(/\.?0+$/, '') : String(value);
  return /\.\d{3}$/.test(text) ? `${text}0` : text;
}

function formatCell(column: ExportColumn | undefined, value: CellValue, european: boolean): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const decimal = (text: string) => (european ? text.replace('.', ',') : text);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return decimal(column?.type === 'money' ? minorToDecimal(value) : numberText(value));
  }
  const type = column?.type;
  const kind = type === 'date' || type === 'datetime' ? type : undefined;
  const date =
    value instanceof Date
      ? toWallClock(value, kind ?? (isUtcMidnight(value) ? 'date' : 'datetime'))
      : kind
        ? toWallClock(value, kind)
        : null;
  if (date) {
    const dateOnly = kind ? kind === 'date' : isUtcMidnight(date);
    const pattern = european ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
    return formatWallClock(date, dateOnly ? pattern : `${pattern} HH:MM:SS`);
  }
  return value instanceof Date ? '' : neutraliseFormula(value);
}
