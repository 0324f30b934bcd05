import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../shared/errors';
import { BulkRequest, type BulkResult, type BulkTarget } from '../../shared/domain/bulk';
import { MAX_TAGS } from '../../shared/domain/contact-points';
import { ListFilter } from '../../shared/domain/list-query';
import { foldText } from '../../shared/text/fold';
import type { AppDb } from '../db/kysely';
import type { Executor } from '../db/repositories/executor';
import { listCustomFieldDefinitions } from '../db/repositories/custom-fields';
import { ensureTags } from '../db/repositories/tags';
import { purgeSearchIndex } from '../db/repositories/privacy';
import { deleteRecordsForever } from '../db/repositories/trash';
import { userExists } from '../db/repositories/users';
import { keepMergesReversible } from '../db/repositories/versioned';
import { reindexCompanies, reindexPeople } from '../db/search-index';
import { companiesTables, peopleTables, recordWhere, type EntityTables } from './lists/record-filter';
import type { ServiceEnv } from './service-env';

export type BulkEntity = 'person' | 'company';

/** Undo needs the ids; past this many the answer leaves them out (the action still runs). */
const MAX_RETURNED_IDS = 100_000;

/** Where a bulk action looks for its records. */
export type BulkScope = 'live' | 'trash';

const tablesOf = (entity: BulkEntity) => (entity === 'person' ? peopleTables : companiesTables);

/**
 * The records a bulk action or an export applies to, as a condition on the entity's table: the
 * picked or filtered ones among the live records (or those in the trash); no target: every one.
 */
export async function bulkTargetWhere(
  db: Executor,
  entity: BulkEntity,
  target: BulkTarget | null,
  env: ServiceEnv,
  scope: BulkScope = 'live',
): Promise<RawBuilder<unknown>> {
  const tables = tablesOf(entity);
  const options = { defaultCountry: env.defaultCountry };
  const trash = scope === 'trash';
  if (target === null || 'ids' in target) {
    const inScope = recordWhere(tables, { conditions: [], text: '', trash }, [], options);
    if (target === null) return inScope;
    return sql`${sql.ref(`${tables.table}.id`)} IN (SELECT value FROM json_each(${JSON.stringify(target.ids)}))
               AND ${inScope}`;
  }
  const filter = ListFilter.parse(target.filter);
  const customFields = await listCustomFieldDefinitions(db, entity);
  return recordWhere(tables, { ...filter, trash }, customFields, options);
}

/** The ids of the records a bulk action applies to, in id order. */
export async function resolveBulkTarget(
  db: Executor,
  entity: BulkEntity,
  target: BulkTarget,
  env: ServiceEnv,
  scope: BulkScope = 'live',
): Promise<number[]> {
  const { table } = tablesOf(entity);
  const where = await bulkTargetWhere(db, entity, target, env, scope);
  return idList(db, sql`SELECT ${sql.ref(`${table}.id`)} AS id FROM ${sql.table(table)} WHERE ${where}`);
}

/** The ids a query selects, as one JSON array: a million of them as row objects took ~100 MB at once. */
async function idList(db: Executor, query: RawBuilder<unknown>): Promise<number[]> {
  const { rows } = await sql<{ ids: string }>`SELECT json_group_array(id) AS ids FROM (${query})`.execute(db);
  return JSON.parse(rows[0]?.ids ?? '[]') as number[];
}

/**
 * Refuses a tagging that would leave some records with more tags than a record may hold (their forms
 * and import updates would fail their check); thrown inside the transaction, it undoes the whole action.
 * The result has no room for skipped records, and tagging only some of the picked ones would surprise.
 */
async function refuseOverTagged(
  trx: Executor,
  tables: EntityTables,
  idSet: RawBuilder<unknown>,
  tagIds: readonly number[],
): Promise<void> {
  const owner = sql.ref(tables.ownerColumn);
  const tagTable = sql.table(tables.tagTable);
  const adding = JSON.stringify(tagIds);
  // Only records this action would give a tag: one already past the limit (an older import's)
  // and not getting any stays as it is and doesn't stop the rest.
  const { rows } = await sql<{ count: number }>`
    SELECT count(*) AS count FROM (
      SELECT (SELECT count(*) FROM ${tagTable} x WHERE x.${owner} = r.value) AS has,
             (SELECT count(*) FROM ${tagTable} x WHERE x.${owner} = r.value
                 AND x.tag_id IN (SELECT value FROM json_each(${adding}))) AS already
        FROM (${idSet}) r)
     WHERE already < ${tagIds.length} AND has + ${tagIds.length} - already > ${MAX_TAGS}`.execute(trx);
  const count = rows[0]?.count ?? 0;
  if (count > 0) {
    throw new AppError('InvalidInput', `${count} records would have more than ${MAX_TAGS} tags`, {
      reason: 'bulkTooManyTags',
      count,
      limit: MAX_TAGS,
    });
  }
}

