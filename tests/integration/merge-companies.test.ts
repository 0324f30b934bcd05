import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Company } from '../../shared/domain/companies';
import type { Person } from '../../shared/domain/people';
import { logActivity, timeline } from '../../main/services/activities-service';
import { runBulk } from '../../main/services/bulk-service';
import {
  createCompany,
  getCompany,
  restoreCompanies,
  trashCompanies,
  updateCompany,
} from '../../main/services/companies-service';
import { createCustomField } from '../../main/services/custom-fields-service';
import { companyNameKey } from '../../main/services/duplicate-keys';
import { findDuplicates, mergeExactDuplicates } from '../../main/services/duplicates-service';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { countCompanies } from '../../main/services/lists/companies-list-service';
import { listMerges, mergeCompanies, unmergeCompanies } from '../../main/services/merge-service';
import { createPerson, getPerson } from '../../main/services/people-service';
import { search } from '../../main/services/search-service';
import { takeRecordSnapshot, type RecordSnapshot } from '../../main/db/repositories/record-snapshot';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

/** A stored record as it is, except the version (a restore moves it forward, never back). */
const stored = (snapshot: RecordSnapshot | undefined) => {
  const { version: _version, ...row } = snapshot!.row;
  return { ...snapshot!, row };
};
const comparablePerson = ({ version: _v, ...rest }: Person) => rest;
const comparableCompany = ({ version: _v, ...rest }: Company) => rest;

