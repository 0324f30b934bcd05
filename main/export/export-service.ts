/**
 * Writes people or companies to .xlsx or .csv: a list with its filter and columns, an "export for
 * editing" workbook (locked id column, drop-downs) that re-imports onto the same records, or the
 * whole database, one sheet per record type, that re-imports into an empty database.
 */
import { readMeta as readAppMeta } from '../db/repositories/app-meta';
import { sql } from 'kysely';
import { DatabaseExportRequest, ExportRequest, type ExportRequestInput } from '../../shared/domain/imports';
import type { CustomFieldDefinition } from '../../shared/domain/custom-fields';
import { contactChannels } from '../../shared/domain/people';
import {
  addressGroupOf,
  customFieldTarget,
  EXPORTED_ADDRESS_GROUPS,
  type ImportEntity,
} from '../../shared/domain/import-fields';
import { mostAddresses } from '../db/repositories/addresses';
import { listCustomFieldDefinitions } from '../db/repositories/custom-fields';
import type { Executor } from '../db/repositories/executor';
import { listUsers } from '../db/repositories/users';
import { bulkTargetWhere, resolveBulkTarget } from '../services/bulk-service';
import { companiesListOrder } from '../services/lists/companies-list-service';
import { idsInListOrder, type ListOrder } from '../services/lists/list-sorts';
import { peopleListOrder } from '../services/lists/people-list-service';
import type { ServiceEnv } from '../services/service-env';
import { recordAdapters } from '../import/entities/record-adapters';
import type { FlatValue } from '../import/flat-record';
import { createCsvWriter } from '../spreadsheets/csv-writer';
import { checkOutputTarget } from '../spreadsheets/output-file';
import type { ExportColumn, TableWriter } from '../spreadsheets/table-writer';
import { createXlsxWriter } from '../spreadsheets/xlsx-writer';
import { addressKindLabel, addressKindLabels, fieldLabel } from './field-labels';
import { META_SHEET, metaRows } from './export-meta';

const BATCH = 1000;
const sheetNames = { person: { ru: 'Люди', en: 'People' }, company: { ru: 'Компании', en: 'Companies' } };

/** Every exportable field of a record type: the import field list without input-only ones. */
function allFields(entity: ImportEntity, definitions: CustomFieldDefinition[]): string[] {
  const fields = recordAdapters[entity].fields.map((field) => field.key).filter((key) => key !== 'fullName');
  return [...fields, ...definitions.map((definition) => customFieldTarget(definition.key))];
}

/**
 * The fields a full export writes: every one, but of the address groups only as many as some record
 * fills (at least three, room to add addresses in the workbook), not ten groups of empty columns.
 */
async function exportedFields(db: Executor, entity: ImportEntity, definitions: CustomFieldDefinition[]) {
  const groups = Math.max(
    EXPORTED_ADDRESS_GROUPS,
    await mostAddresses(db, entity === 'person' ? 'people' : 'companies'),
  );
  return allFields(entity, definitions).filter((key) => addressGroupOf(key) < groups);
}

function columnFor(
  key: string,
  entity: ImportEntity,
  definitions: CustomFieldDefinition[],
  choices: { owners: string[] },
  request: Pick<ExportRequest, 'forEditing' | 'language'>,
): ExportColumn {
  const definition = definitions.find((item) => customFieldTarget(item.key) === key);
  const spec = recordAdapters[entity].fields.find((field) => field.key === key);
  const header = definition ? definition.label : fieldLabel(key, request.language);
  const column: ExportColumn = { key, header, type: 'text' };
  if (definition) {
    if (definition.type === 'number') column.type = 'number';
    if (definition.type === 'date') column.type = 'date';
    if (definition.type === 'checkbox') column.type = 'boolean';
    if (definition.type === 'select' && request.forEditing) column.choices = definition.options;
  } else if (spec) {
    if (spec.kind === 'date') column.type = 'date';
    if (spec.kind === 'datetime') column.type = 'datetime';
    if (spec.kind === 'consent') column.type = 'boolean';
    if (spec.kind === 'id') column.type = 'integer';
    if (key === 'id' && request.forEditing) column.hidden = true;
    if (request.forEditing && spec.kind === 'owner') column.choices = choices.owners;
    if (request.forEditing && spec.kind === 'channel') column.choices = [...contactChannels];
    if (request.forEditing && spec.kind === 'addressLabel') column.choices = addressKindLabels(request.language);
  }
  return column;
}

