import type { Executor } from './executor';

export type UserRow = { id: number; display_name: string; email: string | null; is_active: 0 | 1 };

export async function listUsers(db: Executor): Promise<UserRow[]> {
  return db.selectFrom('users').select(['id', 'display_name', 'email', 'is_active']).orderBy('display_name').execute();
}

export async function insertUser(
  db: Executor,
  values: { displayName: string; email: string | null },
  at: string,
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ display_name: values.displayName, email: values.email, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function userExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
