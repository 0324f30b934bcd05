import type { Insertable, Selectable } from 'kysely';
import type { CompaniesTable } from '../schema';
import type { Executor } from './executor';

export type CompanyRow = Selectable<CompaniesTable> & { owner_name: string | null; people_count: number };
export type CompanyWrite = Omit<
  Insertable<CompaniesTable>,
  'id' | 'version' | 'created_at' | 'deleted_at' | 'merged_into_id'
>;

export async function insertCompany(db: Executor, values: CompanyWrite, createdAt: string): Promise<number> {
  const row = await db
    .insertInto('companies')
    .values({ ...values, created_at: createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findCompany(db: Executor, id: number): Promise<CompanyRow | undefined> {
  return db
    .selectFrom('companies')
    .leftJoin('users', 'users.id', 'companies.owner_id')
    .selectAll('companies')
    .select((eb) => [
      'users.display_name as owner_name',
      eb
        .selectFrom('people')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('people.company_id', '=', 'companies.id')
        .where('people.deleted_at', 'is', null)
        .as('people_count'),
    ])
    .where('companies.id', '=', id)
    .executeTakeFirst() as Promise<CompanyRow | undefined>;
}

/** Exact (folded) name match, for linking people to companies by name. */
export async function findCompanyIdsByName(db: Executor, nameSortKey: string): Promise<number[]> {
  const rows = await db
    .selectFrom('companies')
    .select('id')
    .where('sort_key', '=', nameSortKey)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

export async function companyExists(db: Executor, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('companies')
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
