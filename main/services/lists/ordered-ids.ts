/**
 * Computed sorts (first phone, first tag, a custom field, people count) have no index: ordering a
 * filter's matches reads every one of them, about a second for 50,000 people by phone. Paging with
 * OFFSET did all of that again for each page of a scroll. Instead the ordered ids of the last few
 * such lists are kept while nothing in the database changes (changeGeneration), and a page is a
 * slice of them.
 */
import { changeGeneration } from '../../db/change-generation';
import type { Executor } from '../../db/repositories/executor';

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

/** Rows in the order of `ids` (a query by `id IN (...)` returns them in its own order). */
export function inIdOrder<T extends { id: number }>(ids: readonly number[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