describe('company duplicates, merge and unmerge', () => {
  const tempDir = useTempDir();
  const env = testEnv();
  let database: OpenDatabase;
  let a: Company;
  let b: Company;
  let worker: Person;

  beforeEach(async () => {
    database = await openTestDatabase(tempDir());
    await createCustomField(database.db, { entity: 'company', label: 'ИНН', type: 'text' }, env);
    a = await createCompany(
      database.db,
      {
        name: 'ООО «Ромашка»',
        phones: [{ value: '8 495 111-11-11' }],
        emails: [{ value: 'info@romashka.ru' }],
        tags: ['Опт'],
        notes: 'Давний клиент',
      },
      env,
    );
    b = await createCompany(
      database.db,
      {
        name: 'Ромашка, ООО',
        legalName: 'Общество с ограниченной ответственностью «Ромашка»',
        industry: 'Розница',
        phones: [{ value: '+7 495 222-22-22' }],
        emails: [{ value: 'INFO@romashka.ru' }],
        addresses: [{ label: 'work', city: 'Тверь', street: 'ул. Ленина, 1' }],
        tags: ['VIP'],
        customFields: { inn: '7701234567' },
      },
      env,
    );
    worker = await createPerson(
      database.db,
      { lastName: 'Сидорова', firstName: 'Анна', companyId: b.id, phones: [{ value: '8 916 333-33-33' }] },
      env,
    );
    await logActivity(
      database.db,
      { kind: 'meeting', occurredAt: '2026-02-01T10:00:00.000Z', subject: 'Встреча с Ромашкой', companyId: b.id },
      env,
    );
  });
  afterEach(async () => {
    await database.close();
  });

  it('keys names by what tells companies apart', () => {
    expect(companyNameKey('ООО «Ромашка»')).toBe('ромашка');
    expect(companyNameKey('Ромашка, ООО')).toBe('ромашка');
    expect(companyNameKey('Закрытое акционерное общество "Ёлка"')).toBe('елка');
    expect(companyNameKey('Hansen Logistics LLC')).toBe('hansen logistics');
    expect(companyNameKey('Acme Ltd.')).toBe('acme');
    expect(companyNameKey('ИП Петров И. С.')).toBe('петров и с');
    expect(companyNameKey('ООО')).toBe('ооо');
  });

  it('finds the pair by e-mail and by name without legal form and quotes', async () => {
    const other = await createCompany(database.db, { name: 'АО «Василёк»' }, env);
    const groups = await findDuplicates(database.db, { entity: 'company' }, env);
    expect(groups.map((group) => group.reason).sort()).toEqual(['email', 'sameName']);
    for (const group of groups) expect(group.members.map((member) => member.id)).toEqual([a.id, b.id]);
    expect(groups.find((group) => group.reason === 'sameName')?.key).toBe('ООО «Ромашка»');
    expect(groups.flatMap((group) => group.members).some((member) => member.id === other.id)).toBe(false);
    // People's reasons don't apply to companies, and companies never show among people.
    expect(await findDuplicates(database.db, { entity: 'company', reasons: ['nameAndCompany'] }, env)).toEqual([]);
    expect(await findDuplicates(database.db, { entity: 'person' }, env)).toEqual([]);
  });

  it('finds shared phones and near names', async () => {
    const c = await createCompany(
      database.db,
      { name: 'ООО «Стройторг-Плюс»', phones: [{ value: '8 812 555-44-33' }] },
      env,
    );
    const d = await createCompany(
      database.db,
      { name: 'Стройтог-Плюс', phones: [{ value: '+7 (812) 555-44-33' }] },
      env,
    );
    const phone = await findDuplicates(database.db, { entity: 'company', reasons: ['phone'] }, env);
    expect(phone.map((group) => group.members.map((member) => member.id))).toEqual([[c.id, d.id]]);
    const similar = await findDuplicates(database.db, { entity: 'company', reasons: ['similarName'] }, env);
    expect(similar.map((group) => group.members.map((member) => member.id))).toEqual([[c.id, d.id]]);
  });

  it('merges with the chosen values and moves people, timeline, tags, contacts and addresses', async () => {
    const { company, mergeId } = await mergeCompanies(
      database.db,
      { survivorId: a.id, mergedId: b.id, choices: { name: 'merged' } },
      env,
    );
    expect(company.name).toBe('Ромашка, ООО');
    expect(company.legalName).toBe('Общество с ограниченной ответственностью «Ромашка»');
    expect(company.industry).toBe('Розница');
    expect(company.notes).toBe('Давний клиент');
    expect(company.phones.map((phone) => phone.value)).toEqual(['+74951111111', '+74952222222']);
    expect(company.emails.map((email) => email.value)).toEqual(['info@romashka.ru']);
    expect(company.addresses.map((address) => address.city)).toEqual(['Тверь']);
    expect(company.tags.sort()).toEqual(['VIP', 'Опт']);
    expect(company.customFields).toEqual({ inn: '7701234567' });
    expect(company.peopleCount).toBe(1);
    expect((await getPerson(database.db, worker.id)).company).toEqual({
      id: a.id,
      name: 'Ромашка, ООО',
      inTrash: false,
    });
    expect((await timeline(database.db, { companyId: a.id }, 10, null)).activities.map((x) => x.subject)).toEqual([
      'Встреча с Ромашкой',
    ]);
    await expect(getCompany(database.db, b.id)).resolves.toMatchObject({ deletedAt: expect.any(String) });
    expect(await countCompanies(database.db, {}, { defaultCountry: 'RU' })).toBe(1);
    expect(await countCompanies(database.db, { trash: true }, { defaultCountry: 'RU' })).toBe(0);
    const hits = await search(database.db, '8 495 222-22-22', { limit: 5, types: ['company'], defaultCountry: 'RU' });
    expect(hits.map((hit) => hit.id)).toEqual([a.id]);
    expect(await listMerges(database.db, 'company', a.id)).toEqual([
      expect.objectContaining({ id: mergeId, mergedId: b.id, mergedName: 'Ромашка, ООО', cleanlyReversible: true }),
    ]);
    expect(await listMerges(database.db, 'person', a.id)).toEqual([]);
  });

  it('unmerges both companies back exactly, with their people and timeline', async () => {
    const rowsBefore = [
      await takeRecordSnapshot(database.db, 'company', a.id),
      await takeRecordSnapshot(database.db, 'company', b.id),
    ];
    const companiesBefore = [await getCompany(database.db, a.id), await getCompany(database.db, b.id)];
    const workerBefore = await getPerson(database.db, worker.id);
    const { mergeId } = await mergeCompanies(database.db, { survivorId: a.id, mergedId: b.id }, env);
    // A person who joins the survivor after the merge stays there.
    const newcomer = await createPerson(database.db, { lastName: 'Новиков', companyId: a.id }, env);
    await unmergeCompanies(database.db, mergeId, false, env);

    expect([
      stored(await takeRecordSnapshot(database.db, 'company', a.id)),
      stored(await takeRecordSnapshot(database.db, 'company', b.id)),
    ]).toEqual(rowsBefore.map(stored));
    expect([
      comparableCompany(await getCompany(database.db, a.id)),
      comparableCompany(await getCompany(database.db, b.id)),
    ]).toEqual([{ ...comparableCompany(companiesBefore[0]!), peopleCount: 1 }, comparableCompany(companiesBefore[1]!)]);
    expect(comparablePerson(await getPerson(database.db, worker.id))).toEqual(comparablePerson(workerBefore));
    expect((await getPerson(database.db, newcomer.id)).company?.id).toBe(a.id);
    expect((await timeline(database.db, { companyId: b.id }, 10, null)).activities.map((x) => x.subject)).toEqual([
      'Встреча с Ромашкой',
    ]);
    expect((await timeline(database.db, { companyId: a.id }, 10, null)).activities).toEqual([]);
    expect(await countCompanies(database.db, {}, { defaultCountry: 'RU' })).toBe(2);
    expect(
      (await search(database.db, '+74952222222', { limit: 5, types: ['company'], defaultCountry: 'RU' })).map(
        (h) => h.id,
      ),
    ).toEqual([b.id]);
    await expect(unmergeCompanies(database.db, mergeId, false, env)).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('refuses to unmerge over later edits unless forced, and never undoes a person merge', async () => {
    const { mergeId, company } = await mergeCompanies(database.db, { survivorId: a.id, mergedId: b.id }, env);
    await updateCompany(database.db, a.id, company.version, { name: 'Ромашка после слияния' }, env);
    expect((await listMerges(database.db, 'company', a.id))[0]?.cleanlyReversible).toBe(false);
    await expect(unmergeCompanies(database.db, mergeId, false, env)).rejects.toMatchObject({ code: 'Conflict' });
    const restored = await unmergeCompanies(database.db, mergeId, true, env);
    expect(restored.name).toBe('ООО «Ромашка»');
  });

  it('unmerges without force after the survivor was trashed and restored in bulk, both exactly as before', async () => {
    const rowsBefore = [
      await takeRecordSnapshot(database.db, 'company', a.id),
      await takeRecordSnapshot(database.db, 'company', b.id),
    ];
    const { mergeId } = await mergeCompanies(database.db, { survivorId: a.id, mergedId: b.id }, env);
    await runBulk(database.db, 'company', { target: { ids: [a.id] }, action: { type: 'trash' } }, env);
    await runBulk(database.db, 'company', { target: { ids: [a.id] }, action: { type: 'restore' } }, env);
    expect((await listMerges(database.db, 'company', a.id))[0]?.cleanlyReversible).toBe(true);

    await unmergeCompanies(database.db, mergeId, false, env);
    expect([
      stored(await takeRecordSnapshot(database.db, 'company', a.id)),
      stored(await takeRecordSnapshot(database.db, 'company', b.id)),
    ]).toEqual(rowsBefore.map(stored));
    expect((await getPerson(database.db, worker.id)).company?.id).toBe(b.id);
  });

  it('a trash and restore of the survivor neither hides an edit made before nor one made after', async () => {
    const first = await mergeCompanies(database.db, { survivorId: a.id, mergedId: b.id }, env);
    await updateCompany(database.db, a.id, first.company.version, { name: 'Ромашка до корзины' }, env);
    await trashCompanies(database.db, [a.id], env);
    await restoreCompanies(database.db, [a.id], env);
    await expect(unmergeCompanies(database.db, first.mergeId, false, env)).rejects.toMatchObject({ code: 'Conflict' });
    await unmergeCompanies(database.db, first.mergeId, true, env);

    const second = await mergeCompanies(database.db, { survivorId: a.id, mergedId: b.id }, env);
    await trashCompanies(database.db, [a.id], env);
    await restoreCompanies(database.db, [a.id], env);
    expect((await listMerges(database.db, 'company', a.id))[0]?.cleanlyReversible).toBe(true);
    const back = await getCompany(database.db, a.id);
    await updateCompany(database.db, a.id, back.version, { name: 'Ромашка после корзины' }, env);
    await expect(unmergeCompanies(database.db, second.mergeId, false, env)).rejects.toMatchObject({ code: 'Conflict' });
  });

  it('refuses a company merged with itself or one in the trash', async () => {
    await expect(mergeCompanies(database.db, { survivorId: a.id, mergedId: a.id }, env)).rejects.toMatchObject({
      code: 'InvalidInput',
    });
    await expect(mergeCompanies(database.db, { survivorId: a.id, mergedId: 999 }, env)).rejects.toMatchObject({
      code: 'NotFound',
    });
  });

  it('bulk-merges exact duplicates into the oldest company', async () => {
    const third = await createCompany(database.db, { name: '«РОМАШКА»' }, env);
    const merged = await mergeExactDuplicates(database.db, { entity: 'company', reasons: ['email', 'sameName'] }, env);
    expect(merged).toBe(2);
    expect(await countCompanies(database.db, {}, { defaultCountry: 'RU' })).toBe(1);
    expect((await getCompany(database.db, third.id)).deletedAt).not.toBeNull();
    expect((await getPerson(database.db, worker.id)).company?.id).toBe(a.id);
    expect(await findDuplicates(database.db, { entity: 'company' }, env)).toEqual([]);
    expect((await listMerges(database.db, 'company', a.id)).map((merge) => merge.mergedId).sort()).toEqual(
      [b.id, third.id].sort(),
    );
  });
});
