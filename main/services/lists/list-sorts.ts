/**
 * What a list can be sorted by: a column of the record's row, or a value read from its side tables
 * (first phone, first e-mail, first tag, a custom field, a company's people count), which has no
 * index of its own: sorting by it reads the value of every row the filter matches, in milliseconds
 * for thousands of rows and in tens of seconds for a million; past computedSortLimit it is refused
 * (the one connection would be busy all that time), and below it the order is kept for paging
 * (ordered-ids.ts).
 */
import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { CustomFieldDefinition } from '../../../shared/domain/custom-fields';
import { canSortBy, computedSortLimit, type SortOrder } from '../../../shared/domain/list-query';
import { CUSTOM_FIELD_PREFIX } from '../../../shared/domain/import-fields';
import type { Executor } from '../../db/repositories/executor';
import type { EntityTables } from './record-filter';

/** The first contact point of a kind, as the list's column shows it. */
function firstContact(tables: EntityTables, kind: 'phone' | 'email'): RawBuilder<unknown> {
  return sql`(SELECT cp.value FROM contact_points cp
               WHERE cp.${sql.ref(tables.ownerColumn)} = ${sql.ref(`${tables.table}.id`)} AND cp.kind = ${kind}
               ORDER BY cp.position LIMIT 1)`;
}

/** Tags sort by the first in alphabetical order (case and ё folded, as tags are told apart). */
function firstTag(tables: EntityTables): RawBuilder<unknown> {
  return sql`(SELECT min(t.name_key) FROM ${sql.table(tables.tagTable)} x JOIN tags t ON t.id = x.tag_id
               WHERE x.${sql.ref(tables.ownerColumn)} = ${sql.ref(`${tables.table}.id`)})`;
}

/** A company's live people. */
function livePeopleCount(tables: EntityTables): RawBuilder<unknown> {
  return sql`(SELECT count(*) FROM people p WHERE p.company_id = ${sql.ref(`${tables.table}.id`)} AND p.deleted_at IS NULL)`;
}

/** Numbers and check boxes by their number; text, dates (ISO) and options by their text. */
function customValue(tables: EntityTables, definition: CustomFieldDefinition): RawBuilder<unknown> {
  const column = definition.type === 'number' || definition.type === 'checkbox' ? 'value_number' : 'value_text';
  return sql`(SELECT min(v.${sql.ref(column)}) FROM ${sql.table(tables.customTable)} v
               WHERE v.field_id = ${definition.id} AND v.${sql.ref(tables.ownerColumn)} = ${sql.ref(`${tables.table}.id`)})`;
}

/**
 * The sort key of a list's `field`: one of the entity's `columns` (field → column), a computed one,
 * or a live custom field. Anything else is refused.
 */
export function sortKey(
  tables: EntityTables,
  columns: Readonly<Record<string, string>>,
  field: string,
  customFields: readonly CustomFieldDefinition[],
): RawBuilder<unknown> {
  // Own keys only: "constructor" or "toString" is no column (it was Object's, and crashed the query).
  const column = Object.hasOwn(columns, field) ? columns[field] : undefined;
  if (column !== undefined) return sql.ref(column);
  if (field === 'phone' || field === 'email') return firstContact(tables, field);
  if (field === 'tags') return firstTag(tables);
  if (field === 'peopleCount' && tables.table === 'companies') return livePeopleCount(tables);
  const definition = field.startsWith(CUSTOM_FIELD_PREFIX)
    ? customFields.find((item) => `${CUSTOM_FIELD_PREFIX}${item.key}` === field)
    : undefined;
  if (definition !== undefined) return customValue(tables, definition);
  throw new AppError('InvalidInput', `Can't sort by "${field}"`, { field });
}

/**
 * Refuses a computed sort of more records than it may order (see computedSortLimit). `matching`
 * is the caller's count when it knows it (the list screen does), else counted here.
 */
export async function checkSortBreadth(
  field: string,
  matchingHint: number | undefined,
  count: () => Promise<number>,
): Promise<void> {
  const limit = computedSortLimit(field);
  if (limit === null) return;
  const matching = matchingHint ?? (await count());
  if (!canSortBy(field, matching)) {
    throw new AppError('NotSupported', `Sorting ${matching} records by "${field}" would take too long`, {
      reason: 'sortTooBroad',
      limit,
    });
  }
}

/** How a list orders its rows: the fields it sorts by a column, and the joins those columns come from. */
export type ListOrder = {
  tables: EntityTables;
  columns: Readonly<Record<string, string>>;
  joins: RawBuilder<unknown>;
};

/**
 * Every id `where` selects, in the list's order (its sort, then the id, as its pages show them):
 * an export of the list as the user sees it. Refused, as the list refuses it, for a computed sort
 * of too many records.
 */
export async function idsInListOrder(
  db: Executor,
  order: ListOrder,
  where: RawBuilder<unknown>,
  sort: SortOrder,
  customFields: readonly CustomFieldDefinition[],
  { everyRecord = false }: { everyRecord?: boolean } = {},
): Promise<number[]> {
  const table = sql.table(order.tables.table);
  // Every record: read the table through. Without statistics SQLite walked a partial index and
  // looked each row up (1M people: 11 s instead of 4 s).
  const source = everyRecord ? sql`${table} NOT INDEXED` : table;
  const id = sql.ref(`${order.tables.table}.id`);
  await checkSortBreadth(sort.field, undefined, async () => {
    const { rows } = await sql<{ count: number }>`SELECT count(*) AS count FROM ${table} WHERE ${where}`.execute(db);
    return rows[0]?.count ?? 0;
  });
  const key = sortKey(order.tables, order.columns, sort.field, customFields);
  const direction = sql.raw(sort.direction === 'desc' ? 'DESC' : 'ASC');
  // One JSON array, ordered inside the aggregate: a million ids as row objects took ~100 MB at once.
  const { rows } = await sql<{ ids: string }>`
    SELECT json_group_array(${id} ORDER BY ${key} ${direction}, ${id} ${direction}) AS ids
      FROM ${source} ${order.joins} WHERE ${where}`.execute(db);
  return JSON.parse(rows[0]?.ids ?? '[]') as number[];
}
