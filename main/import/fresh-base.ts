/**
 * The first big import into an empty client base. No existing record can match a row (rows of the
 * import are matched to each other by the file's key table), so the lookup of existing records is
 * skipped; and the people-side indexes the import never reads while it writes are dropped and built
 * once at the end, by sorting, instead of being kept up to date row by row. Without them the rows
 * are appended in id order, so a small page cache does: less memory, no slower.
 */
import { sql } from 'kysely';
import type { ImportEntity } from '../../shared/domain/import-fields';
import { createIndexes, dropIndexes, type IndexDefinition } from '../db/bulk-indexes';
import { collectGarbageNow } from '../garbage-collection';
import { withPageCache } from '../db/page-cache';
import type { Executor } from '../db/repositories/executor';

// List and lookup indexes. The per-person ones (contact_points_of_person...) stay: updates of
// records created earlier in the same file load them by person.
const UNREAD_PEOPLE_INDEXES = [
  'people_by_name',
  'people_by_owner',
  'people_by_company',
  'people_by_city',
  'people_by_created',
  'people_by_updated',
  'people_in_trash',
  'people_of_company',
  'contact_points_by_key',
  'contact_points_by_reversed_key',
  'person_custom_values_by_text',
  'person_custom_values_by_number',
];

// The connection's usual cache is 128 MiB: for a working set of list indexes this import defers.
// 1,000,000 rows: 32 MiB peaked at 457 MB, 16 MiB at 428 MB, at the same speed; with rows parsed in
// the reader's worker, 16 MiB at 391–395 MB and 8 MiB at 387 MB, again at the same speed.
const FIRST_IMPORT_CACHE_KIB = 8 * 1024;

const TABLES: Record<ImportEntity, 'people' | 'companies'> = { person: 'people', company: 'companies' };

/**
 * The highest id of each record type before the import, trashed records included; 0: none at all.
 * Tombstones (erased people, the kept ids of records deleted for good) don't count: nothing can
 * match them, and a base holding only those still gets a first import's fast load.
 */
export async function lastRecordIds(db: Executor): Promise<Record<ImportEntity, number>> {
  const last = async (entity: ImportEntity) => {
    const { rows } = await sql<{ id: number | null }>`
      SELECT max(id) AS id FROM ${sql.table(TABLES[entity])} WHERE erased_at IS NULL`.execute(db);
    return rows[0]?.id ?? 0;
  };
  return { person: await last('person'), company: await last('company') };
}

/**
 * Runs the load of a first import of people, inside the import's transaction. `checkpoint` runs
 * before each index is built again, so the import can still be cancelled (it throws to cancel).
 */
export async function loadIntoEmptyBase(
  db: Executor,
  load: () => Promise<void>,
  checkpoint: () => Promise<void>,
): Promise<void> {
  await withPageCache(db, FIRST_IMPORT_CACHE_KIB, async () => {
    const dropped: IndexDefinition[] = await dropIndexes(db, { names: UNREAD_PEOPLE_INDEXES });
    await load();
    // SQLite sorts each index in memory (2.7M contact points: ~120 MB); the import's garbage goes first.
    collectGarbageNow();
    for (const index of dropped) {
      await checkpoint();
      await createIndexes(db, [index]);
    }
  });
}
