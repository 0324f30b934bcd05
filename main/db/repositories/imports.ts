import { sql, type Selectable } from 'kysely';
import type { ImportEntity } from '../../../shared/domain/import-fields';
import type { ImportsTable, ImportTemplatesTable } from '../schema';
import { idList } from '../id-list';
import type { Executor } from './executor';
import { recordTables } from './record-snapshot';
import { insertRows } from '../bulk-insert';

export type ImportRow = Selectable<ImportsTable>;
export type JournalEntry = {
  entity: ImportEntity;
  recordId: number;
  action: 'created' | 'updated';
  versionAfter: number;
  before: string | null;
};

export async function insertImport(
  db: Executor,
  values: { fileName: string; mode: ImportRow['mode']; summary: string; startedAt: string; finishedAt: string },
): Promise<number> {
  const row = await db
    .insertInto('imports')
    .values({
      file_name: values.fileName,
      mode: values.mode,
      summary: values.summary,
      started_at: values.startedAt,
      finished_at: values.finishedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishImport(db: Executor, id: number, summary: string, finishedAt: string): Promise<void> {
  await db.updateTable('imports').set({ summary, finished_at: finishedAt }).where('id', '=', id).execute();
}

/**
 * Records what the import did to each record. A record touched twice (two rows of the file for
 * one person) keeps its first `before` and its latest version.
 */
export async function journal(db: Executor, importId: number, entries: JournalEntry[]): Promise<void> {
  await insertRows(
    db,
    'import_records',
    entries.map((entry) => ({
      import_id: importId,
      entity: entry.entity,
      record_id: entry.recordId,
      action: entry.action,
      version_after: entry.versionAfter,
      before: entry.before,
    })),
    { conflict: ['import_id', 'entity', 'record_id'], update: ['version_after'] },
  );
}

/**
 * Records every person as created by this import, at the version they ended it with: for an import
 * into a base that had no people (tombstones aside), where every other person is one it made. One statement instead of
 * a journal row bound per person.
 */
export async function journalEveryPersonCreated(db: Executor, importId: number): Promise<void> {
  await sql`INSERT INTO import_records (import_id, entity, record_id, action, version_after, before)
            SELECT ${importId}, 'person', id, 'created', version, NULL FROM people WHERE erased_at IS NULL`.execute(db);
}

export async function listImports(db: Executor, limit: number): Promise<ImportRow[]> {
  return db.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

export async function findImport(db: Executor, id: number): Promise<ImportRow | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export type ImportedRecordState = {
  record_id: number;
  action: 'created' | 'updated';
  version_after: number;
  before: string | null;
  /** The record as it is now: its version and name, and whether the timeline points at it. */
  version: number;
  name: string;
  has_activities: 0 | 1;
};

const NAME_COLUMNS = { person: 'display_name', company: 'name' } as const;

/**
 * What the import wrote of this record type, next to each record as it is now (records deleted
 * since are left out, tombstones too: an erased record, or one deleted for good whose id stays, is
 * no record to restore). One query: read record by record, undoing a 100,000-row import spent
 * seconds on the check alone.
 */
export async function importedRecordStates(
  db: Executor,
  importId: number,
  entity: ImportEntity,
): Promise<ImportedRecordState[]> {
  const { main, owner } = recordTables[entity];
  const { rows } = await sql<ImportedRecordState>`
    SELECT ir.record_id, ir.action, ir.version_after, ir.before, r.version, r.${sql.ref(NAME_COLUMNS[entity])} AS name,
           EXISTS (SELECT 1 FROM activities a WHERE a.${sql.ref(owner)} = r.id) AS has_activities
      FROM import_records ir JOIN ${sql.table(main)} r ON r.id = ir.record_id
     WHERE ir.import_id = ${importId} AND ir.entity = ${entity} AND r.erased_at IS NULL
     ORDER BY ir.record_id`.execute(db);
  return rows;
}

export async function markImportUndone(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('imports').set({ undone_at: at }).where('id', '=', id).execute();
}

/** Records erased or deleted for good must not live on in any import's undo copies. */
export async function forgetImportSnapshots(
  db: Executor,
  entity: ImportEntity,
  recordIds: readonly number[],
): Promise<void> {
  if (recordIds.length === 0) return;
  await sql`DELETE FROM import_records WHERE entity = ${entity} AND record_id IN (${idList(recordIds)})`.execute(db);
}

export type TemplateRow = Selectable<ImportTemplatesTable>;

export async function findTemplate(
  db: Executor,
  entity: ImportEntity,
  headerSignature: string,
): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('import_templates')
    .selectAll()
    .where('entity', '=', entity)
    .where('header_signature', '=', headerSignature)
    .executeTakeFirst();
}

/** Templates saved under any of these header signatures, the current form first. */
export async function findTemplatesBySignature(db: Executor, signatures: readonly string[]): Promise<TemplateRow[]> {
  if (signatures.length === 0) return [];
  const rows = await db
    .selectFrom('import_templates')
    .selectAll()
    .where('header_signature', 'in', [...signatures])
    .execute();
  return rows.sort((a, b) => signatures.indexOf(a.header_signature) - signatures.indexOf(b.header_signature));
}

export async function saveTemplate(
  db: Executor,
  values: { name: string; entity: ImportEntity; headerSignature: string; mapping: string; at: string },
): Promise<number> {
  const row = await db
    .insertInto('import_templates')
    .values({
      name: values.name,
      entity: values.entity,
      header_signature: values.headerSignature,
      mapping: values.mapping,
      created_at: values.at,
      updated_at: values.at,
    })
    .onConflict((conflict) =>
      conflict.columns(['entity', 'header_signature']).doUpdateSet({
        name: values.name,
        mapping: values.mapping,
        updated_at: values.at,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
