/**
 * Spreadsheet import as the wizard and the CLI drive it: open a file (preview and suggested
 * mapping), dry-run a setup, run it all-or-nothing in one transaction, and undo it later.
 */
import { journalCreatedItems, lastItemIds, removeUnusedCreatedItems } from '../db/repositories/import-created-items';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import { AppError } from '../../shared/errors';
import { customFieldTarget, importFieldsOf, type ImportEntity } from '../../shared/domain/import-fields';
import { sheetHeaders } from '../../shared/domain/sheet-headers';
import {
  ImportSetup,
  ImportSummary,
  type DryRunResult,
  type DryRunRows,
  type ImportFile,
  type ImportFileRequest,
  type ImportHistoryItem,
  type ImportReport,
  type ImportSetupInput,
  type SheetSetupInput,
  type SuggestColumnsRequestInput,
  type SuggestColumnsResult,
  type UndoConflict,
  type UndoImportResult,
  ownWorkbookOptions,
} from '../../shared/domain/imports';
import type { AppDb } from '../db/kysely';
import type { Executor } from '../db/repositories/executor';
import {
  findImport,
  finishImport,
  forgetImportSnapshots,
  importedRecordStates,
  insertImport,
  listImports,
  markImportUndone,
  findTemplatesBySignature,
  saveTemplate,
} from '../db/repositories/imports';
import { deleteRecords, restoreRecordSnapshot, type RecordSnapshot } from '../db/repositories/record-snapshot';
import { reindexCompanies, reindexPeople } from '../db/search-index';
import { runImportEngine } from '../import/import-engine';
import { columnReading, previewFile, templateColumns } from '../import/file-preview';
import { autoMap, headerSignature, templateSignatures } from '../import/mapping/auto-map';
import { listCustomFieldDefinitions } from '../db/repositories/custom-fields';
import type { CellValue } from '../spreadsheets/cell';
import { OutcomeStore } from '../import/outcome-store';
import { problemLabel, skipCauses } from '../import/problem-labels';
import { cellText } from '../import/row-parser';
import { openSpreadsheet, type SpreadsheetSource } from '../spreadsheets/source';
import { checkOutputTarget } from '../spreadsheets/output-file';
import { createXlsxWriter } from '../spreadsheets/xlsx-writer';
import type { ServiceEnv } from './service-env';
import { releaseMergesOf } from './merge-service';

type ImportSession = {
  id: string;
  path: string;
  source: SpreadsheetSource;
  /** The preview's first rows per sheet, where the header row is looked up. */
  previewRows: Map<string, string[][]>;
  headers: Map<string, string[]>;
  outcomes: OutcomeStore | null;
  /** Rows the last dry run read: the run's progress total. */
  rowCount: number | null;
  running: AbortController | null;
};

/** Rows under the header the suggestion reads values from (the preview reads as many). */
const SUGGEST_SAMPLE_ROWS = 200;

export type ProgressReport = { phase: 'dryRun' | 'import'; done: number };

export class ImportSessions {
  readonly #sessions = new Map<string, ImportSession>();

