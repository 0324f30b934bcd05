import { sql, type Updateable } from 'kysely';
import { idList } from '../id-list';
import type { Database } from '../schema';
import type { Executor } from './executor';

/** Tables whose rows carry `version` and `deleted_at`: editable, soft-deletable aggregates. */
export type VersionedTable = 'people' | 'companies' | 'activities';
export type UpdateOutcome = 'updated' | 'conflict' | 'missing';

/**
 * Writes only if the row is still at `expectedVersion`, so an edit based on a stale copy (another
 * computer saved first) is reported instead of silently overwriting.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Executor,
  table: T,
  id: number,
  expectedVersion: number,
  values: Updateable<Database[T]>,
): Promise<UpdateOutcome> {
  // The three tables share these columns; Kysely can't see that through a type parameter.
  const people = table as 'people';
  const result = await db
    .updateTable(people)
    .set((eb) => ({ ...(values as Updateable<Database['people']>), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) return 'updated';
  const exists = await db
    .selectFrom(people)
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return exists ? 'conflict' : 'missing';
}

/** Moves rows to the trash at `at` (restoreFromTrash brings them back); returns the ids that changed. */
export async function moveToTrash(
  db: Executor,
  table: VersionedTable,
  ids: readonly number[],
  at: string,
): Promise<number[]> {
  if (ids.length === 0) return [];
  const people = table as 'people';
  const rows = await db
    .updateTable(people)
    .set((eb) => ({ deleted_at: at, updated_at: at, version: eb('version', '+', 1) }))
    .where(sql<boolean>`id IN (${idList(ids)})`)
    .where('deleted_at', 'is', null)
    .returning('id')
    .execute();
  const changed = rows.map((row) => row.id);
  if (table !== 'activities') await keepMergesReversible(db, table, changed);
  return changed;
}

/**
 * Brings people or companies back from the trash; returns the ids that changed. Tombstones (erased,
 * or kept for a deleted id) stay deleted, and a copy merged into another record comes back only by
 * undoing the merge.
 */
export async function restoreFromTrash(
  db: Executor,
  table: 'people' | 'companies',
  ids: readonly number[],
  at: string,
): Promise<number[]> {
  if (ids.length === 0) return [];
  const people = table as 'people';
  const rows = await db
    .updateTable(people)
    .set((eb) => ({ deleted_at: null, updated_at: at, version: eb('version', '+', 1) }))
    .where(sql<boolean>`id IN (${idList(ids)})`)
    .where('deleted_at', 'is not', null)
    .where('erased_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .returning('id')
    .execute();
  const changed = rows.map((row) => row.id);
  await keepMergesReversible(db, table, changed);
  return changed;
}

/**
 * After trashing or restoring these records (each one's version moved by exactly one, its data
 * untouched): a merge into one that nothing had changed since stays cleanly reversible, so its
 * unmerge doesn't ask to overwrite edits there are none of.
 */
export async function keepMergesReversible(
  db: Executor,
  table: 'people' | 'companies',
  ids: readonly number[],
): Promise<void> {
  if (ids.length === 0) return;
  const entity = table === 'people' ? 'person' : 'company';
  await sql`UPDATE merges
               SET snapshot = json_set(snapshot, '$.survivorVersionAfter', snapshot ->> '$.survivorVersionAfter' + 1)
             WHERE entity = ${entity} AND undone_at IS NULL AND survivor_id IN (${idList(ids)})
               AND snapshot ->> '$.survivorVersionAfter' + 1 =
                   (SELECT version FROM ${sql.table(table)} WHERE id = merges.survivor_id)`.execute(db);
}

/**
 * After a change to these people that the imports keeping undo copies of them made in those copies
 * too (each one's version moved by exactly one): an import that nothing had changed since is still
 * undone without asking to overwrite edits there are none of.
 */
export async function keepImportsReversible(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`UPDATE import_records SET version_after = version_after + 1
             WHERE entity = 'person' AND record_id IN (${idList(ids)})
               AND version_after + 1 = (SELECT version FROM people WHERE id = import_records.record_id)`.execute(db);
}
