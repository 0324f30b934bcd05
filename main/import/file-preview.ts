/**
 * What the wizard shows first for each sheet: its first rows, the header row, the record type and
 * a column mapping (a saved template when the headers match one, else suggested from headers and
 * values). Reads only the first rows of each sheet.
 */
import path from 'node:path';
import { isContactTarget, type ImportEntity } from '../../shared/domain/import-fields';
import { ColumnMapping, type ImportFile, type SheetPreview } from '../../shared/domain/imports';
import { sheetHeaders } from '../../shared/domain/sheet-headers';
import { listCustomFieldDefinitions } from '../db/repositories/custom-fields';
import type { Executor } from '../db/repositories/executor';
import { findTemplatesBySignature } from '../db/repositories/imports';
import type { CellValue } from '../spreadsheets/cell';
import type { SpreadsheetSource } from '../spreadsheets/source';
import { autoMap, labelColumnFor, templateSignatures } from './mapping/auto-map';
import { detectHeaderRow } from './mapping/header-row';
import { cellText } from './row-parser';
import { readMeta as readAppMeta } from '../db/repositories/app-meta';
import { META_SHEET, readMeta } from '../export/export-meta';

/** Where our xlsx writer keeps long drop-down lists. */
const LISTS_SHEET = '_lists';
import { dateColumnReading } from './values/dates';
import { parseNumberColumn } from './values/numbers';

const PREVIEW_ROWS = 30;
const SAMPLE_ROWS = 200;

/**
 * What the wizard shows of a column whatever it is mapped to: how its text dates and numbers read
 * (as its sample values show) and the column its header says holds its phones' kinds.
 */
export function columnReading(headers: readonly string[], samples: readonly CellValue[][], index: number) {
  const values = samples[index] ?? [];
  return {
    ...dateColumnReading(values),
    ...parseNumberColumn(values),
    headerLabelColumn: labelColumnFor(headers, index),
  };
}

/** A sheet's first `count` rows (empty ones included) and which of them Excel hides. */
async function firstRows(
  source: SpreadsheetSource,
  sheet: string,
  count: number,
): Promise<{ rows: CellValue[][]; hiddenRows: number[] }> {
  const rows: CellValue[][] = [];
  const hiddenRows: number[] = [];
  for await (const row of source.rows(sheet)) {
    if (row.index >= count) break;
    rows[row.index] = row.cells;
    if (row.hidden) hiddenRows.push(row.index);
  }
  return { rows: Array.from({ length: rows.length }, (_, index) => rows[index] ?? []), hiddenRows };
}

/**
 * A sheet's columns as a saved template (its stored mapping, as JSON) maps them. A template saved
 * before label columns were read has no `labelColumn`: its phones and e-mails take the label
 * column the headers show, as a fresh suggestion would.
 */
export function templateColumns(headers: readonly string[], mappingJson: string) {
  const mapping = new Map(
    (JSON.parse(mappingJson) as unknown[]).map((raw) => {
      const labelSaved = typeof raw === 'object' && raw !== null && 'labelColumn' in raw;
      const column = ColumnMapping.parse(raw);
      return [column.index, { column, labelSaved }];
    }),
  );
  return headers.map((header, index) => {
    const found = mapping.get(index);
    const targets = found?.column.targets ?? [];
    const suggestedLabel = targets.some(isContactTarget) ? labelColumnFor(headers, index) : null;
    return {
      index,
      header,
      targets,
      confidence: 'template' as const,
      labelColumn: found?.labelSaved ? found.column.labelColumn : suggestedLabel,
      addressLabel: found?.column.addressLabel ?? null,
    };
  });
}

const COMPANY_SHEET = /компани|организац|фирм|контрагент|compan|organi[sz]ation|accounts/i;

