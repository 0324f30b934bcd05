/**
 * The tags, owners and custom fields an import made, found by id: the import's transaction holds
 * the write lock, so every such row with an id above the highest before it is the import's own.
 */
import { sql } from 'kysely';
import type { ImportCreatedItemsTable } from '../schema';
import type { Executor } from './executor';

type ItemKind = ImportCreatedItemsTable['kind'];
const TABLES: Record<ItemKind, string> = { tag: 'tags', user: 'users', customField: 'custom_field_definitions' };
const KINDS = Object.keys(TABLES) as ItemKind[];

export type LastItemIds = Record<ItemKind, number>;

/** The highest id of each kind of item now: taken before an import writes anything. */
export async function lastItemIds(db: Executor): Promise<LastItemIds> {
  const last = {} as LastItemIds;
  for (const kind of KINDS) {
    const { rows } = await sql<{
      id: number;
    }>`SELECT coalesce(max(id), 0) AS id FROM ${sql.table(TABLES[kind])}`.execute(db);
    last[kind] = rows[0]?.id ?? 0;
  }
  return last;
}

/** Notes down, once the import has written its rows, every item made since `before`. */
export async function journalCreatedItems(db: Executor, importId: number, before: LastItemIds): Promise<void> {
  for (const kind of KINDS) {
    await sql`INSERT INTO import_created_items (import_id, kind, item_id)
              SELECT ${importId}, ${kind}, id FROM ${sql.table(TABLES[kind])} WHERE id > ${before[kind]}`.execute(db);
  }
}

/**
 * Removes what the import made that nothing uses now that its records are gone: a tag no record
 * carries, an owner no record or activity names, a custom field no record fills and no saved view
 * mentions. What someone has used since stays.
 */
export async function removeUnusedCreatedItems(db: Executor, importId: number): Promise<void> {
  const made = (kind: ItemKind) =>
    sql`SELECT item_id FROM import_created_items WHERE import_id = ${importId} AND kind = ${kind}`;
  await sql`DELETE FROM tags WHERE id IN (${made('tag')})
              AND NOT EXISTS (SELECT 1 FROM person_tags WHERE tag_id = tags.id)
              AND NOT EXISTS (SELECT 1 FROM company_tags WHERE tag_id = tags.id)`.execute(db);
  await sql`DELETE FROM users WHERE id IN (${made('user')})
              AND NOT EXISTS (SELECT 1 FROM people WHERE owner_id = users.id)
              AND NOT EXISTS (SELECT 1 FROM companies WHERE owner_id = users.id)
              AND NOT EXISTS (SELECT 1 FROM activities WHERE owner_id = users.id)`.execute(db);
  await sql`DELETE FROM custom_field_definitions WHERE id IN (${made('customField')})
              AND NOT EXISTS (SELECT 1 FROM person_custom_values WHERE field_id = custom_field_definitions.id)
              AND NOT EXISTS (SELECT 1 FROM company_custom_values WHERE field_id = custom_field_definitions.id)
              AND NOT EXISTS (SELECT 1 FROM saved_views
                               WHERE instr(filter || sort || columns, '"custom.' || custom_field_definitions.key || '"'))`.execute(
    db,
  );
}