/**
 * Tags, untags, re-assigns or trashes many records in one transaction, or restores or deletes for
 * good records in the trash, with set-based SQL (the ids travel as one JSON parameter), then
 * refreshes their search documents.
 */
export async function runBulk(db: AppDb, entity: BulkEntity, input: BulkRequest, env: ServiceEnv): Promise<BulkResult> {
  const request = BulkRequest.parse(input);
  const tables = entity === 'person' ? peopleTables : companiesTables;
  const table = sql.table(tables.table);
  const tagTable = sql.table(tables.tagTable);
  const ownerColumn = sql.raw(tables.ownerColumn);
  const now = env.now().toISOString();
  const ids = await db.transaction().execute(async (trx) => {
    const { action } = request;
    const scope = action.type === 'restore' || action.type === 'deleteForever' ? 'trash' : 'live';
    const ids = await resolveBulkTarget(trx, entity, request.target, env, scope);
    const idSet = sql`SELECT value FROM json_each(${JSON.stringify(ids)})`;
    switch (action.type) {
      case 'tag': {
        const tagIds = await ensureTags(trx, action.tags);
        await refuseOverTagged(trx, tables, idSet, tagIds);
        await sql`INSERT INTO ${tagTable} (tag_id, ${ownerColumn})
                  SELECT tags.value, records.value FROM json_each(${JSON.stringify(tagIds)}) tags, (${idSet}) records
                  -- "WHERE true" keeps SQLite from reading ON CONFLICT as a join constraint.
                  WHERE true ON CONFLICT DO NOTHING`.execute(trx);
        break;
      }
      case 'untag': {
        const keys = JSON.stringify(action.tags.map(foldText));
        await sql`DELETE FROM ${tagTable}
                   WHERE tag_id IN (SELECT id FROM tags WHERE name_key IN (SELECT value FROM json_each(${keys})))
                     AND ${ownerColumn} IN (${idSet})`.execute(trx);
        break;
      }
      case 'setOwner':
        if (action.ownerId !== null && !(await userExists(trx, action.ownerId))) {
          throw new AppError('NotFound', 'The owner does not exist', { ownerId: action.ownerId });
        }
        await sql`UPDATE ${table} SET owner_id = ${action.ownerId}, updated_at = ${now}, version = version + 1
                   WHERE id IN (${idSet})`.execute(trx);
        break;
      case 'trash':
      case 'restore':
        await sql`UPDATE ${table} SET deleted_at = ${action.type === 'trash' ? now : null}, updated_at = ${now},
                         version = version + 1
                   WHERE id IN (${idSet})`.execute(trx);
        await keepMergesReversible(trx, tables.table, ids);
        break;
      case 'deleteForever': {
        const { unlinkedPeople } = await deleteRecordsForever(trx, entity, ids, now);
        // The people of a deleted company name it in their search documents.
        await reindexPeople(trx, unlinkedPeople);
        break;
      }
    }
    if (action.type === 'tag' || action.type === 'untag') {
      // Tags are part of the record: an edit form or an import undo begun before must see the change.
      await sql`UPDATE ${table} SET updated_at = ${now}, version = version + 1 WHERE id IN (${idSet})`.execute(trx);
    }
    if (action.type !== 'setOwner') {
      // Deleted records lose their documents (the trash has none, so that is only a safeguard).
      // A company's tags are not in its people's documents; its trashing and restoring are.
      const withPeople = action.type !== 'tag' && action.type !== 'untag';
      await (entity === 'person' ? reindexPeople(trx, ids) : reindexCompanies(trx, ids, { withPeople }));
    }
    // Deleted for good: their words leave the index's pages too, not only its lists.
    if (action.type === 'deleteForever' && ids.length > 0) {
      await purgeSearchIndex(trx, entity);
      if (entity === 'company') await purgeSearchIndex(trx, 'person');
    }
    return ids;
  });
  return { affected: ids.length, ids: ids.length <= MAX_RETURNED_IDS ? ids : [] };
}
