import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { runBulk } from '../../main/services/bulk-service';
import { countPeople, listPeoplePage } from '../../main/services/lists/people-list-service';
import {
  archiveCustomField,
  createCustomField,
  viewsUsingCustomField,
} from '../../main/services/custom-fields-service';
import { createPerson, getPerson, updatePerson } from '../../main/services/people-service';
import { createCompany } from '../../main/services/companies-service';
import { listCompaniesPage } from '../../main/services/lists/companies-list-service';
import { countViews, createView, deleteView, listViews, updateView } from '../../main/services/saved-views-service';
import { search } from '../../main/services/search-service';
import { createUser } from '../../main/services/users-service';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

describe('bulk actions and saved views', () => {
  const tempDir = useTempDir();
  const env = testEnv();
  let database: OpenDatabase;
  let ids: number[];

  beforeEach(async () => {
    database = await openTestDatabase(tempDir());
    ids = [];
    for (const [lastName, city] of [
      ['Иванов', 'Москва'],
      ['Петров', 'Москва'],
      ['Сидоров', 'Казань'],
      ['Орлова', 'Москва'],
    ] as const) {
      ids.push((await createPerson(database.db, { lastName, firstName: 'Тест', addresses: [{ city }] }, env)).id);
    }
  });
  afterEach(async () => {
    await database.close();
  });

  const inMoscow = { conditions: [{ field: 'city', operator: 'is' as const, value: 'Москва' }] };

  it('tags everyone a filter matches, makes them findable by the tag, and untags them', async () => {
    const result = await runBulk(
      database.db,
      'person',
      { target: { filter: inMoscow }, action: { type: 'tag', tags: ['Москвичи', 'VIP'] } },
      env,
    );
    expect(result.affected).toBe(3);
    expect(
      await countPeople(
        database.db,
        { conditions: [{ field: 'tags', operator: 'hasAny', value: ['москвичи'] }] },
        { defaultCountry: 'RU' },
      ),
    ).toBe(3);
    expect((await getPerson(database.db, ids[2]!)).tags).toEqual([]);
    const hits = await search(database.db, 'москвичи', { limit: 10, types: ['person'], defaultCountry: 'RU' });
    expect(hits.map((hit) => hit.id).sort()).toEqual([ids[0], ids[1], ids[3]].sort());

    await runBulk(
      database.db,
      'person',
      { target: { ids: [ids[0]!] }, action: { type: 'untag', tags: ['МОСКВИЧИ'] } },
      env,
    );
    expect((await getPerson(database.db, ids[0]!)).tags).toEqual(['VIP']);
  });

  it('filters «created before / after» a day by the day each record was created on, in the local time zone', async () => {
    const at = (day: number, hour: number) => ({ now: () => new Date(2026, 10, day, hour), defaultCountry: 'RU' });
    const early = await createPerson(database.db, { lastName: 'Ранняя' }, at(23, 0));
    const late = await createPerson(database.db, { lastName: 'Поздняя' }, at(23, 23));
    const next = await createPerson(database.db, { lastName: 'Завтрашняя' }, at(24, 0));
    const created = async (operator: 'before' | 'after', value: string) =>
      (
        await listPeoplePage(
          database.db,
          {
            filter: { conditions: [{ field: 'createdAt', operator, value }] },
            sort: { field: 'name', direction: 'asc' },
          },
          { defaultCountry: 'RU' },
        )
      )
        .map((row) => row.id)
        .filter((id) => [early.id, late.id, next.id].includes(id))
        .sort((a, b) => a - b);
    expect(await created('after', '2026-11-23')).toEqual([next.id]);
    expect(await created('before', '2026-11-23')).toEqual([]);
    expect(await created('after', '2026-11-22')).toEqual([early.id, late.id, next.id]);
    expect(await created('before', '2026-11-24')).toEqual([early.id, late.id]);
  });

  it('counts tagging and untagging as edits (a new version), so forms and undo opened before see them', async () => {
    const before = await getPerson(database.db, ids[0]!);
    const target = { ids: [ids[0]!] };
    await runBulk(database.db, 'person', { target, action: { type: 'tag', tags: ['VIP'] } }, env);
    const tagged = await getPerson(database.db, ids[0]!);
    expect(tagged.version).toBe(before.version + 1);
    await runBulk(database.db, 'person', { target, action: { type: 'untag', tags: ['vip'] } }, env);
    expect((await getPerson(database.db, ids[0]!)).version).toBe(before.version + 2);
    expect((await getPerson(database.db, ids[1]!)).version).toBe(before.version);
  });

  it('returns the same page whichever plan the matching hint picks', async () => {
    for (const sort of [
      { field: 'name', direction: 'asc' },
      { field: 'createdAt', direction: 'desc' },
    ] as const) {
      const plain = await listPeoplePage(database.db, { filter: inMoscow, sort }, { defaultCountry: 'RU' });
      const hinted = await listPeoplePage(
        database.db,
        { filter: inMoscow, sort, matchingHint: 1_000_000 },
        { defaultCountry: 'RU' },
      );
      expect(hinted.map((row) => row.id)).toEqual(plain.map((row) => row.id));
      expect(plain).toHaveLength(3);
    }
  });

  it('refuses tagging that would give a record more tags than it may hold, and tags no one', async () => {
    const full = Array.from({ length: 100 }, (_, i) => `Тег ${i}`);
    await updatePerson(database.db, ids[0]!, 1, { lastName: 'Иванов', firstName: 'Тест', tags: full }, env);
    const target = { ids: [ids[0]!, ids[1]!] };
    await expect(
      runBulk(database.db, 'person', { target, action: { type: 'tag', tags: ['VIP'] } }, env),
    ).rejects.toMatchObject({ code: 'InvalidInput', details: { reason: 'bulkTooManyTags', count: 1, limit: 100 } });
    expect((await getPerson(database.db, ids[0]!)).tags).toHaveLength(100);
    expect((await getPerson(database.db, ids[1]!)).tags).toEqual([]);
    // A tag the record holds already (in any case) adds nothing, so it is no reason to refuse.
    await runBulk(database.db, 'person', { target, action: { type: 'tag', tags: ['тег 7'] } }, env);
    expect((await getPerson(database.db, ids[1]!)).tags).toEqual(['Тег 7']);
    // A record already past the limit (as older versions could leave one) holding the tag stops no one.
    const extra = await database.db
      .insertInto('tags')
      .values({ name: 'Лишний', name_key: 'лишний' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db.insertInto('person_tags').values({ tag_id: extra.id, person_id: ids[0]! }).execute();
    const withThird = { ids: [ids[0]!, ids[2]!] };
    await runBulk(database.db, 'person', { target: withThird, action: { type: 'tag', tags: ['Тег 8'] } }, env);
    expect((await getPerson(database.db, ids[2]!)).tags).toEqual(['Тег 8']);
  });

  it('changes the owner of picked people and bumps their version', async () => {
    const owner = await createUser(database.db, { displayName: 'Мария Иванова' }, env);
    const before = await getPerson(database.db, ids[1]!);
    const result = await runBulk(
      database.db,
      'person',
      { target: { ids: [ids[1]!, ids[2]!] }, action: { type: 'setOwner', ownerId: owner.id } },
      env,
    );
    expect(result).toEqual({ affected: 2, ids: [ids[1], ids[2]] });
    const after = await getPerson(database.db, ids[1]!);
    expect(after.owner).toEqual({ id: owner.id, name: 'Мария Иванова' });
    expect(after.version).toBe(before.version + 1);
    await expect(
      runBulk(database.db, 'person', { target: { ids: [ids[1]!] }, action: { type: 'setOwner', ownerId: 999 } }, env),
    ).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('trashes a filtered set and returns the ids for undo', async () => {
    const result = await runBulk(
      database.db,
      'person',
      { target: { filter: inMoscow }, action: { type: 'trash' } },
      env,
    );
    expect(result.ids.sort()).toEqual([ids[0], ids[1], ids[3]].sort());
    expect(await countPeople(database.db, {}, { defaultCountry: 'RU' })).toBe(1);
    expect(await search(database.db, 'иванов', { limit: 5, types: ['person'], defaultCountry: 'RU' })).toEqual([]);
  });

  it('saves, counts, updates and deletes views', async () => {
    const view = await createView(
      database.db,
      { entity: 'person', name: 'Москва', filter: inMoscow, sort: { field: 'name', direction: 'asc' } },
      env,
    );
    expect(view).toMatchObject({
      name: 'Москва',
      columns: [],
      filter: { conditions: inMoscow.conditions, text: '', trash: false },
    });
    await createView(
      database.db,
      { entity: 'person', name: 'Все', filter: {}, sort: { field: 'createdAt', direction: 'desc' } },
      env,
    );
    expect((await listViews(database.db, 'person')).map((v) => v.name)).toEqual(['Москва', 'Все']);
    expect(await listViews(database.db, 'company')).toEqual([]);
    const counts = await countViews(database.db, 'person', { defaultCountry: 'RU' });
    expect(counts.map((c) => c.count)).toEqual([3, 4]);

    const renamed = await updateView(
      database.db,
      view.id,
      view.version,
      { entity: 'person', name: 'Москвичи', filter: inMoscow, sort: view.sort, columns: ['name', 'city'] },
      env,
    );
    expect(renamed).toMatchObject({ name: 'Москвичи', columns: ['name', 'city'], version: view.version + 1 });
    await expect(
      updateView(database.db, view.id, view.version, { entity: 'person', name: 'x', filter: {}, sort: view.sort }, env),
    ).rejects.toMatchObject({ code: 'Conflict' });
    await deleteView(database.db, view.id);
    await expect(deleteView(database.db, view.id)).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('refuses a second view of one name in a list, case and ё aside; the other list may have it', async () => {
    const sort = { field: 'name', direction: 'asc' } as const;
    const moscow = await createView(
      database.db,
      { entity: 'person', name: 'Ёлки Москвы', filter: inMoscow, sort },
      env,
    );
    const other = await createView(database.db, { entity: 'person', name: 'Прочие', filter: {}, sort }, env);
    const taken = { code: 'InvalidInput', details: { field: 'name', reason: 'taken' } };
    await expect(
      createView(database.db, { entity: 'person', name: '  елки   москвы ', filter: {}, sort }, env),
    ).rejects.toMatchObject(taken);
    await expect(
      updateView(
        database.db,
        other.id,
        other.version,
        { entity: 'person', name: 'ЁЛКИ МОСКВЫ', filter: {}, sort },
        env,
      ),
    ).rejects.toMatchObject(taken);
    expect((await listViews(database.db, 'person')).map((view) => view.name)).toEqual(['Ёлки Москвы', 'Прочие']);

    // A view keeps its own name when updated (its case may change); a company view may share it.
    const updated = await updateView(
      database.db,
      moscow.id,
      moscow.version,
      { entity: 'person', name: 'ёлки москвы', filter: inMoscow, sort, columns: ['name'] },
      env,
    );
    expect(updated).toMatchObject({ name: 'ёлки москвы', columns: ['name'] });
    await createView(database.db, { entity: 'company', name: 'Ёлки Москвы', filter: {}, sort }, env);

    // Views named alike before names had to differ can still be updated.
    await database.db.updateTable('saved_views').set({ name: 'Ёлки Москвы' }).where('id', '=', other.id).execute();
    await expect(
      updateView(
        database.db,
        other.id,
        other.version,
        { entity: 'person', name: 'Ёлки Москвы', filter: {}, sort },
        env,
      ),
    ).resolves.toMatchObject({ name: 'Ёлки Москвы', version: other.version + 1 });
  });

  it("finds people in the list's search box by a phone typed any way, or by its ending", async () => {
    const person = await getPerson(database.db, ids[1]!);
    await updatePerson(
      database.db,
      person.id,
      person.version,
      { lastName: 'Петров', firstName: 'Тест', phones: [{ value: '+7 916 123-45-67' }] },
      env,
    );
    const options = { defaultCountry: 'RU' };
    const otherSeparators = ['8 (916) 123–45–67', '916—123—45', '916\u2011123', '45\u221267', '916/123/45/67'];
    for (const typed of ['8 916 123-45', '+7 (916) 123', '45-67', '79161234567', ...otherSeparators]) {
      const page = await listPeoplePage(database.db, { filter: { conditions: [], text: typed } }, options);
      expect(page.map((row) => row.id)).toEqual([person.id]);
      expect(await countPeople(database.db, { text: typed }, options)).toBe(1);
    }
    expect(await countPeople(database.db, { text: '8 903 000' }, options)).toBe(0);
    // Digits are words too: a tag "2024" is still found.
    await runBulk(
      database.db,
      'person',
      { target: { ids: [ids[2]!] }, action: { type: 'tag', tags: ['Выставка 2024'] } },
      env,
    );
    const byYear = await listPeoplePage(database.db, { filter: { conditions: [], text: '2024' } }, options);
    expect(byYear.map((row) => row.id)).toEqual([ids[2]]);
  });

  it("gives list rows their custom values, for the lists' custom columns", async () => {
    await createCustomField(database.db, { entity: 'person', label: 'Бюджет', type: 'number' }, env);
    await createCustomField(database.db, { entity: 'company', label: 'ИНН', type: 'text' }, env);
    const person = await getPerson(database.db, ids[0]!);
    await updatePerson(
      database.db,
      person.id,
      person.version,
      { lastName: 'Иванов', firstName: 'Тест', customFields: { byudzhet: 150_000 } },
      env,
    );
    await createCompany(database.db, { name: 'Ромашка', customFields: { inn: '7701234567' } }, env);
    const [row] = await listPeoplePage(
      database.db,
      { filter: { conditions: [], text: 'иванов' } },
      { defaultCountry: 'RU' },
    );
    expect(row?.customFields).toEqual({ byudzhet: 150_000 });
    const [company] = await listCompaniesPage(database.db, {}, { defaultCountry: 'RU' });
    expect(company?.customFields).toEqual({ inn: '7701234567' });
  });

  it('takes an archived custom field out of the views using it, naming them first, and leaves other views be', async () => {
    const field = await createCustomField(database.db, { entity: 'person', label: 'Регион', type: 'text' }, env);
    const other = await createCustomField(database.db, { entity: 'person', label: 'Отдел', type: 'text' }, env);
    const byRegion = await createView(
      database.db,
      {
        entity: 'person',
        name: 'Север',
        filter: {
          conditions: [
            { field: 'custom.region', operator: 'is', value: 'Север' },
            { field: 'city', operator: 'is', value: 'Москва' },
          ],
        },
        sort: { field: 'custom.region', direction: 'desc' },
        columns: ['name', 'custom.region', 'custom.otdel'],
      },
      env,
    );
    const moscow = await createView(
      database.db,
      {
        entity: 'person',
        name: 'Москва',
        filter: { conditions: [...inMoscow.conditions, { field: 'custom.otdel', operator: 'isNotEmpty' }] },
        sort: { field: 'name', direction: 'asc' },
      },
      env,
    );
    expect((await viewsUsingCustomField(database.db, field.id)).map((view) => view.name)).toEqual(['Север']);
    expect((await viewsUsingCustomField(database.db, other.id)).map((view) => view.name)).toEqual(['Север', 'Москва']);

    const changed = await archiveCustomField(database.db, field.id, env);
    expect(changed.map((view) => view.id)).toEqual([byRegion.id]);
    const [region, stillMoscow] = await listViews(database.db, 'person');
    // The view says what it now shows: its own change, visible in its filter and version.
    expect(region).toMatchObject({
      filter: { conditions: [{ field: 'city', operator: 'is', value: 'Москва' }] },
      sort: { field: 'name', direction: 'asc' },
      columns: ['name', 'custom.otdel'],
      version: byRegion.version + 1,
    });
    expect(stillMoscow).toEqual(moscow);
    expect(await countViews(database.db, 'person', { defaultCountry: 'RU' })).toEqual([
      { id: byRegion.id, count: 3 },
      { id: moscow.id, count: 0 },
    ]);
    await expect(viewsUsingCustomField(database.db, field.id)).rejects.toMatchObject({ code: 'NotFound' });
    await expect(archiveCustomField(database.db, field.id, env)).rejects.toMatchObject({ code: 'NotFound' });
  });
});
