/**
 * A list sorted by a computed value (first phone, tags, a custom field...) keeps its ordered ids
 * between pages, so scrolling doesn't sort every match again, and drops them as soon as anything
 * changes: a write on this connection, or a commit by another computer on the same file.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { createDatabase, openDatabase } from '../../main/services/encrypted-database';
import { createPerson, getPerson, updatePerson } from '../../main/services/people-service';
import { createCompany } from '../../main/services/companies-service';
import { listPeoplePage } from '../../main/services/lists/people-list-service';
import { listCompaniesPage } from '../../main/services/lists/companies-list-service';
import { pageOfOrderedIds } from '../../main/services/lists/ordered-ids';
import { TEST_PASSPHRASE, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const options = { defaultCountry: 'RU' };
const byPhone = { field: 'phone', direction: 'asc' } as const;

describe('pages of a computed sort', () => {
  const env = testEnv();
  let file: string;
  let database: OpenDatabase;
  const ids: number[] = [];

  beforeEach(async () => {
    file = path.join(tempDir(), 'list.kartoteka');
    database = await createDatabase(file, 'Списки', TEST_PASSPHRASE);
    ids.length = 0;
    for (const [index, surname] of ['Антонов', 'Борисов', 'Волков', 'Григорьев', 'Дмитриев'].entries()) {
      const person = await createPerson(
        database.db,
        { lastName: surname, phones: [{ value: `+7 916 000-00-0${index + 1}` }] },
        env,
      );
      ids.push(person.id);
    }
  });
  afterEach(async () => {
    await database.close();
  });

  const page = async (db: OpenDatabase, offset: number, limit = 2) =>
    (await listPeoplePage(db.db, { sort: byPhone, offset, limit }, options)).map((row) => row.displayName);

  it('pages through the kept order, the same as one long page', async () => {
    const all = await page(database, 0, 10);
    expect(all).toEqual(['Антонов', 'Борисов', 'Волков', 'Григорьев', 'Дмитриев']);
    const paged = [...(await page(database, 0)), ...(await page(database, 2)), ...(await page(database, 4))];
    expect(paged).toEqual(all);
    expect(await page(database, 6)).toEqual([]);
    const descending = await listPeoplePage(
      database.db,
      { sort: { field: 'phone', direction: 'desc' }, offset: 0, limit: 2 },
      options,
    );
    expect(descending.map((row) => row.displayName)).toEqual(['Дмитриев', 'Григорьев']);
  });

  it('sorts again after an edit on this computer', async () => {
    expect(await page(database, 0)).toEqual(['Антонов', 'Борисов']);
    const last = await getPerson(database.db, ids[4]!);
    await updatePerson(database.db, last.id, last.version, { ...last, phones: [{ value: '+7 916 000-00-00' }] }, env);
    expect(await page(database, 0)).toEqual(['Дмитриев', 'Антонов']);
    expect(await page(database, 2)).toEqual(['Борисов', 'Волков']);
  });

  it("sorts again after a colleague's edit on another computer", async () => {
    expect(await page(database, 0)).toEqual(['Антонов', 'Борисов']);
    const colleague = await openDatabase(file, TEST_PASSPHRASE);
    try {
      const last = await getPerson(colleague.db, ids[4]!);
      await updatePerson(
        colleague.db,
        last.id,
        last.version,
        { ...last, phones: [{ value: '+7 916 000-00-00' }] },
        env,
      );
    } finally {
      await colleague.close();
    }
    expect(await page(database, 0)).toEqual(['Дмитриев', 'Антонов']);
  });

  it('orders the ids once per list while nothing changes', async () => {
    let orderings = 0;
    const order = async () => {
      orderings += 1;
      return [3, 1, 2, 5, 4];
    };
    const key = 'people by phone';
    expect(await pageOfOrderedIds(database.db, key, { offset: 0, limit: 2 }, order)).toEqual([3, 1]);
    expect(await pageOfOrderedIds(database.db, key, { offset: 2, limit: 2 }, order)).toEqual([2, 5]);
    expect(await pageOfOrderedIds(database.db, 'another list', { offset: 0, limit: 2 }, order)).toEqual([3, 1]);
    expect(await pageOfOrderedIds(database.db, key, { offset: 4, limit: 2 }, order)).toEqual([4]);
    expect(orderings).toBe(2);
    await createPerson(database.db, { lastName: 'Егоров' }, env);
    await pageOfOrderedIds(database.db, key, { offset: 0, limit: 2 }, order);
    expect(orderings).toBe(3);
  });

  it('pages companies by their people count', async () => {
    const small = await createCompany(database.db, { name: 'ООО «Малая»' }, env);
    const large = await createCompany(database.db, { name: 'ООО «Большая»' }, env);
    for (const id of ids.slice(0, 3)) {
      const person = await getPerson(database.db, id);
      await updatePerson(database.db, id, person.version, { ...person, companyId: large.id }, env);
    }
    const person = await getPerson(database.db, ids[3]!);
    await updatePerson(database.db, person.id, person.version, { ...person, companyId: small.id }, env);
    await createCompany(database.db, { name: 'ООО «Пустая»' }, env);
    const names = async (offset: number) =>
      (
        await listCompaniesPage(
          database.db,
          { sort: { field: 'peopleCount', direction: 'desc' }, offset, limit: 2 },
          options,
        )
      ).map((row) => [row.name, row.peopleCount]);
    expect([...(await names(0)), ...(await names(2))]).toEqual([
      ['ООО «Большая»', 3],
      ['ООО «Малая»', 1],
      ['ООО «Пустая»', 0],
    ]);
  });
});
