import { UserInput, type User } from '../../shared/domain/users';
import type { AppDb } from '../db/kysely';
import { insertUser, listUsers as listUserRows, type UserRow } from '../db/repositories/users';
import type { ServiceEnv } from './service-env';

const toUser = (row: UserRow): User => ({
  id: row.id,
  displayName: row.display_name,
  email: row.email,
  isActive: row.is_active === 1,
});

export async function listUsers(db: AppDb): Promise<User[]> {
  return (await listUserRows(db)).map(toUser);
}

export async function createUser(db: AppDb, input: UserInput, env: ServiceEnv): Promise<User> {
  const values = UserInput.parse(input);
  const id = await insertUser(db, { displayName: values.displayName, email: values.email }, env.now().toISOString());
  return { id, displayName: values.displayName, email: values.email, isActive: true };
}
