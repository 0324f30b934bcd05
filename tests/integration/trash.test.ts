import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { logActivity } from '../../main/services/activities-service';
import { runBulk } from '../../main/services/bulk-service';
import { createCompany, getCompany, trashCompanies } from '../../main/services/companies-service';
import { createCustomField } from '../../main/services/custom-fields-service';
import { countPeople } from '../../main/services/lists/people-list-service';
import { mergePeople, unmergePeople } from '../../main/services/merge-service';
import { createPerson, getPerson, restorePeople, trashPeople } from '../../main/services/people-service';
import { erasePerson } from '../../main/services/privacy-service';
import { search } from '../../main/services/search-service';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

const WHOLE_TRASH = { filter: { conditions: [], text: '', trash: true } };
const LIVE = { conditions: [], text: '', trash: false };

describe('the trash: restore and delete for good', () => {
  const tempDir = useTempDir();
  let database: OpenDatabase;
  const env = testEnv();
  const searchOptions = { limit: 20, types: ['person', 'company'] as const, defaultCountry: 'RU' };

  beforeEach(async () => {
    database = await openTestDatabase(tempDir());
  });
  afterEach(async () => {
    await database.close();
  });

  /** Rows of a table that point at these ids through `column`. */
  async function rowsOf(table: string, column: string, ids: number[]): Promise<number> {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}
      WHERE ${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(database.db);
    return rows[0]!.n;
  }

  const found = async (query: string) =>
    (await search(database.db, query, searchOptions)).map((hit) => `${hit.type}:${hit.displayName}`);

  it('restores picked records from the trash, searchable again; live ids are ignored', async () => {
    const db = database.db;
    const a = await createPerson(db, { lastName: 'Бирюков', firstName: 'Глеб' }, env);
    const b = await createPerson(db, { lastName: 'Веселова', firstName: 'Дарья' }, env);
    const live = await createPerson(db, { lastName: 'Гусев', firstName: 'Олег' }, env);
    await trashPeople(db, [a.id, b.id], env);
    expect(await found('Бирюков')).toEqual([]);

    const result = await runBulk(db, 'person', { target: { ids: [a.id, live.id] }, action: { type: 'restore' } }, env);
    expect(result.affected).toBe(1);
    expect(result.ids).toEqual([a.id]);
    expect((await getPerson(db, a.id)).deletedAt).toBeNull();
    expect((await getPerson(db, a.id)).version).toBe(a.version + 2);
    expect((await getPerson(db, b.id)).deletedAt).not.toBeNull();
    expect(await found('Бирюков')).toEqual(['person:Бирюков Глеб']);
  });

  it('undoes a bulk trash of more records than SQLite takes variables (32,766)', async () => {
    const db = database.db;
    const now = env.now().toISOString();
    await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
      INSERT INTO people (first_name, display_name, sort_key, created_at, updated_at)
      SELECT 'Клиент ' || i, 'Клиент ' || i, 'клиент ' || i, ${now}, ${now} FROM n`.execute(db);
    const trashed = await runBulk(db, 'person', { target: { filter: LIVE }, action: { type: 'trash' } }, env);
    expect(trashed.ids).toHaveLength(40_000);
    expect(await countPeople(db, LIVE, { defaultCountry: 'RU' })).toBe(0);

    // What the undo notice sends back: every id the bulk action returned.
    expect(await restorePeople(db, trashed.ids, env)).toHaveLength(40_000);
    expect(await countPeople(db, LIVE, { defaultCountry: 'RU' })).toBe(40_000);
    expect(await trashPeople(db, trashed.ids, env)).toHaveLength(40_000);
  });

  it('deletes a person for good with all they own, keeping activities shared with a company', async () => {
    const db = database.db;
    const company = await createCompany(db, { name: 'ООО «Ромашка»' }, env);
    const field = await createCustomField(db, { entity: 'person', label: 'Кодовое слово', type: 'text' }, env);
    const person = await createPerson(
      db,
      {
        lastName: 'Удаляемый',
        firstName: 'Павел',
        companyId: company.id,
        phones: [{ value: '8 916 555-11-22' }],
        emails: [{ value: 'pavel@example.ru' }],
        addresses: [{ city: 'Тверь', street: 'ул. Советская, 1' }],
        tags: ['VIP'],
        customFields: { [field.key]: 'секрет' },
      },
      env,
    );
    const copy = await createPerson(db, { lastName: 'Удаляемый', firstName: 'Павел' }, env);
    const bystander = await createPerson(db, { lastName: 'Остающийся', phones: [{ value: '8 916 555-11-23' }] }, env);
    const at = '2026-11-01T10:00:00.000Z';
    const own = await logActivity(db, { kind: 'note', occurredAt: at, body: 'Только о нём', personId: person.id }, env);
    const shared = await logActivity(
      db,
      { kind: 'call', occurredAt: at, subject: 'Звонок в Ромашку', personId: person.id, companyId: company.id },
      env,
    );
    const { mergeId } = await mergePeople(db, { survivorId: person.id, mergedId: copy.id }, env);
    const { rows: merges } = await sql<{ id: number }>`SELECT id FROM merges WHERE id = ${mergeId}`.execute(db);
    expect(merges).toHaveLength(1);
    await trashPeople(db, [person.id], env);

    const result = await runBulk(
      db,
      'person',
      { target: { ids: [person.id, bystander.id] }, action: { type: 'deleteForever' } },
      env,
    );
    expect(result.affected).toBe(1);

    const gone = [person.id, copy.id];
    expect(await rowsOf('people', 'id', gone)).toBe(0);
    for (const table of ['contact_points', 'addresses', 'person_tags', 'person_custom_values']) {
      expect(await rowsOf(table, 'person_id', gone), table).toBe(0);
    }
    expect(await rowsOf('merges', 'id', [mergeId])).toBe(0);
    expect(await rowsOf('activities', 'id', [own.id])).toBe(0);
    const { rows: kept } = await sql<{ person_id: number | null; company_id: number | null }>`
      SELECT person_id, company_id FROM activities WHERE id = ${shared.id}`.execute(db);
    expect(kept).toEqual([{ person_id: null, company_id: company.id }]);
    // Everyone else is untouched.
    expect((await getPerson(db, bystander.id)).phones.map((phone) => phone.value)).toEqual(['+79165551123']);
    expect((await getCompany(db, company.id)).name).toBe('ООО «Ромашка»');
    expect(await rowsOf('person_tags', 'person_id', [bystander.id])).toBe(0);
  });

  it('deletes a company for good: its people stay, unlinked and no longer found by its name', async () => {
    const db = database.db;
    const company = await createCompany(
      db,
      { name: 'Трикотажная фабрика', phones: [{ value: '8 495 111-22-33' }] },
      env,
    );
    const worker = await createPerson(db, { lastName: 'Швеева', firstName: 'Анна', companyId: company.id }, env);
    const at = '2026-11-02T10:00:00.000Z';
    const own = await logActivity(db, { kind: 'meeting', occurredAt: at, companyId: company.id }, env);
    const shared = await logActivity(
      db,
      { kind: 'call', occurredAt: at, personId: worker.id, companyId: company.id },
      env,
    );
    expect(await found('Трикотажная')).toEqual(
      expect.arrayContaining(['company:Трикотажная фабрика', 'person:Швеева Анна']),
    );
    await trashCompanies(db, [company.id], env);

    await runBulk(db, 'company', { target: WHOLE_TRASH, action: { type: 'deleteForever' } }, env);

    // The newest company's id stays taken by a bare tombstone, never shown.
    const { rows: tombstone } = await sql<
      Record<string, unknown>
    >`SELECT * FROM companies WHERE id = ${company.id}`.execute(db);
    expect(tombstone).toEqual([expect.objectContaining({ name: 'Удалённая компания', city: null, notes: null })]);
    expect(tombstone[0]!['erased_at']).not.toBeNull();
    await expect(getCompany(db, company.id)).rejects.toMatchObject({ code: 'NotFound' });
    expect(await rowsOf('contact_points', 'company_id', [company.id])).toBe(0);
    expect(await rowsOf('activities', 'id', [own.id])).toBe(0);
    const { rows: kept } = await sql<{ person_id: number | null; company_id: number | null }>`
      SELECT person_id, company_id FROM activities WHERE id = ${shared.id}`.execute(db);
    expect(kept).toEqual([{ person_id: worker.id, company_id: null }]);
    const after = await getPerson(db, worker.id);
    expect(after.company).toBeNull();
    expect(after.version).toBe(worker.version + 1);
    expect(await found('Трикотажная')).toEqual([]);
    expect(await found('Швеева')).toEqual(['person:Швеева Анна']);
  });

  it('empties the whole trash and nothing else: merged-away copies of live records and erased tombstones stay', async () => {
    const db = database.db;
    const survivor = await createPerson(db, { lastName: 'Живой', firstName: 'Остап' }, env);
    const copy = await createPerson(db, { lastName: 'Живой', firstName: 'Остап' }, env);
    const { mergeId } = await mergePeople(db, { survivorId: survivor.id, mergedId: copy.id }, env);
    const erased = await createPerson(db, { lastName: 'Стираемый' }, env);
    await erasePerson(db, erased.id, 'Стираемый', env);
    const trashed = [];
    for (const name of ['Первый', 'Второй', 'Третий']) {
      trashed.push((await createPerson(db, { lastName: name }, env)).id);
    }
    await trashPeople(db, trashed, env);
    expect(await countPeople(db, WHOLE_TRASH.filter, { defaultCountry: 'RU' })).toBe(3);

    const result = await runBulk(db, 'person', { target: WHOLE_TRASH, action: { type: 'deleteForever' } }, env);
    expect(result.affected).toBe(3);

    expect(await countPeople(db, WHOLE_TRASH.filter, { defaultCountry: 'RU' })).toBe(0);
    const { rows: left } = await sql<{ id: number; display_name: string }>`
      SELECT id, display_name FROM people WHERE id IN (SELECT value FROM json_each(${JSON.stringify(trashed)}))`.execute(
      db,
    );
    // Only the newest id stays taken, by a tombstone.
    expect(left).toEqual([{ id: trashed[2], display_name: 'Удалённый контакт' }]);
    expect(await rowsOf('people', 'id', [erased.id])).toBe(1);
    expect(await countPeople(db, LIVE, { defaultCountry: 'RU' })).toBe(1);
    // The merge of the live record can still be undone.
    const restored = await unmergePeople(db, mergeId, false, env);
    expect(restored.id).toBe(survivor.id);
    expect((await getPerson(db, copy.id)).deletedAt).toBeNull();
  });

  it('never hands a deleted id out again, though the newest record was deleted', async () => {
    const db = database.db;
    const older = await createPerson(db, { lastName: 'Старший' }, env);
    const newest = await createPerson(db, { lastName: 'Младший' }, env);
    const company = await createCompany(db, { name: 'Последняя' }, env);
    await trashPeople(db, [older.id, newest.id], env);
    await trashCompanies(db, [company.id], env);
    await runBulk(db, 'person', { target: WHOLE_TRASH, action: { type: 'deleteForever' } }, env);
    await runBulk(db, 'company', { target: WHOLE_TRASH, action: { type: 'deleteForever' } }, env);

    const next = await createPerson(db, { lastName: 'Новый' }, env);
    const nextCompany = await createCompany(db, { name: 'Новая' }, env);
    expect(next.id).toBeGreaterThan(newest.id);
    expect(nextCompany.id).toBeGreaterThan(company.id);
    await expect(getPerson(db, newest.id)).rejects.toMatchObject({ code: 'NotFound' });
    // Tombstones count nowhere: not live, not in the trash.
    expect(await countPeople(db, LIVE, { defaultCountry: 'RU' })).toBe(1);
    expect(await countPeople(db, WHOLE_TRASH.filter, { defaultCountry: 'RU' })).toBe(0);
  });

  it('undoes a merge whose records were at a company deleted for good since', async () => {
    const db = database.db;
    const company = await createCompany(db, { name: 'Исчезающая' }, env);
    await createCompany(db, { name: 'Более новая' }, env);
    const survivor = await createPerson(db, { lastName: 'Копиев', firstName: 'Лев' }, env);
    const copy = await createPerson(db, { lastName: 'Копиев', firstName: 'Лев', companyId: company.id }, env);
    const { mergeId } = await mergePeople(db, { survivorId: survivor.id, mergedId: copy.id }, env);
    await trashCompanies(db, [company.id], env);
    await runBulk(db, 'company', { target: { ids: [company.id] }, action: { type: 'deleteForever' } }, env);

    await unmergePeople(db, mergeId, true, env);
    const restored = await getPerson(db, copy.id);
    expect(restored.deletedAt).toBeNull();
    expect(restored.company).toBeNull();
  });

  it('does not restore a copy merged into another record: only undoing the merge brings it back', async () => {
    const db = database.db;
    const survivor = await createPerson(db, { lastName: 'Основной' }, env);
    const copy = await createPerson(db, { lastName: 'Основной' }, env);
    await mergePeople(db, { survivorId: survivor.id, mergedId: copy.id }, env);

    expect(await restorePeople(db, [copy.id], env)).toEqual([]);
    const result = await runBulk(db, 'person', { target: { ids: [copy.id] }, action: { type: 'restore' } }, env);
    expect(result.affected).toBe(0);
    expect((await getPerson(db, copy.id)).mergedIntoId).toBe(survivor.id);
  });

  it('restores and deletes only records in the trash when given a filter, whatever its trash flag says', async () => {
    const db = database.db;
    const live = await createPerson(db, { lastName: 'Фильтров', firstName: 'Живой' }, env);
    const trashed = await createPerson(db, { lastName: 'Фильтров', firstName: 'Удалённый' }, env);
    await trashPeople(db, [trashed.id], env);
    const everyone = { filter: { conditions: [], text: 'Фильтров', trash: false } };

    const result = await runBulk(db, 'person', { target: everyone, action: { type: 'deleteForever' } }, env);
    expect(result.ids).toEqual([trashed.id]);
    expect((await getPerson(db, live.id)).deletedAt).toBeNull();
  });
});
