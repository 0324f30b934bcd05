/**
 * Computed sorts (first phone, first tag, a custom field, people count) have no index: ordering a
 * filter's matches reads every one of them, about a second for 50,000 people by phone. Paging with
 * OFFSET did all of that again for each page of a scroll. Instead the ordered ids of the last few
 * such lists are kept while nothing in the database changes (changeGeneration), and a page is a
 * slice of them.
 */
import { sql, type RawBuilder } from 'kysely';
import type { SortOrder } from '../../../shared/domain/list-query';
import { changeGeneration } from '../../db/change-generation';
import type { Executor } from '../../db/repositories/executor';
import type { ListOptions } from './list-options';
import type { EntityTables } from './record-filter';

const KEPT_LISTS = 4;

type Entry = { key: string; generation: string; ids: readonly number[] };

/** Per database handle: a closed database's lists go with it. */
const kept = new WeakMap<object, Entry[]>();

/** The ids of one page of a list, from its whole ordered id list, computed by `orderIds` when not kept. */
export async function pageOfOrderedIds(
  db: Executor,
  key: string,
  page: { offset: number; limit: number },
  orderIds: () => Promise<number[]>,
): Promise<number[]> {
  const generation = await changeGeneration(db);
  // Lists from before a change are dropped: they can only be wrong now.
  const entries = (kept.get(db) ?? []).filter((entry) => entry.generation === generation);
  let entry = entries.find((candidate) => candidate.key === key);
  if (entry === undefined) {
    entry = { key, generation, ids: await orderIds() };
  }
  kept.set(db, [entry, ...entries.filter((other) => other !== entry)].slice(0, KEPT_LISTS));
  return entry.ids.slice(page.offset, page.offset + page.limit);
}

/**
 * One page of a list by a computed sort: every match of `where` ordered by `order` (then the id),
 * unless that order is kept; `rowsOf` reads the page's rows by id.
 */
export async function pageInKeptOrder<T extends { id: number }>(
  db: Executor,
  list: {
    tables: EntityTables;
    query: { filter: unknown; sort: SortOrder; offset: number; limit: number };
    options: ListOptions;
    where: RawBuilder<unknown>;
    order: RawBuilder<unknown>;
  },
  rowsOf: (ids: number[]) => Promise<T[]>,
): Promise<T[]> {
  const { tables, query, options, where, order } = list;
  const direction = sql.raw(query.sort.direction === 'desc' ? 'DESC' : 'ASC');
  const key = JSON.stringify([tables.table, query.filter, query.sort, options.defaultCountry]);
  const ids = await pageOfOrderedIds(db, key, query, async () => {
    const { rows } = await sql<{ id: number }>`
      SELECT ${sql.ref(`${tables.table}.id`)} AS id FROM ${sql.table(tables.table)} WHERE ${where}
       ORDER BY ${order} ${direction}, ${sql.ref(`${tables.table}.id`)} ${direction}`.execute(db);
    return rows.map((row) => row.id);
  });
  if (ids.length === 0) return [];
  // A query by `id IN (...)` returns the rows in its own order.
  const byId = new Map((await rowsOf(ids)).map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
