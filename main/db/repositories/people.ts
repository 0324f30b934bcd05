import type { Insertable, Selectable } from 'kysely';
import type { PeopleTable } from '../schema';
import type { Executor } from './executor';

export type PersonRow = Selectable<PeopleTable> & { company_name: string | null; owner_name: string | null };
export type PersonWrite = Omit<
  Insertable<PeopleTable>,
  'id' | 'version' | 'created_at' | 'deleted_at' | 'erased_at' | 'merged_into_id'
>;

export async function insertPerson(db: Executor, values: PersonWrite, createdAt: string): Promise<number> {
  const row = await db
    .insertInto('people')
    .values({ ...values, created_at: createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findPerson(db: Executor, id: number): Promise<PersonRow | undefined> {
  return (
    db
      .selectFrom('people')
      // A trashed company is not shown on its people (they keep the link for a restore).
      .leftJoin('companies', (join) =>
        join.onRef('companies.id', '=', 'people.company_id').on('companies.deleted_at', 'is', null),
      )
      .leftJoin('users', 'users.id', 'people.owner_id')
      .selectAll('people')
      .select(['companies.name as company_name', 'users.display_name as owner_name'])
      .where('people.id', '=', id)
      .executeTakeFirst()
  );
}

export async function peopleOfCompany(db: Executor, companyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('people')
    .select('id')
    .where('company_id', '=', companyId)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}