  async open(db: Executor, request: ImportFileRequest): Promise<ImportFile> {
    const source = await openSpreadsheet(request.path, {
      ...(request.encoding === undefined ? {} : { encoding: request.encoding }),
      ...(request.delimiter === undefined ? {} : { delimiter: request.delimiter }),
    });
    const id = randomUUID();
    const preview = await previewFile(db, source, id, request.path);
    const previewRows = new Map(preview.sheets.map((sheet) => [sheet.name, sheet.rows]));
    const headers = new Map(preview.sheets.map((sheet) => [sheet.name, sheetHeaders(sheet.rows, sheet.headerRow)]));
    this.#sessions.set(id, {
      id,
      path: request.path,
      source,
      previewRows,
      headers,
      outcomes: null,
      rowCount: null,
      running: null,
    });
    return preview;
  }

  /**
   * The columns of one sheet suggested again from another header row: a saved template whose
   * headers match, else the header names and the values below them (as when the file was opened).
   */
  async suggest(db: Executor, request: SuggestColumnsRequestInput): Promise<SuggestColumnsResult> {
    const session = this.#get(request.sessionId);
    const rows: CellValue[][] = [];
    for await (const row of session.source.rows(request.sheet)) {
      if (row.index >= request.headerRow + 1 + SUGGEST_SAMPLE_ROWS) break;
      rows[row.index] = row.cells;
    }
    const headers = sheetHeaders(
      rows.map((row) => row.map(cellText)),
      request.headerRow,
    );
    const body = Array.from(rows.slice(request.headerRow + 1), (row) => row ?? []);
    const width = Math.max(headers.length, ...body.map((row) => row.length));
    while (headers.length < width) headers.push('');
    const samples = headers.map((_, column) => body.map((row) => row[column] ?? null));
    const readings = (index: number) => columnReading(headers, samples, index);
    const saved = (await findTemplatesBySignature(db, templateSignatures(headers))).find(
      (template) => !request.entityChosen || template.entity === request.entity,
    );
    if (saved) {
      return {
        headerRow: request.headerRow,
        entity: saved.entity,
        template: { id: saved.id, name: saved.name },
        columns: templateColumns(headers, saved.mapping).map((column) => ({ ...column, ...readings(column.index) })),
      };
    }
    const customFields = await listCustomFieldDefinitions(db, request.entity);
    const columns = autoMap({ entity: request.entity, headers, samples, customFields });
    return {
      headerRow: request.headerRow,
      entity: request.entity,
      template: null,
      columns: columns.map((column) => ({ ...column, ...readings(column.index) })),
    };
  }

  #get(id: string): ImportSession {
    const session = this.#sessions.get(id);
    if (!session) throw new AppError('NotFound', 'The import session has ended; open the file again', { id });
    return session;
  }

  async dryRun(
    db: AppDb,
    sessionId: string,
    input: ImportSetupInput,
    env: ServiceEnv,
    onProgress?: (report: ProgressReport) => void,
  ): Promise<DryRunResult> {
    const session = this.#get(sessionId);
    const setup = ImportSetup.parse(input);
    for (const sheet of setup.sheets) {
      session.headers.set(sheet.sheet, sheetHeaders(session.previewRows.get(sheet.sheet) ?? [], sheet.headerRow));
    }
    const started = performance.now();
    const outcomes = new OutcomeStore();
    const { summary, choices } = await runImportEngine({
      db,
      source: session.source,
      setup,
      env,
      importId: null,
      fileName: path.basename(session.path),
      outcomes,
      onProgress: (done) => onProgress?.({ phase: 'dryRun', done }),
    });
    session.outcomes = outcomes;
    session.rowCount = summary.rows;
    return { summary, valueChoices: choices, elapsedMs: performance.now() - started };
  }

  rows(sessionId: string, filter: Parameters<OutcomeStore['page']>[0], offset: number, limit: number): DryRunRows {
    const session = this.#get(sessionId);
    if (!session.outcomes) throw new AppError('InvalidInput', 'Run the dry run first', { sessionId });
    return { headers: Object.fromEntries(session.headers), ...session.outcomes.page(filter, offset, limit) };
  }

  /** Writes everything or nothing: a cancel or a failure rolls the transaction back. */
  async run(
    db: AppDb,
    sessionId: string,
    input: ImportSetupInput,
    env: ServiceEnv,
    onProgress?: (report: ProgressReport) => void,
  ): Promise<ImportReport> {
    const session = this.#get(sessionId);
    if (session.running) throw new AppError('Conflict', 'This import is already running', { sessionId });
    const setup = ImportSetup.parse(input);
    const controller = new AbortController();
    session.running = controller;
    const started = performance.now();
    const startedAt = env.now().toISOString();
    const outcomes = new OutcomeStore();
    try {
      const { importId, summary } = await db.transaction().execute(async (trx) => {
        const importId = await insertImport(trx, {
          fileName: path.basename(session.path),
          mode: setup.options.mode,
          summary: '{}',
          startedAt,
          finishedAt: startedAt,
        });
        const itemsBefore = await lastItemIds(trx);
        const result = await runImportEngine({
          db: trx,
          source: session.source,
          setup,
          env,
          importId,
          fileName: path.basename(session.path),
          signal: controller.signal,
          outcomes,
          onProgress: (done) => onProgress?.({ phase: 'import', done }),
        });
        await journalCreatedItems(trx, importId, itemsBefore);
        await finishImport(trx, importId, JSON.stringify(result.summary), env.now().toISOString());
        return { importId, summary: result.summary };
      });
      session.outcomes = outcomes;
      const elapsedMs = performance.now() - started;
      return { importId, summary, elapsedMs, rowsPerSecond: summary.rows / Math.max(elapsedMs / 1000, 0.001) };
    } finally {
      session.running = null;
    }
  }

  rowCount(sessionId: string): number | null {
    return this.#get(sessionId).rowCount;
  }

  cancel(sessionId: string): void {
    this.#sessions.get(sessionId)?.running?.abort();
  }

  /** The skipped rows of the last run (or dry run) with the reason per row, as .xlsx. */
  async saveSkippedRows(
    sessionId: string,
    { path, replace = false, language }: { path: string; replace?: boolean; language: 'ru' | 'en' },
  ): Promise<{ rows: number }> {
    const session = this.#get(sessionId);
    const skipped = session.outcomes?.skipped ?? [];
    checkOutputTarget(path, ['.xlsx'], replace);
    const writer = createXlsxWriter(path);
    try {
      const bySheet = new Map<string, typeof skipped>();
      for (const outcome of skipped) bySheet.set(outcome.sheet, [...(bySheet.get(outcome.sheet) ?? []), outcome]);
      if (bySheet.size === 0) await writer.addSheet(language === 'ru' ? 'Пропущено' : 'Skipped', []);
      for (const [sheet, rows] of bySheet) {
        const headers = session.headers.get(sheet) ?? [];
        await writer.addSheet(sheet, [
          { key: 'row', header: language === 'ru' ? 'Строка' : 'Row', type: 'integer' },
          { key: 'reason', header: language === 'ru' ? 'Причина' : 'Reason', type: 'text', width: 50 },
          ...headers.map((header, index) => ({
            key: `c${index}`,
            header: header || `#${index + 1}`,
            type: 'text' as const,
          })),
        ]);
        for (const outcome of rows) {
          const reasons = skipCauses(outcome.problems).map((problem) => problemLabel(problem, headers, language));
          await writer.addRow([outcome.row + 1, reasons.join('; '), ...outcome.cells.map((cell) => cellText(cell))]);
        }
      }
      return await writer.close();
    } catch (error) {
      await writer.abort();
      throw error;
    }
  }

  close(sessionId: string): void {
    this.#sessions.delete(sessionId);
  }

  closeAll(): void {
    for (const session of this.#sessions.values()) session.running?.abort();
    this.#sessions.clear();
  }
}

