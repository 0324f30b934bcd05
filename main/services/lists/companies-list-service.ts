import type { CompanyListRow } from '../../../shared/domain/companies-list';
import { sql } from 'kysely';
import { computedSortLimit, ListFilter, ListPageQuery } from '../../../shared/domain/list-query';
import type { Executor } from '../../db/repositories/executor';
import { listCustomFieldDefinitions } from '../../db/repositories/custom-fields';
import type { ListOptions } from './list-options';
import { checkSortBreadth, sortKey, type ListOrder } from './list-sorts';
import { pageInKeptOrder } from './ordered-ids';
import { loadPageExtras } from './page-extras';
import { companiesTables, recordWhere } from './record-filter';

/** Sorts by a column of the row (others: see list-sorts.ts); each ends with the id, so pages are stable when values tie. */
const sortColumns: Record<string, string> = {
  name: 'companies.sort_key',
  owner: 'users.display_name',
  city: 'companies.city',
  industry: 'companies.industry',
  source: 'companies.source',
  createdAt: 'companies.created_at',
  updatedAt: 'companies.updated_at',
};

/** The list's order for a query of ids (an export): the join the owner sort reads, as the page's. */
export const companiesListOrder: ListOrder = {
  tables: companiesTables,
  columns: sortColumns,
  joins: sql`LEFT JOIN users ON users.id = companies.owner_id`,
};

export async function listCompaniesPage(
  db: Executor,
  input: ListPageQuery,
  options: ListOptions,
): Promise<CompanyListRow[]> {
  const query = ListPageQuery.parse(input);
  const customFields = await listCustomFieldDefinitions(db, 'company');
  const order = sortKey(companiesTables, sortColumns, query.sort.field, customFields);
  await checkSortBreadth(query.sort.field, query.matchingHint, () => countCompanies(db, query.filter, options));
  const rows = db
    .selectFrom('companies')
    .leftJoin('users', 'users.id', 'companies.owner_id')
    .select((eb) => [
      'companies.id',
      'companies.name',
      'companies.industry',
      'companies.city',
      'companies.source',
      'companies.owner_id',
      'users.display_name as owner_name',
      'companies.created_at',
      'companies.updated_at',
      'companies.deleted_at',
      eb
        .selectFrom('people')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('people.company_id', '=', 'companies.id')
        .where('people.deleted_at', 'is', null)
        .as('people_count'),
    ]);
  let page;
  if (computedSortLimit(query.sort.field) === null) {
    page = await rows
      .where(recordWhere(companiesTables, query.filter, customFields, options))
      .orderBy(order, query.sort.direction)
      .orderBy('companies.id', query.sort.direction)
      .limit(query.limit)
      .offset(query.offset)
      .execute();
  } else {
    page = await pageInKeptOrder(
      db,
      {
        tables: companiesTables,
        query,
        options,
        where: recordWhere(companiesTables, query.filter, customFields, options),
        order,
      },
      (ids) => rows.where('companies.id', 'in', ids).execute(),
    );
  }
  const extras = await loadPageExtras(
    db,
    'company',
    page.map((row) => row.id),
    customFields,
  );
  return page.map((row) => ({
    id: row.id,
    name: row.name,
    industry: row.industry,
    city: row.city,
    source: row.source,
    owner: row.owner_id !== null && row.owner_name !== null ? { id: row.owner_id, name: row.owner_name } : null,
    ...extras.get(row.id)!,
    peopleCount: Number(row.people_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  }));
}

export async function countCompanies(db: Executor, input: ListFilter, options: ListOptions): Promise<number> {
  const filter = ListFilter.parse(input);
  const customFields = await listCustomFieldDefinitions(db, 'company');
  const row = await db
    .selectFrom('companies')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where(recordWhere(companiesTables, filter, customFields, options))
    .executeTakeFirstOrThrow();
  return row.count;
}
