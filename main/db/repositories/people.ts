import type { Insertable, Selectable } from 'kysely';
import type { PeopleTable } from '../schema';
import type { Executor } from './executor';

export type PersonRow = Selectable<PeopleTable> & {
  company_name: string | null;
  company_deleted_at: string | null;
  owner_name: string | null;
};
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
      // A trashed company is still named (marked as such): an edit must keep the link for its restore.
      .leftJoin('companies', 'companies.id', 'people.company_id')
      .leftJoin('users', 'users.id', 'people.owner_id')
      .selectAll('people')
      .select([
        'companies.name as company_name',
        'companies.deleted_at as company_deleted_at',
        'users.display_name as owner_name',
      ])
      .where('people.id', '=', id)
      .executeTakeFirst()
  );
}
