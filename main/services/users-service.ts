import { UserInput, type User } from '../../shared/domain/users';
import { AppError } from '../../shared/errors';
import { foldText } from '../../shared/text/fold';
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

/**
 * Owners are told apart by name everywhere: in every owner picker, in exported workbooks and when a
 * workbook is imported (an owner cell names its owner). Two owners of one name would be one there.
 */
export async function createUser(db: AppDb, input: UserInput, env: ServiceEnv): Promise<User> {
  const values = UserInput.parse(input);
  const key = foldText(values.displayName);
  if ((await listUserRows(db)).some((user) => foldText(user.display_name) === key)) {
    throw new AppError('InvalidInput', `An owner named "${values.displayName}" exists already`, {
      field: 'displayName',
      reason: 'taken',
    });
  }
  const id = await insertUser(db, { displayName: values.displayName, email: values.email }, env.now().toISOString());
  return { id, displayName: values.displayName, email: values.email, isActive: true };
}