/** The setup the preview suggests (every sheet with a record type, or the one asked for). */
export function suggestedSetup(file: ImportFile, sheet?: string): ImportSetupInput & { sheets: SheetSetupInput[] } {
  const sheets = file.sheets.filter((item) => (sheet === undefined ? item.entity !== null : item.name === sheet));
  if (sheets.length === 0) {
    throw new AppError('InvalidInput', sheet ? `No sheet named "${sheet}"` : 'No sheet with columns to import', {
      sheets: file.sheets.map((item) => item.name),
    });
  }
  return {
    sheets: sheets.map((item) => ({
      sheet: item.name,
      entity: item.entity ?? item.likelyEntity ?? 'person',
      headerRow: item.headerRow,
      columns: item.columns.map((column) => ({
        index: column.index,
        targets: column.targets,
        dateOrder: column.dateOrder,
        decimalSeparator: column.decimalSeparator,
        labelColumn: column.labelColumn,
        addressLabel: column.addressLabel,
      })),
    })),
    createFields: file.createFields,
    options: file.ownWorkbook ? ownWorkbookOptions(file) : {},
  };
}

export type UnknownTargets = { sheet: string; column: number; targets: string[] };

/**
 * The targets a setup maps columns to that its sheet's record type has no field for: the import
 * leaves them out, so a mistyped one ("fullname") would skip every row as nameless.
 */
export async function unknownTargets(db: Executor, input: ImportSetupInput): Promise<UnknownTargets[]> {
  const setup = ImportSetup.parse(input);
  const known = async (entity: ImportEntity) =>
    new Set([
      ...importFieldsOf[entity].map((field) => field.key),
      ...(await listCustomFieldDefinitions(db, entity)).map((field) => customFieldTarget(field.key)),
      ...setup.createFields.filter((field) => field.entity === entity).map((field) => customFieldTarget(field.key)),
    ]);
  const found: UnknownTargets[] = [];
  for (const sheet of setup.sheets) {
    if (sheet.entity === null) continue;
    const keys = await known(sheet.entity);
    for (const column of sheet.columns) {
      // A column making a new field is mapped to it whatever its targets say.
      const targets = column.newField ? [] : column.targets.filter((target) => !keys.has(target));
      if (targets.length > 0) found.push({ sheet: sheet.sheet, column: column.index, targets });
    }
  }
  return found;
}

