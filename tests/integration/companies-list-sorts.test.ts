/** The companies list sorts by every column it shows: the people count, phone, e-mail, tags, custom fields. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCompany, trashCompanies } from '../../main/services/companies-service';
import { createCustomField } from '../../main/services/custom-fields-service';
import { listCompaniesPage } from '../../main/services/lists/companies-list-service';
import { createPerson, trashPeople } from '../../main/services/people-service';
import { testEnv } from '../support/open-test-database';
import { expectAppError, useSharedTestDatabase } from '../support/shared-test-database';

const RU = { defaultCountry: 'RU' };

describe('companies list sorts', () => {
  const shared = useSharedTestDatabase();
  const env = testEnv();
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const { db } = shared();
    await createCustomField(db, { entity: 'company', label: 'Оборот', type: 'number' }, env);
    const companies = [
      { name: 'Альфа', phones: [{ value: '+7 495 000-00-03', label: 'work' as const }], tags: ['Опт'], turnover: 5 },
      { name: 'Бета', emails: [{ value: 'a@beta.ru' }], tags: ['ёлка', 'VIP'], turnover: null },
      { name: 'Гамма', phones: [{ value: '+7 495 000-00-01', label: 'work' as const }], tags: [], turnover: 12 },
      { name: 'Дельта', emails: [{ value: 'z@delta.ru' }], tags: ['Елки'], turnover: 1 },
    ];
    for (const { turnover, ...values } of companies) {
      const company = await createCompany(
        db,
        { ...values, customFields: turnover === null ? {} : { oborot: turnover } },
        env,
      );
      ids[values.name] = company.id;
    }
    // People: Гамма 3 (one of them in the trash, not counted), Альфа 1, the others none.
    for (const [company, count] of [
      ['Гамма', 3],
      ['Альфа', 1],
    ] as const) {
      for (let i = 0; i < count; i += 1) {
        const person = await createPerson(db, { lastName: `Сотрудник ${i}`, companyId: ids[company]! }, env);
        if (company === 'Гамма' && i === 2) await trashPeople(db, [person.id], env);
      }
    }
  });

  const names = async (field: string, direction: 'asc' | 'desc') =>
    (await listCompaniesPage(shared().db, { sort: { field, direction } }, RU)).map((row) => row.name);

  it('sorts by the count of live people, ties by id', async () => {
    expect(await names('peopleCount', 'desc')).toEqual(['Гамма', 'Альфа', 'Дельта', 'Бета']);
    expect(await names('peopleCount', 'asc')).toEqual(['Бета', 'Дельта', 'Альфа', 'Гамма']);
  });

  it('sorts by the first phone and e-mail, companies without one first when ascending', async () => {
    expect(await names('phone', 'asc')).toEqual(['Бета', 'Дельта', 'Гамма', 'Альфа']);
    expect(await names('email', 'desc')).toEqual(['Дельта', 'Бета', 'Гамма', 'Альфа']);
  });

  it('sorts by the first tag with case and ё folded, and by a custom number', async () => {
    // Folded: "vip" < "елка" < "елки" < "опт" (Latin before Cyrillic); Гамма has none.
    expect(await names('tags', 'asc')).toEqual(['Гамма', 'Бета', 'Дельта', 'Альфа']);
    expect(await names('custom.oborot', 'desc')).toEqual(['Гамма', 'Альфа', 'Дельта', 'Бета']);
  });

  it('keeps the sort in the trash and refuses a field it does not know', async () => {
    await trashCompanies(shared().db, [ids['Альфа']!], env);
    const trashed = await listCompaniesPage(
      shared().db,
      { filter: { trash: true }, sort: { field: 'phone', direction: 'asc' } },
      RU,
    );
    expect(trashed.map((row) => row.name)).toEqual(['Альфа']);
    await expectAppError(
      listCompaniesPage(shared().db, { sort: { field: 'legalName', direction: 'asc' } }, RU),
      'InvalidInput',
    );
  });
});