const cellOf = (value: FlatValue) => (Array.isArray(value) ? (value.length === 0 ? null : value.join(', ')) : value);

/** What a sheet of records came out as: its rows, and the sheets they fill (more than one past Excel's limit). */
type WrittenSheet = { rows: number; sheets: string[] };

/**
 * Writes the records as one sheet; past the rows a sheet holds (1,048,575 in Excel), the rest go
 * on into «Люди (2)», «Люди (3)»... with the same header, so a base of any size exports whole.
 */
async function writeSheet(
  db: Executor,
  writer: TableWriter,
  entity: ImportEntity,
  idBatches: AsyncIterable<number[]>,
  columns: string[],
  definitions: CustomFieldDefinition[],
  request: Pick<ExportRequest, 'forEditing' | 'language'>,
): Promise<WrittenSheet> {
  const owners = (await listUsers(db)).map((user) => user.display_name);
  const exportColumns = columns.map((key) => columnFor(key, entity, definitions, { owners }, request));
  const name = sheetNames[entity][request.language];
  const sheets = [await writer.addSheet(name, exportColumns)];
  // An address's kind in the workbook's language ("Домашний"), not its key.
  const kinds = new Set(
    columns.flatMap((key, index) =>
      recordAdapters[entity].fields.find((field) => field.key === key)?.kind === 'addressLabel' ? [index] : [],
    ),
  );
  const cellAt = (value: FlatValue, index: number) =>
    kinds.has(index) && typeof value === 'string' ? addressKindLabel(value, request.language) : cellOf(value);
  let rows = 0;
  let rowsInSheet = 0;
  for await (const chunk of idBatches) {
    const loaded = await recordAdapters[entity].loadColumns(db, chunk, columns, definitions);
    for (const id of chunk) {
      const values = loaded.get(id);
      if (!values) continue;
      if (rowsInSheet === writer.rowsPerSheet) {
        sheets.push(await writer.addSheet(name, exportColumns));
        rowsInSheet = 0;
      }
      await writer.addRow(values.map(cellAt));
      rows += 1;
      rowsInSheet += 1;
    }
  }
  return { rows, sheets };
}

function openWriter(request: Pick<ExportRequest, 'format' | 'forEditing' | 'path'>): TableWriter {
  return request.format.kind === 'xlsx'
    ? createXlsxWriter(request.path, { protectIdColumn: request.forEditing })
    : createCsvWriter(request.path, { encoding: request.format.encoding });
}

/**
 * Live records' ids in id order, a batch at a time: reading them all first made a million row
 * objects at once, the export's memory peak (~100 MB at 1,000,000 people).
 */
async function* liveIdBatches(db: Executor, entity: ImportEntity): AsyncGenerator<number[]> {
  const live = entity === 'person' ? sql`deleted_at IS NULL AND erased_at IS NULL` : sql`deleted_at IS NULL`;
  let after = 0;
  for (;;) {
    const { rows } = await sql<{ id: number }>`
      SELECT id FROM ${sql.table(entity === 'person' ? 'people' : 'companies')}
       WHERE ${live} AND id > ${after} ORDER BY id LIMIT ${BATCH}`.execute(db);
    const ids = rows.map((row) => row.id);
    if (ids.length > 0) yield ids;
    if (ids.length < BATCH) return;
    after = ids[ids.length - 1]!;
  }
}

/** A list of ids (a filter's or a selection's) in batches. */
async function* batchesOf(ids: readonly number[]): AsyncGenerator<number[]> {
  for (let start = 0; start < ids.length; start += BATCH) yield ids.slice(start, start + BATCH);
}

const listOrders = { person: peopleListOrder, company: companiesListOrder } satisfies Record<ImportEntity, ListOrder>;