export async function saveImportTemplate(
  db: AppDb,
  request: { name: string; entity: ImportEntity; headers: string[]; columns: unknown },
  env: ServiceEnv,
): Promise<{ id: number }> {
  const id = await saveTemplate(db, {
    name: request.name,
    entity: request.entity,
    headerSignature: headerSignature(request.headers),
    mapping: JSON.stringify(request.columns),
    at: env.now().toISOString(),
  });
  return { id };
}

export async function importHistory(db: AppDb): Promise<ImportHistoryItem[]> {
  const rows = await listImports(db, 100);
  return rows.map((row) => ({
    id: row.id,
    fileName: row.file_name,
    mode: row.mode,
    summary: ImportSummary.parse(JSON.parse(row.summary)),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    undoneAt: row.undone_at,
  }));
}

type Planned = { entity: ImportEntity; id: number; action: 'created' | 'updated'; before: string | null; name: string };

/**
 * Undoes an import: removes what it created and puts back what it updated. A record edited since
 * (its version moved on, or it got a timeline entry or, for a company, other people) is a conflict,
 * left alone unless the user forces it.
 */
export async function undoImport(
  db: AppDb,
  request: { importId: number; force: Array<{ entity: ImportEntity; id: number }>; check: boolean },
  env: ServiceEnv,
): Promise<UndoImportResult> {
  return db.transaction().execute(async (trx) => {
    const found = await findImport(trx, request.importId);
    if (!found) throw new AppError('NotFound', 'No such import', { importId: request.importId });
    if (found.undone_at !== null)
      throw new AppError('Conflict', 'This import was undone already', { importId: found.id });
    const forced = new Set(request.force.map((item) => `${item.entity}:${item.id}`));
    const planned: Planned[] = [];
    const conflicts: UndoConflict[] = [];
    for (const entity of ['person', 'company'] as const) {
      // People the undo removes or restores to before the import no longer hold its companies.
      const heldCompanies =
        entity === 'company'
          ? await companiesHeldByOthers(
              trx,
              request.importId,
              planned.filter((item) => item.entity === 'person').map((item) => item.id),
            )
          : new Set<number>();
      for (const record of await importedRecordStates(trx, request.importId, entity)) {
        const linkedElsewhere = record.has_activities === 1 || heldCompanies.has(record.record_id);
        const edited = record.version !== record.version_after || (record.action === 'created' && linkedElsewhere);
        const item = { entity, id: record.record_id, action: record.action, before: record.before, name: record.name };
        if (edited && !forced.has(`${entity}:${record.record_id}`))
          conflicts.push({ entity, id: item.id, name: item.name, action: item.action });
        else planned.push(item);
      }
    }
    if (request.check) return { removed: 0, restored: 0, conflicts, done: false };
    let removed = 0;
    let restored = 0;
    // People before companies, so a removed company no longer has this import's people.
    for (const entity of ['person', 'company'] as const) {
      const items = planned.filter((item) => item.entity === entity);
      const created = items.filter((item) => item.action === 'created').map((item) => item.id);
      // A record merged into one of them since must not go with it, nor keep pointing at it.
      await releaseMergesOf(trx, entity, created, env);
      await deleteRecords(trx, entity, created, env.now().toISOString());
      // Later imports' undo copies of them go too: the records are gone for good, their data with them.
      await forgetImportSnapshots(trx, entity, created);
      removed += created.length;
      for (const item of items) {
        if (item.action === 'created' || item.before === null) continue;
        await restoreRecordSnapshot(trx, entity, JSON.parse(item.before) as RecordSnapshot);
        restored += 1;
      }
    }
    await reindexPeople(
      trx,
      planned.filter((item) => item.entity === 'person').map((item) => item.id),
    );
    await reindexCompanies(
      trx,
      planned.filter((item) => item.entity === 'company').map((item) => item.id),
    );
    await removeUnusedCreatedItems(trx, request.importId);
    await markImportUndone(trx, request.importId, env.now().toISOString());
    return { removed, restored, conflicts, done: true };
  });
}

/**
 * The import's companies that people other than `undonePeople` belong to. One query for all of
 * them: per company, the list of undone people (100,000 after a big import) was read again.
 */
async function companiesHeldByOthers(trx: Executor, importId: number, undonePeople: number[]): Promise<Set<number>> {
  const { rows } = await sql<{ id: number }>`
    SELECT DISTINCT p.company_id AS id FROM people p
     WHERE p.company_id IN (SELECT record_id FROM import_records WHERE import_id = ${importId} AND entity = 'company')
       AND p.id NOT IN (SELECT value FROM json_each(${JSON.stringify(undonePeople)}))`.execute(trx);
  return new Set(rows.map((row) => row.id));
}
