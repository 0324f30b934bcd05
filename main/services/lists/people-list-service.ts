import { sql } from 'kysely';
import { computedSortLimit, ListFilter, ListPageQuery } from '../../../shared/domain/list-query';
import type { PersonListRow } from '../../../shared/domain/people-list';
import type { Executor } from '../../db/repositories/executor';
import { listCustomFieldDefinitions } from '../../db/repositories/custom-fields';
import type { ListOptions } from './list-options';
import { checkSortBreadth, sortKey, type ListOrder } from './list-sorts';
import { pageInKeptOrder } from './ordered-ids';
import { loadPageExtras } from './page-extras';
import { peopleTables, recordWhere } from './record-filter';

/** Sorts by a column of the row (others: see list-sorts.ts); each ends with the id, so pages are stable when values tie. */
const sortColumns: Record<string, string> = {
  name: 'people.sort_key',
  company: 'companies.sort_key',
  owner: 'users.display_name',
  city: 'people.city',
  position: 'people.position',
  source: 'people.source',
  birthday: 'people.birthday',
  createdAt: 'people.created_at',
  updatedAt: 'people.updated_at',
};

/** The list's order for a query of ids (an export): the joins the company and owner sorts read, as the page's. */
export const peopleListOrder: ListOrder = {
  tables: peopleTables,
  columns: sortColumns,
  joins: sql`LEFT JOIN companies ON companies.id = people.company_id AND companies.deleted_at IS NULL
             LEFT JOIN users ON users.id = people.owner_id`,
};

/** Sorts with an index of their own (see migrations/0002: people_by_name, _by_created, _by_updated). */
const indexedSorts = new Set(['name', 'createdAt', 'updatedAt']);
/** Above this many matches, walking the sort index to the page's end is the cheaper plan. */
const MANY_MATCHES = 2000;

function prefersSortIndex(query: { sort: { field: string }; matchingHint?: number | undefined }): boolean {
  return indexedSorts.has(query.sort.field) && (query.matchingHint ?? 0) > MANY_MATCHES;
}

/** One page of the people list: filtered, sorted, with what the columns show. */
export async function listPeoplePage(
  db: Executor,
  input: ListPageQuery,
  options: ListOptions,
): Promise<PersonListRow[]> {
  const query = ListPageQuery.parse(input);
  const customFields = await listCustomFieldDefinitions(db, 'person');
  const order = sortKey(peopleTables, sortColumns, query.sort.field, customFields);
  await checkSortBreadth(query.sort.field, query.matchingHint, () => countPeople(db, query.filter, options));
  const rows = db
    .selectFrom('people')
    .leftJoin('companies', (join) =>
      join.onRef('companies.id', '=', 'people.company_id').on('companies.deleted_at', 'is', null),
    )
    .leftJoin('users', 'users.id', 'people.owner_id')
    .select([
      'people.id',
      'people.display_name',
      'people.company_id',
      'companies.name as company_name',
      'people.position',
      'people.city',
      'people.source',
      'people.owner_id',
      'users.display_name as owner_name',
      'people.created_at',
      'people.updated_at',
      'people.deleted_at',
    ]);
  let page;
  if (computedSortLimit(query.sort.field) === null) {
    page = await rows
      .where(
        recordWhere(peopleTables, query.filter, customFields, {
          ...options,
          avoidFilterIndexes: prefersSortIndex(query),
        }),
      )
      .orderBy(order, query.sort.direction)
      .orderBy('people.id', query.sort.direction)
      .limit(query.limit)
      .offset(query.offset)
      .execute();
  } else {
    page = await pageInKeptOrder(
      db,
      {
        tables: peopleTables,
        query,
        options,
        where: recordWhere(peopleTables, query.filter, customFields, options),
        order,
      },
      (ids) => rows.where('people.id', 'in', ids).execute(),
    );
  }
  if (page.length === 0) return [];

  const ids = page.map((row) => row.id);
  const extras = await loadPageExtras(db, 'person', ids, customFields);
  return page.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    company:
      row.company_id !== null && row.company_name !== null ? { id: row.company_id, name: row.company_name } : null,
    position: row.position,
    city: row.city,
    source: row.source,
    owner: row.owner_id !== null && row.owner_name !== null ? { id: row.owner_id, name: row.owner_name } : null,
    ...extras.get(row.id)!,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  }));
}

/** How many people match a filter (a saved view's badge, the list's scroll height). */
export async function countPeople(db: Executor, input: ListFilter, options: ListOptions): Promise<number> {
  const filter = ListFilter.parse(input);
  const customFields = await listCustomFieldDefinitions(db, 'person');
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where(recordWhere(peopleTables, filter, customFields, options))
    .executeTakeFirstOrThrow();
  return row.count;
}