/** The ids to export, a batch at a time: in the list's order when it has one, else in id order. */
async function exportedIds(
  db: Executor,
  request: ExportRequest,
  definitions: CustomFieldDefinition[],
  env: ServiceEnv,
): Promise<AsyncGenerator<number[]>> {
  if (request.sort !== null) {
    const where = await bulkTargetWhere(db, request.entity, request.target, env);
    const order = listOrders[request.entity];
    return batchesOf(
      await idsInListOrder(db, order, where, request.sort, definitions, { everyRecord: request.target === null }),
    );
  }
  return request.target === null
    ? liveIdBatches(db, request.entity)
    : batchesOf(await resolveBulkTarget(db, request.entity, request.target, env));
}

export async function exportRecords(
  db: Executor,
  input: ExportRequestInput,
  env: ServiceEnv,
): Promise<{ rows: number; unencodable: number }> {
  const request = ExportRequest.parse(input);
  const definitions = await listCustomFieldDefinitions(db, request.entity);
  const ids = await exportedIds(db, request, definitions, env);
  const fields = allFields(request.entity, definitions);
  const columns =
    request.columns?.filter((key) => fields.includes(key)) ?? (await exportedFields(db, request.entity, definitions));
  if (request.forEditing && !columns.includes('id')) columns.unshift('id');
  checkOutputTarget(request.path, request.format.kind === 'xlsx' ? ['.xlsx'] : ['.csv', '.txt'], request.replace);
  const writer = openWriter(request);
  try {
    const { rows, sheets } = await writeSheet(db, writer, request.entity, ids, columns, definitions, request);
    if (request.forEditing && request.format.kind === 'xlsx') {
      const entity = request.entity;
      await writeMeta(
        db,
        writer,
        sheets.map((sheet) => ({ entity, sheet, columns })),
        { [entity]: definitions },
      );
    }
    const { unencodable = 0 } = await writer.close();
    return { rows, unencodable };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** Companies, then people, then the sheet that tells the importer what every column is. */
export async function exportDatabase(
  db: Executor,
  input: DatabaseExportRequest,
): Promise<{ rows: number; unencodable: number }> {
  const request = DatabaseExportRequest.parse(input);
  checkOutputTarget(request.path, ['.xlsx'], request.replace);
  const writer = createXlsxWriter(request.path, { protectIdColumn: false });
  const options = { forEditing: false, language: request.language };
  try {
    const sheets = [];
    let rows = 0;
    const definitions = {} as Record<ImportEntity, CustomFieldDefinition[]>;
    for (const entity of ['company', 'person'] as const) {
      definitions[entity] = await listCustomFieldDefinitions(db, entity);
      const columns = await exportedFields(db, entity, definitions[entity]);
      const written = await writeSheet(
        db,
        writer,
        entity,
        liveIdBatches(db, entity),
        columns,
        definitions[entity],
        options,
      );
      rows += written.rows;
      sheets.push(...written.sheets.map((sheet) => ({ entity, sheet, columns })));
    }
    await writeMeta(db, writer, sheets, definitions);
    await writer.close();
    // An .xlsx holds every character.
    return { rows, unencodable: 0 };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

async function writeMeta(
  db: Executor,
  writer: TableWriter,
  sheets: Array<{ entity: ImportEntity; sheet: string; columns: string[] }>,
  definitions: Partial<Record<ImportEntity, CustomFieldDefinition[]>>,
): Promise<void> {
  const { database_id: databaseId = null } = await readAppMeta(db);
  await writer.addSheet(
    META_SHEET,
    [
      { key: 'kind', header: 'kind', type: 'text' },
      { key: 'a', header: 'a', type: 'text' },
      { key: 'b', header: 'b', type: 'text' },
      { key: 'c', header: 'c', type: 'text' },
      { key: 'd', header: 'd', type: 'text' },
      { key: 'e', header: 'e', type: 'text' },
    ],
    // What every column is: edited by hand, the workbook would no longer read back.
    { hidden: true },
  );
  for (const row of metaRows(sheets, definitions, databaseId)) await writer.addRow(row);
}