function guessEntity(sheetName: string, person: ReturnType<typeof autoMap>, company: ReturnType<typeof autoMap>) {
  if (COMPANY_SHEET.test(sheetName)) return 'company' as const;
  const personNames = person.filter((column) =>
    column.targets.some((target) => ['fullName', 'lastName', 'firstName'].includes(target)),
  ).length;
  const mapped = (columns: ReturnType<typeof autoMap>) => columns.filter((column) => column.targets.length > 0).length;
  if (personNames === 0 && mapped(company) > 0 && company.some((column) => column.targets.includes('name'))) {
    return 'company' as const;
  }
  return mapped(person) > 0 ? ('person' as const) : null;
}

export async function previewFile(
  db: Executor,
  source: SpreadsheetSource,
  sessionId: string,
  filePath: string,
): Promise<ImportFile> {
  const definitions = {
    person: await listCustomFieldDefinitions(db, 'person'),
    company: await listCustomFieldDefinitions(db, 'company'),
  };
  const sheets: SheetPreview[] = [];
  const infos = await source.sheets();
  const names = infos.map((sheet) => sheet.name);
  const meta = names.includes(META_SHEET) ? readMeta((await firstRows(source, META_SHEET, 100_000)).rows) : null;
  for (const { name, hidden = false } of infos) {
    if (name === META_SHEET || name === LISTS_SHEET) continue;
    const { rows, hiddenRows } = await firstRows(source, name, SAMPLE_ROWS);
    const headerRow = detectHeaderRow(rows.slice(0, PREVIEW_ROWS));
    const headers = sheetHeaders(
      rows.map((row) => row.map(cellText)),
      headerRow,
    );
    const body = rows.slice(headerRow + 1);
    const width = Math.max(headers.length, ...body.map((row) => row.length));
    while (headers.length < width) headers.push('');
    const samples = headers.map((_, column) => body.map((row) => row[column] ?? null));
    const suggest = (entity: ImportEntity) => autoMap({ entity, headers, samples, customFields: definitions[entity] });
    const person = suggest('person');
    const company = suggest('company');
    let entity: ImportEntity | null = guessEntity(name, person, company);
    let columns: Array<Omit<SheetPreview['columns'][number], keyof ReturnType<typeof columnReading>>> =
      entity === 'company' ? company : person;
    let template: SheetPreview['template'] = null;
    const saved = (await findTemplatesBySignature(db, templateSignatures(headers)))[0];
    if (saved) {
      entity = saved.entity;
      template = { id: saved.id, name: saved.name };
      columns = templateColumns(headers, saved.mapping);
    }
    const own = meta?.sheets.get(name);
    if (own) {
      // Our own workbook: the meta sheet says exactly what each column is.
      entity = own.entity;
      columns = headers.map((header, index) => ({
        index,
        header,
        targets: own.columns.has(index) ? [own.columns.get(index)!] : [],
        confidence: 'template' as const,
        labelColumn: null,
        addressLabel: null,
      }));
    }
    sheets.push({
      name,
      hidden,
      // A hidden sheet is imported only when the user gives it a record type (or names it).
      entity: hidden ? null : entity,
      likelyEntity: entity,
      rows: rows.slice(0, PREVIEW_ROWS).map((row) => row.map(cellText)),
      hiddenRows: hiddenRows.filter((index) => index < PREVIEW_ROWS),
      headerRow,
      template,
      columns: columns.map((column) => ({
        index: column.index,
        header: column.header,
        targets: column.targets,
        confidence: column.confidence,
        labelColumn: column.labelColumn,
        addressLabel: column.addressLabel,
        ...columnReading(headers, samples, column.index),
      })),
    });
  }
  return {
    sessionId,
    fileName: path.basename(filePath),
    format: source.format,
    csv: source.csv,
    sheets,
    createFields: meta?.fields ?? [],
    ownWorkbook: meta !== null,
    fromOtherDatabase:
      meta !== null && meta.databaseId !== null && meta.databaseId !== (await readAppMeta(db)).database_id,
  };
}
