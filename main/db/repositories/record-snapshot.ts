/**
 * A person's or company's own row and every side-table row, exactly as stored: what merges and
 * imports keep so they can be undone. Restoring puts rows and (where still free) ids back; the version moves forward
 * (never back), so an edit based on the pre-restore state is still seen as stale.
 */
import { sql } from 'kysely';
import { sortKey } from '../../../shared/text/fold';
import { idList } from '../id-list';
import type { Executor } from './executor';

export type SnapshotEntity = 'person' | 'company';
type Row = Record<string, unknown>;

export type RecordSnapshot = {
  row: Row;
  contactPoints: Row[];
  addresses: Row[];
  tags: Row[];
  customValues: Row[];
};

export const recordTables = {
  person: { main: 'people', owner: 'person_id', tags: 'person_tags', custom: 'person_custom_values' },
  company: { main: 'companies', owner: 'company_id', tags: 'company_tags', custom: 'company_custom_values' },
} as const;

function sideTables(entity: SnapshotEntity) {
  const t = recordTables[entity];
  return [
    ['contactPoints', 'contact_points'],
    ['addresses', 'addresses'],
    ['tags', t.tags],
    ['customValues', t.custom],
  ] as const;
}

async function selectRows(db: Executor, table: string, column: string, id: number): Promise<Row[]> {
  const { rows } = await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${id}`.execute(db);
  return rows;
}

export async function takeRecordSnapshot(
  db: Executor,
  entity: SnapshotEntity,
  id: number,
): Promise<RecordSnapshot | undefined> {
  const t = recordTables[entity];
  const [row] = await selectRows(db, t.main, 'id', id);
  if (!row) return undefined;
  const snapshot: RecordSnapshot = { row, contactPoints: [], addresses: [], tags: [], customValues: [] };
  for (const [part, table] of sideTables(entity)) {
    // Ordered by rowid so a restore re-inserts in the original order.
    snapshot[part] = (await selectRows(db, table, t.owner, id)).sort(
      (a, b) => Number(a['id'] ?? 0) - Number(b['id'] ?? 0),
    );
  }
  return snapshot;
}

async function insertRows(db: Executor, table: string, rows: Row[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))})
            VALUES ${sql.join(rows.map((row) => sql`(${sql.join(columns.map((column) => row[column]))})`))}`.execute(
    db,
  );
}

/** The company that took `id` over through merges since (itself if none did). */
async function companyNow(db: Executor, id: number): Promise<number> {
  let current = id;
  // A chain of merges; bounded so a damaged file can't loop forever.
  for (let step = 0; step < 100; step += 1) {
    const { rows } = await sql<{ merged_into_id: number | null }>`
      SELECT merged_into_id FROM companies WHERE id = ${current}`.execute(db);
    const next = rows[0]?.merged_into_id ?? null;
    if (next === null) return current;
    current = next;
  }
  return current;
}

/**
 * The row's references to other records, with those that no longer exist cleared: a snapshot can
 * outlive what it pointed at (a company deleted for good since), and the foreign key would refuse it.
 * A person's company merged into another since is replaced by the one it went into.
 */
async function withoutDanglingReferences(db: Executor, entity: SnapshotEntity, row: Row): Promise<Row> {
  const references: Record<string, string> = {
    owner_id: 'users',
    merged_into_id: recordTables[entity].main,
    ...(entity === 'person' ? { company_id: 'companies' } : {}),
  };
  const checked = { ...row };
  for (const [column, table] of Object.entries(references)) {
    const target = checked[column];
    if (target === null || target === undefined) continue;
    // A tombstone (a record erased or deleted for good, its id kept) is no record to point at.
    const live = table === 'users' ? sql`` : sql`AND erased_at IS NULL`;
    const { rows } = await sql`SELECT 1 FROM ${sql.table(table)} WHERE id = ${target} ${live}`.execute(db);
    if (rows.length === 0) checked[column] = null;
    else if (column === 'company_id') checked[column] = await companyNow(db, Number(target));
  }
  return checked;
}

export async function restoreRecordSnapshot(
  db: Executor,
  entity: SnapshotEntity,
  snapshot: RecordSnapshot,
): Promise<void> {
  const t = recordTables[entity];
  const { id, version: _version, ...stored } = snapshot.row;
  const columns = await withoutDanglingReferences(db, entity, stored);
  await sql`UPDATE ${sql.table(t.main)}
               SET ${sql.join(Object.entries(columns).map(([column, value]) => sql`${sql.ref(column)} = ${value}`))},
                   version = version + 1
             WHERE id = ${id}`.execute(db);
  for (const [part, table] of sideTables(entity)) {
    await sql`DELETE FROM ${sql.table(table)} WHERE ${sql.ref(t.owner)} = ${id}`.execute(db);
    const rows =
      part === 'tags'
        ? await withExistingTags(db, snapshot.tags)
        : part === 'customValues'
          ? await withExistingOptions(db, snapshot.customValues)
          : snapshot[part];
    await insertRows(db, table, await withFreeIds(db, table, rows));
  }
}

