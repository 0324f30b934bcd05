import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { createCompany, updateCompany } from '../../main/services/companies-service';
import { createPerson, getPerson, restorePeople, trashPeople, updatePerson } from '../../main/services/people-service';
import { listPeoplePage } from '../../main/services/lists/people-list-service';
import { search } from '../../main/services/search-service';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

describe('people, companies and search', () => {
  const tempDir = useTempDir();
  let database: OpenDatabase;
  const env = testEnv();
  const find = (query: string, limit = 10) =>
    search(database.db, query, { limit, types: ['person', 'company'], defaultCountry: 'RU' });

  beforeEach(async () => {
    database = await openTestDatabase(tempDir());
  });
  afterEach(async () => {
    await database.close();
  });

  async function seedIvanov() {
    const company = await createCompany(database.db, { name: 'ООО «Ромашка»', addresses: [{ city: 'Москва' }] }, env);
    const person = await createPerson(
      database.db,
      {
        firstName: 'Пётр',
        middleName: 'Алексеевич',
        lastName: 'Соловьёв',
        companyId: company.id,
        position: 'Директор',
        phones: [{ value: '8 916 123-45-67', label: 'mobile' }],
        emails: [{ value: '  P.Soloviev@Romashka.RU ', label: 'work' }],
        addresses: [{ city: 'Санкт-Петербург' }],
        tags: ['VIP', 'Опт'],
      },
      env,
    );
    return { company, person };
  }

  it('normalises phones to E.164 and e-mails to lower case, and composes a Russian display name', async () => {
    const { person, company } = await seedIvanov();
    expect(person.displayName).toBe('Соловьёв Пётр Алексеевич');
    expect(person.phones).toEqual([
      { value: '+79161234567', display: '+7 916 123-45-67', label: 'mobile', valid: true },
    ]);
    expect(person.emails).toEqual([{ value: 'p.soloviev@romashka.ru', label: 'work' }]);
    expect(person.company).toEqual({ id: company.id, name: 'ООО «Ромашка»', inTrash: false });
    expect(person.tags.sort()).toEqual(['VIP', 'Опт']);
  });

  it.each([
    ['8 916 123-45-67'],
    ['+7 (916) 123-45-67'],
    ['79161234567'],
    ['9161234567'],
    ['123-45-67'],
    ['8916'],
    ['916 123'],
    ['916 123-45'],
    ['9161234'],
    // Dashes, minus signs, slashes and dots between the groups, as word processors and sites write them.
    ['8 (916) 123–45–67'],
    ['916—123—45—67'],
    ['916\u2011123\u201145\u201167'],
    ['123\u221245\u221267'],
    ['916/123/45/67'],
    ['916.123.45.67'],
  ])('finds a person by phone typed as %s', async (query) => {
    const { person } = await seedIvanov();
    const hits = await find(query);
    expect(hits[0]).toMatchObject({ type: 'person', id: person.id });
  });

  it('finds a phone by its last digits before the many numbers those digits could start', async () => {
    // «9657» also reads as the start of +7 965 7…: twenty such numbers fill what a box of 5 fetches.
    for (let n = 0; n < 25; n += 1) {
      const phone = `+7 965 7${String(n).padStart(2, '0')}-11-22`;
      await createPerson(database.db, { lastName: `Шумов${n}`, phones: [{ value: phone }] }, env);
    }
    const target = await createPerson(
      database.db,
      { lastName: 'Нужный', phones: [{ value: '+7 942 287-96-57' }] },
      env,
    );
    expect((await find('9657', 5))[0]).toMatchObject({ id: target.id, detail: '+7 942 287-96-57' });
    expect((await find('96-57', 5))[0]).toMatchObject({ id: target.id });
    // Typed with +, the digits are a number's start, though this one ends in them too.
    const started = await find('+7 965 7', 5);
    expect(started.map((hit) => hit.displayName)).toEqual(Array.from({ length: 5 }, (_, n) => `Шумов${n}`));
  });

  it('finds an office phone by its number when the query has an extension too', async () => {
    const office = await createPerson(
      database.db,
      { lastName: 'Добавочный', phones: [{ value: '+7 495 123-45-67 доб. 321' }] },
      env,
    );
    for (const query of [
      '+7 495 123-45-67 доб. 321',
      '+7 495 123-45-67, доб. 321',
      '(495) 123-45-67 ext 321',
      '+74951234567 ext. 321',
    ]) {
      expect((await find(query))[0], query).toMatchObject({ type: 'person', id: office.id });
    }
  });

  it.each([
    ['соловьев'],
    ['СОЛОВЬЁВ'],
    ['Соловь'],
    ['пётр алекс'],
    ['p.soloviev@rom'],
    ['романшка'.slice(0, 3)],
    ['петербург'],
    ['vip'],
  ])('finds a person by %s (Cyrillic/Latin, any case, ё = е)', async (query) => {
    const { person } = await seedIvanov();
    const hits = await find(query);
    expect(hits.map((hit) => hit.id)).toContain(person.id);
  });

  it('lists names starting with a single typed letter', async () => {
    const { person } = await seedIvanov();
    await createPerson(database.db, { lastName: 'Абрамов', firstName: 'Сергей' }, env);
    const hits = await find('С');
    expect(hits.map((hit) => hit.id)).toEqual([person.id]);
  });

  it('tolerates a typo in a name', async () => {
    const { person } = await seedIvanov();
    expect((await find('Соловьов')).map((hit) => hit.id)).toContain(person.id);
    expect((await find('Соловйев')).map((hit) => hit.id)).toContain(person.id);
    expect(await find('Кузнецов')).toEqual([]);
  });

  it('tolerates a typo in a word typed shorter than the name’s (a surname’s ending not typed yet)', async () => {
    const petrova = await createPerson(database.db, { lastName: 'Петрова', firstName: 'Анна' }, env);
    const smirnov = await createPerson(database.db, { lastName: 'Смирнов', firstName: 'Сергей' }, env);
    const smirnova = await createPerson(database.db, { lastName: 'Смирнова', firstName: 'Ольга' }, env);
    expect((await find('Петрав')).map((hit) => hit.id)).toEqual([petrova.id]);
    expect((await find('Смирнав')).map((hit) => hit.id).sort()).toEqual([smirnov.id, smirnova.id].sort());
    expect((await find('Ольга Смирнав')).map((hit) => hit.id)).toEqual([smirnova.id]);
  });

  it('finds the person named as typed before the people of a company whose name starts the same', async () => {
    const company = await createCompany(database.db, { name: 'Ивановская мануфактура' }, env);
    for (let n = 1; n <= 60; n += 1) {
      await createPerson(database.db, { lastName: `Сотрудник${n}`, companyId: company.id }, env);
    }
    const ivanov = await createPerson(database.db, { lastName: 'Иванов', firstName: 'Сергей' }, env);
    const hits = await find('Иванов', 5);
    expect(hits.map((hit) => `${hit.type}:${hit.id}`)).toContain(`person:${ivanov.id}`);
    expect(
      hits
        .slice(0, 2)
        .map((hit) => hit.displayName)
        .sort(),
    ).toEqual(['Иванов Сергей', 'Ивановская мануфактура']);
  });

  it('finds Russian names in the Latin spellings passports and e-mails use', async () => {
    const names: Array<[string, string, string]> = [
      ['Михайлова', 'Юлия', 'yulia'],
      ['Михайлова', 'Юлия', 'julia mikhailova'],
      ['Ильин', 'Олег', 'ilyin'],
      ['Зайцева', 'Анна', 'zaitseva'],
      ['Фёдоров', 'Иван', 'fyodorov'],
      ['Смирнов', 'Пётр', 'pyotr'],
      ['Васильев', 'Глеб', 'vasilyev'],
      ['Майоров', 'Андрей', 'mayorov andrei'],
      ['Цой', 'Виктор', 'tsoi'],
      ['Чайковский', 'Пётр', 'chaikovskii'],
    ];
    const ids = new Map<string, number>();
    for (const [lastName, firstName] of names) {
      const key = `${lastName} ${firstName}`;
      if (!ids.has(key)) ids.set(key, (await createPerson(database.db, { lastName, firstName }, env)).id);
    }
    for (const [lastName, firstName, typed] of names) {
      expect(
        (await find(typed)).map((hit) => hit.id),
        typed,
      ).toContain(ids.get(`${lastName} ${firstName}`));
    }
  });

  it('finds a Russian name typed in Latin letters, as a business card or an e-mail spells it', async () => {
    const { person } = await seedIvanov();
    for (const typed of ['Soloviev', 'SOLOVEV', 'solovyov']) {
      expect((await find(typed)).map((hit) => hit.id)).toContain(person.id);
    }
    expect(await find('Kuznetsov')).toEqual([]);
  });

  it('shows the people named Петров before the many whose patronymic starts so (Петрович)', async () => {
    for (let index = 0; index < 85; index += 1) {
      await createPerson(database.db, { lastName: 'Сидоров', firstName: 'Иван', middleName: 'Петрович' }, env);
    }
    const petrov = await createPerson(database.db, { lastName: 'Петров', firstName: 'Сергей' }, env);
    const hits = await find('Петров', 20);
    expect(hits[0]).toMatchObject({ id: petrov.id, displayName: 'Петров Сергей' });
    expect(hits).toHaveLength(20);
  });

  it("finds a company's people by the company's name written with its legal form", async () => {
    const company = await createCompany(database.db, { name: 'Ромашка', legalName: 'ООО «Ромашка»' }, env);
    const person = await createPerson(
      database.db,
      { lastName: 'Лепесткова', firstName: 'Анна', companyId: company.id },
      env,
    );
    for (const typed of ['ООО Ромашка', 'ООО "Ромашка"', 'Общество с ограниченной ответственностью «Ромашка»']) {
      const ids = (await find(typed)).map((hit) => `${hit.type}:${hit.id}`);
      expect(ids, typed).toEqual(expect.arrayContaining([`company:${company.id}`, `person:${person.id}`]));
    }
    // A legal form alone is no name of theirs: it finds companies by their legal names only.
    expect((await find('ООО')).map((hit) => hit.type)).toEqual(['company']);
    // The list's own text box reads it the same way.
    await createPerson(database.db, { lastName: 'Ромашка', firstName: 'Ольга', position: 'ООО-шник' }, env);
    const listed = async (text: string) =>
      (await listPeoplePage(database.db, { filter: { conditions: [], text } }, { defaultCountry: 'RU' })).map(
        (row) => row.displayName,
      );
    expect(await listed('ООО Ромашка')).toEqual(['Лепесткова Анна', 'Ромашка Ольга']);
    expect(await listed('ООО')).toEqual(['Ромашка Ольга']);
  });

  it('finds companies by name and keeps people findable by a renamed company', async () => {
    const { company, person } = await seedIvanov();
    expect((await find('ромашка'))[0]).toMatchObject({ type: 'company', id: company.id });
    await updateCompany(database.db, company.id, company.version, { name: 'АО «Василёк»' }, env);
    const hits = await find('василек');
    expect(hits.map((hit) => `${hit.type}:${hit.id}`)).toEqual(
      expect.arrayContaining([`company:${company.id}`, `person:${person.id}`]),
    );
  });

  it('refuses a stale update with Conflict and keeps the newer values', async () => {
    const { person } = await seedIvanov();
    const input = { firstName: 'Пётр', lastName: 'Соловьёв', position: 'Президент' };
    const updated = await updatePerson(database.db, person.id, person.version, input, env);
    expect(updated.version).toBe(person.version + 1);
    const stale = await updatePerson(
      database.db,
      person.id,
      person.version,
      { ...input, position: 'Стажёр' },
      env,
    ).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).code).toBe('Conflict');
    expect((await getPerson(database.db, person.id)).position).toBe('Президент');
  });

  it('trashes and restores people, hiding them from search meanwhile', async () => {
    const { person } = await seedIvanov();
    expect(await trashPeople(database.db, [person.id], env)).toEqual([person.id]);
    expect(await find('соловьев')).toEqual([]);
    expect(await find('8 916 123-45-67')).toEqual([]);
    expect(await restorePeople(database.db, [person.id], env)).toEqual([person.id]);
    expect((await find('соловьев')).map((hit) => hit.id)).toContain(person.id);
  });

  it('needs a name and an existing company', async () => {
    await expect(createPerson(database.db, { position: 'Никто' }, env)).rejects.toMatchObject({ code: 'InvalidInput' });
    await expect(createPerson(database.db, { lastName: 'Иванов', companyId: 999 }, env)).rejects.toMatchObject({
      code: 'NotFound',
    });
  });
});
