import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FilterCondition } from '../../shared/domain/list-query';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { countPeople, listPeoplePage } from '../../main/services/lists/people-list-service';
import { createPerson } from '../../main/services/people-service';
import { createCompany, trashCompanies } from '../../main/services/companies-service';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

const RU = { defaultCountry: 'RU' };

describe('list filters on e-mails and phones, and field names that are no fields', () => {
  const tempDir = useTempDir();
  const env = testEnv();
  let database: OpenDatabase;
  const ids: Record<string, number> = {};

  beforeEach(async () => {
    database = await openTestDatabase(tempDir());
    const db = database.db;
    ids.alena = (await createPerson(db, { firstName: 'Алёна', emails: [{ value: 'Алёна@почта.рф' }] }, env)).id;
    ids.phone = (await createPerson(db, { firstName: 'Пётр', phones: [{ value: '+7 916 123-45-67' }] }, env)).id;
    ids.bare = (await createPerson(db, { firstName: 'Глеб' }, env)).id;
  });
  afterEach(async () => {
    await database.close();
  });

  async function matching(conditions: FilterCondition[]): Promise<number[]> {
    const rows = await listPeoplePage(database.db, { limit: 50, filter: { conditions } }, RU);
    expect(await countPeople(database.db, { conditions }, RU)).toBe(rows.length);
    return rows.map((row) => row.id).sort((a, b) => a - b);
  }

  it('finds an e-mail with ё however the letter is typed', async () => {
    for (const value of ['алёна', 'АЛЁНА', 'алена', 'Алена@ПОЧТА']) {
      expect(await matching([{ field: 'email', operator: 'contains', value }]), value).toEqual([ids.alena]);
    }
  });

  it('a phone contains no text without digits', async () => {
    expect(await matching([{ field: 'phone', operator: 'contains', value: 'нет' }])).toEqual([]);
    expect(await matching([{ field: 'phone', operator: 'contains', value: '45-67' }])).toEqual([ids.phone]);
  });

  it('finds a phone typed with an extension by its number, in the search text and "phone contains"', async () => {
    const office = (
      await createPerson(database.db, { firstName: 'Ирина', phones: [{ value: '+7 495 123-45-67 доб. 321' }] }, env)
    ).id;
    for (const typed of [
      '+7 495 123-45-67 доб. 321',
      '+7 495 123-45-67, доб. 321',
      '(495) 123-45-67 ext 321',
      '+74951234567 ext. 321',
    ]) {
      expect(await matching([{ field: 'phone', operator: 'contains', value: typed }]), typed).toEqual([office]);
      const rows = await listPeoplePage(database.db, { filter: { conditions: [], text: typed } }, RU);
      expect(
        rows.map((row) => row.id),
        typed,
      ).toEqual([office]);
      expect(await countPeople(database.db, { text: typed }, RU)).toBe(1);
    }
  });

  it('a person of a trashed company has no company: not that company, and not "is not" it', async () => {
    const db = database.db;
    const company = await createCompany(db, { name: 'Временная' }, env);
    const worker = (await createPerson(db, { firstName: 'Ольга', companyId: company.id }, env)).id;
    const isCompany: FilterCondition = { field: 'company', operator: 'is', value: [String(company.id)] };
    const isNotCompany: FilterCondition = { field: 'company', operator: 'isNot', value: [String(company.id)] };
    expect(await matching([isCompany])).toEqual([worker]);

    await trashCompanies(db, [company.id], env);
    expect(await matching([isCompany])).toEqual([]);
    expect(await matching([{ field: 'company', operator: 'isEmpty' }])).toContain(worker);
    expect(await matching([isNotCompany])).toContain(worker);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses "%s" as a sort or a filter field as it does any unknown field',
    async (field) => {
      await expect(
        listPeoplePage(database.db, { limit: 50, sort: { field, direction: 'asc' } }, RU),
      ).rejects.toMatchObject({ code: 'InvalidInput' });
      await expect(
        countPeople(database.db, { conditions: [{ field, operator: 'is', value: ['x'] }] }, RU),
      ).rejects.toMatchObject({ code: 'InvalidInput' });
    },
  );
});