/**
 * The rows with their stored ids where those are still free. Another record's phone or address
 * may have taken an id since (the highest ones are reused once deleted): such a row gets a new id,
 * which nothing refers to, instead of failing the whole undo on the unique id.
 */
async function withFreeIds(db: Executor, table: string, rows: readonly Row[]): Promise<Row[]> {
  const ids = rows.flatMap((row) => (typeof row['id'] === 'number' ? [row['id']] : []));
  if (ids.length === 0) return [...rows];
  const { rows: taken } = await sql<{ id: number }>`
    SELECT id FROM ${sql.table(table)} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db);
  const takenIds = new Set(taken.map((row) => row.id));
  return rows.map((row) => (takenIds.has(row['id'] as number) ? { ...row, id: null } : row));
}

/**
 * The tag links whose tag still exists. Migration 0009 folded some legacy tags into others: an undo
 * copy taken before it names the folded tag's old id, which would fail the whole undo.
 */
async function withExistingTags(db: Executor, links: readonly Row[]): Promise<Row[]> {
  if (links.length === 0) return [];
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM tags WHERE id IN (SELECT value FROM json_each(${JSON.stringify(links.map((link) => link['tag_id']))}))`.execute(
    db,
  );
  const existing = new Set(rows.map((row) => row.id));
  return links.filter((link) => existing.has(link['tag_id'] as number));
}

/**
 * The custom values still valid: an option removed from its list field since (allowed once no
 * record held it, though an undo copy did) is left out, or the record's form could not be saved.
 */
async function withExistingOptions(db: Executor, values: readonly Row[]): Promise<Row[]> {
  if (values.length === 0) return [];
  const { rows } = await sql<{ id: number; options: string }>`
    SELECT id, options FROM custom_field_definitions
     WHERE type IN ('select', 'multiselect')
       AND id IN (${idList(values.map((value) => Number(value['field_id'])))})`.execute(db);
  const options = new Map(rows.map((row) => [row.id, new Set(JSON.parse(row.options) as string[])]));
  return values.filter((value) => options.get(value['field_id'] as number)?.has(value['value_text'] as string) ?? true);
}

/** What a tombstone row is called: never shown, only seen by someone reading the file itself. */
export const TOMBSTONE_NAMES = { person: 'Удалённый контакт', company: 'Удалённая компания' } as const;

/**
 * Removes records and their side rows for good (an undone import's creations, an emptied trash),
 * a statement per table; their own activities go by the foreign keys' cascade. SQLite gives a new
 * row the highest id plus one, so if the highest id is among them it stays as a bare tombstone
 * (erased, deleted, no data): an id is never handed out twice, and whatever still names it (a merge
 * to undo, an import's undo copy, a saved view) can't reach a new record.
 */
export async function deleteRecords(
  db: Executor,
  entity: SnapshotEntity,
  ids: readonly number[],
  now: string,
): Promise<void> {
  if (ids.length === 0) return;
  const t = recordTables[entity];
  const main = sql.table(t.main);
  const listed = idList(ids);
  const { rows } = await sql<{ top: number | null }>`SELECT max(id) AS top FROM ${main}`.execute(db);
  const top = rows[0]?.top ?? null;
  for (const [, table] of sideTables(entity)) {
    // "IS NOT NULL" lets SQLite use the partial per-owner indexes of contact points and addresses.
    await sql`DELETE FROM ${sql.table(table)}
               WHERE ${sql.ref(t.owner)} IS NOT NULL AND ${sql.ref(t.owner)} IN (${listed})`.execute(db);
  }
  await sql`DELETE FROM ${main} WHERE id IN (${listed})`.execute(db);
  if (top !== null && ids.includes(top)) {
    const name = TOMBSTONE_NAMES[entity];
    const nameColumn = sql.ref(entity === 'person' ? 'display_name' : 'name');
    await sql`INSERT INTO ${main} (id, ${nameColumn}, sort_key, created_at, updated_at, deleted_at, erased_at)
              VALUES (${top}, ${name}, ${sortKey(name)}, ${now}, ${now}, ${now}, ${now})`.execute(db);
  }
}
