/**
 * What a spreadsheet cell names must name one thing: an owner by its name, a list of tags split on
 * the separators. So two owners can't share a name and a tag can't hold a separator.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { createPerson, getPerson } from '../../main/services/people-service';
import { createCompany } from '../../main/services/companies-service';
import { runBulk } from '../../main/services/bulk-service';
import { createUser, listUsers } from '../../main/services/users-service';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

describe('names a spreadsheet cell can tell apart', () => {
  const tempDir = useTempDir();
  const env = testEnv();
  let database: OpenDatabase;

  beforeEach(async () => {
    database = await openTestDatabase(tempDir());
  });
  afterEach(async () => {
    await database.close();
  });

  it('refuses a second owner of the same name, however it is capitalised or spelled with ё', async () => {
    await createUser(database.db, { displayName: 'Алёна Петрова' }, env);
    for (const displayName of ['Алёна Петрова', 'алена  петрова', ' АЛЕНА ПЕТРОВА ']) {
      await expect(createUser(database.db, { displayName }, env)).rejects.toMatchObject({
        code: 'InvalidInput',
        details: { field: 'displayName', reason: 'taken' },
      });
    }
    await createUser(database.db, { displayName: 'Алёна Петрова-Смирнова' }, env);
    expect((await listUsers(database.db)).map((user) => user.displayName)).toEqual([
      'Алёна Петрова',
      'Алёна Петрова-Смирнова',
    ]);
  });

  it('refuses tags holding a comma, a semicolon or a line break, on people, companies and bulk tagging', async () => {
    for (const tag of ['Окна, двери', 'VIP;опт', 'две\nстроки']) {
      await expect(createPerson(database.db, { lastName: 'Иванов', tags: [tag] }, env)).rejects.toThrow(ZodError);
      await expect(createCompany(database.db, { name: 'Ромашка', tags: [tag] }, env)).rejects.toThrow(ZodError);
    }
    const person = await createPerson(database.db, { lastName: 'Иванов', tags: ['Окна и двери'] }, env);
    await expect(
      runBulk(database.db, 'person', { target: { ids: [person.id] }, action: { type: 'tag', tags: ['a,b'] } }, env),
    ).rejects.toThrow(ZodError);
    expect((await getPerson(database.db, person.id)).tags).toEqual(['Окна и двери']);
  });
});
