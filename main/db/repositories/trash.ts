/**
 * Deleting records for good: emptying the trash. Set-based, the ids travel as one JSON parameter,
 * so a trash of a hundred thousand records is a handful of statements.
 */
import { sql } from 'kysely';
import { idList } from '../id-list';
import type { Executor } from './executor';
import { forgetCopiesHoldingMergedData } from './privacy';
import { deleteRecords, recordTables, type SnapshotEntity } from './record-snapshot';

/** Records merged into these (and into those, and so on): kept hidden only so the merges can be undone. */
export async function mergedAwayIds(db: Executor, entity: SnapshotEntity, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const table = sql.table(recordTables[entity].main);
  const { rows } = await sql<{ ids: string }>`
    WITH RECURSIVE merged (id) AS (
      SELECT id FROM ${table} WHERE merged_into_id IN (${idList(ids)})
      UNION
      SELECT ${table}.id FROM ${table} JOIN merged ON ${table}.merged_into_id = merged.id
    )
    SELECT json_group_array(id) AS ids FROM (SELECT id FROM merged ORDER BY id)`.execute(db);
  const given = new Set(ids);
  return (JSON.parse(rows[0]?.ids ?? '[]') as number[]).filter((id) => !given.has(id));
}

/**
 * Deletes records for good, with everything only they hold: contact points, addresses, tags,
 * custom values, their own activities, the records merged into them and those merges' snapshots,
 * and the import journal's copies of them (an undo has nothing left to restore). Activities shared
 * with a record that stays (a call with a person at a company) stay on that record's timeline;
 * people of a deleted company stay, without it. Returns the people whose company went, whose
 * search documents name it.
 */
export async function deleteRecordsForever(
  db: Executor,
  entity: SnapshotEntity,
  ids: readonly number[],
  now: string,
): Promise<{ unlinkedPeople: number[] }> {
  if (ids.length === 0) return { unlinkedPeople: [] };
  const doomed = [...ids, ...(await mergedAwayIds(db, entity, ids))];
  const list = idList(doomed);
  const owner = sql.ref(recordTables[entity].owner);
  const other = sql.ref(entity === 'person' ? 'company_id' : 'person_id');
  await sql`UPDATE activities SET ${owner} = NULL, updated_at = ${now}, version = version + 1
             WHERE ${owner} IS NOT NULL AND ${owner} IN (${list}) AND ${other} IS NOT NULL`.execute(db);
  let unlinkedPeople: number[] = [];
  if (entity === 'company') {
    // Set here rather than by the foreign key's SET NULL, so the people's versions move on.
    const { rows } = await sql<{ id: number }>`
      UPDATE people SET company_id = NULL, updated_at = ${now}, version = version + 1
       WHERE company_id IS NOT NULL AND company_id IN (${list})
      RETURNING id`.execute(db);
    unlinkedPeople = rows.map((row) => row.id);
  }
  // Records they were merged into and given back by an unmerge still hold copies of their data.
  if (entity === 'person') await forgetCopiesHoldingMergedData(db, doomed);
  await sql`DELETE FROM merges
             WHERE entity = ${entity} AND (survivor_id IN (${list}) OR merged_id IN (${list}))`.execute(db);
  await sql`DELETE FROM import_records WHERE entity = ${entity} AND record_id IN (${list})`.execute(db);
  // The rest of their activities go with them (ON DELETE CASCADE).
  await deleteRecords(db, entity, doomed, now);
  return { unlinkedPeople };
}
