import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { SheetRow } from './cell';
import { openCsv } from './csv-source';
import { isEncryptedOoxml, readHead, sniffKind } from './sniff';
import { openVcard } from './vcard-source';
import { openXlsx } from './xlsx-source';

export type { CellValue, SheetRow } from './cell';

export type SpreadsheetFormat = 'xlsx' | 'csv' | 'vcard';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';
export type CsvSettings = { encoding: TextEncoding; delimiter: string };
/** A sheet of the file; `hidden`: Excel hides it (an archive, a lookup list), so it isn't suggested for import. */
export type SheetInfo = { name: string; hidden?: boolean };

/**
 * A spreadsheet file opened for reading. Opening reads only the head of the file (and, for xlsx,
 * the zip directory and workbook.xml); rows are streamed from disk on every `rows()` call.
 *
 * Rows without a single non-empty cell are skipped, but `index` always stays the row's real
 * position in the sheet (for CSV the record number, for vCard 0 is the header and 1… the cards).
 */
export interface SpreadsheetSource {
  readonly format: SpreadsheetFormat;
  /** For csv/txt: what was detected (or given); null for other formats. */
  readonly csv: CsvSettings | null;
  /** csv/vcard: one sheet named after the file without extension. */
  sheets(): Promise<SheetInfo[]>;
  /** Streams one sheet's rows in order; must not load a whole xlsx into memory. Breaking out of the loop early must release the file (no leaked streams / fds). */
  rows(sheet: string): AsyncIterable<SheetRow>;
  /**
   * The file a worker thread should read this sheet from, when the sheet is big enough to be worth
   * one (xlsx only); null or absent: read it on the calling thread.
   */
  workerPath?(sheet: string): string | null;
}

const SAVE_AS_HINT = 'Open it in Excel and save it as .xlsx (Excel Workbook) or .csv, then import that file.';

export async function openSpreadsheet(filePath: string, csv?: Partial<CsvSettings>): Promise<SpreadsheetSource> {
  const head = await readHead(filePath);
  const extension = path.extname(filePath);
  const sheetName = path.basename(filePath, extension);
  switch (sniffKind(head.bytes, extension)) {
    case 'zip':
      return openXlsx(filePath);
    case 'ole2':
      if (await isEncryptedOoxml(filePath, head.bytes)) {
        throw new AppError(
          'NotSupported',
          'This workbook is password-protected. Remove the password in Excel (File → Info → Protect Workbook) or save it as .csv, then import that file.',
          { reason: 'encrypted' },
        );
      }
      throw new AppError('NotSupported', `Old Excel 97–2003 (.xls) files can't be imported. ${SAVE_AS_HINT}`, {
        reason: 'xls',
      });
    case 'legacy-excel-text':
      throw new AppError(
        'NotSupported',
        `This file is a web page or an Excel 2003 XML sheet saved with an Excel extension. ${SAVE_AS_HINT}`,
        { reason: 'xls' },
      );
    case 'binary':
      throw new AppError('InvalidInput', 'This file is not a spreadsheet. Choose an .xlsx, .csv or .vcf file.', {
        reason: 'unreadable',
      });
    case 'vcard':
      return openVcard(filePath, sheetName, head);
    case 'text':
      return openCsv(filePath, sheetName, head, csv);
  }
}
