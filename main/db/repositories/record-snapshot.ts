/**
 * A person's or company's own row and every side-table row, exactly as stored: what merges and
 * imports keep so they can be undone. Restoring puts rows and ids back; the version moves forward
 * (never back), so an edit based on the pre-restore state is still seen as stale.
 */
import { sql } from 'kysely';
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

export async function restoreRecordSnapshot(
  db: Executor,
  entity: SnapshotEntity,
  snapshot: RecordSnapshot,
): Promise<void> {
  const t = recordTables[entity];
  const { id, version: _version, ...columns } = snapshot.row;
  await sql`UPDATE ${sql.table(t.main)}
               SET ${sql.join(Object.entries(columns).map(([column, value]) => sql`${sql.ref(column)} = ${value}`))},
                   version = version + 1
             WHERE id = ${id}`.execute(db);
  for (const [part, table] of sideTables(entity)) {
    await sql`DELETE FROM ${sql.table(table)} WHERE ${sql.ref(t.owner)} = ${id}`.execute(db);
    await insertRows(db, table, snapshot[part]);
  }
}

/** Removes records and their side rows for good (an undone import's creations), a statement per table. */
export async function deleteRecords(db: Executor, entity: SnapshotEntity, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const t = recordTables[entity];
  const idList = sql`SELECT value FROM json_each(${JSON.stringify(ids)})`;
  for (const [, table] of sideTables(entity)) {
    // "IS NOT NULL" lets SQLite use the partial per-owner indexes of contact points and addresses.
    await sql`DELETE FROM ${sql.table(table)}
               WHERE ${sql.ref(t.owner)} IS NOT NULL AND ${sql.ref(t.owner)} IN (${idList})`.execute(db);
  }
  await sql`DELETE FROM ${sql.table(t.main)} WHERE id IN (${idList})`.execute(db);
}
