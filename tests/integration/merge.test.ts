import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../shared/domain/people';
import { logActivity, timeline } from '../../main/services/activities-service';
import { createCompany, trashCompanies } from '../../main/services/companies-service';
import { createCustomField, updateCustomField } from '../../main/services/custom-fields-service';
import { findDuplicates, mergeExactDuplicates } from '../../main/services/duplicates-service';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { countPeople } from '../../main/services/lists/people-list-service';
import { listMerges, mergeCompanies, mergePeople, unmergePeople } from '../../main/services/merge-service';
import { createPerson, getPerson, restorePeople, trashPeople, updatePerson } from '../../main/services/people-service';
import { search } from '../../main/services/search-service';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

/** Everything about a person except what any write changes (version, updatedAt). */
const comparable = ({ version: _v, updatedAt: _u, ...rest }: Person) => rest;

describe('duplicates, merge and unmerge', () => {
  const tempDir = useTempDir();
  const env = testEnv();
  let database: OpenDatabase;
  let a: Person;
  let b: Person;

  beforeEach(async () => {
    database = await openTestDatabase(tempDir());
    await createCustomField(
      database.db,
      { entity: 'person', label: 'Регион', type: 'select', options: ['Север', 'Юг'] },
      env,
    );
    const company = await createCompany(database.db, { name: 'ООО «Ромашка»' }, env);
    a = await createPerson(
      database.db,
      {
        lastName: 'Иванов',
        firstName: 'Иван',
        companyId: company.id,
        phones: [{ value: '8 916 111-11-11' }],
        emails: [{ value: 'ivan@romashka.ru' }],
        tags: ['VIP'],
        notes: 'Старая заметка',
      },
      env,
    );
    b = await createPerson(
      database.db,
      {
        lastName: 'Иванов',
        firstName: 'Иван',
        middleName: 'Петрович',
        companyId: company.id,
        position: 'Директор',
        phones: [{ value: '+7 916 222-22-22' }],
        emails: [{ value: 'IVAN@romashka.ru' }],
        tags: ['Опт'],
        customFields: { region: 'Юг' },
      },
      env,
    );
    await logActivity(
      database.db,
      { kind: 'call', occurredAt: '2026-01-01T10:00:00.000Z', subject: 'Звонок B', personId: b.id },
      env,
    );
  });
  afterEach(async () => {
    await database.close();
  });

  it('finds the pair by shared e-mail and by name + company', async () => {
    const groups = await findDuplicates(database.db, { reasons: ['email', 'nameAndCompany', 'phone'] }, env);
    expect(groups.map((group) => group.reason).sort()).toEqual(['email', 'nameAndCompany']);
    for (const group of groups) expect(group.members.map((member) => member.id)).toEqual([a.id, b.id]);
  });

  it('finds near names that differ by a typo', async () => {
    const c = await createPerson(database.db, { lastName: 'Соловьев', firstName: 'Пётр' }, env);
    const d = await createPerson(database.db, { lastName: 'Соловев', firstName: 'Петр' }, env);
    const groups = await findDuplicates(database.db, { reasons: ['similarName'] }, env);
    expect(
      groups.find((group) => group.members.some((member) => member.id === c.id))?.members.map((m) => m.id),
    ).toEqual([c.id, d.id]);
  });

  it('merges with the chosen values, unions contacts and moves the timeline', async () => {
    const { person, mergeId } = await mergePeople(
      database.db,
      { survivorId: a.id, mergedId: b.id, choices: { firstName: 'merged' } },
      env,
    );
    expect(person.middleName).toBe('Петрович'); // empty on the survivor: filled from the other
    // The survivor's name was built from its parts: it is built again from the merged ones.
    expect(person.displayName).toBe('Иванов Иван Петрович');
    expect(person.position).toBe('Директор');
    expect(person.notes).toBe('Старая заметка');
    expect(person.phones.map((phone) => phone.value)).toEqual(['+79161111111', '+79162222222']);
    expect(person.emails.map((email) => email.value)).toEqual(['ivan@romashka.ru']);
    expect(person.tags.sort()).toEqual(['VIP', 'Опт']);
    expect(person.customFields).toEqual({ region: 'Юг' });
    expect((await timeline(database.db, { personId: a.id }, 10, null)).activities.map((x) => x.subject)).toEqual([
      'Звонок B',
    ]);
    await expect(getPerson(database.db, b.id)).resolves.toMatchObject({ deletedAt: expect.any(String) });
    expect(await countPeople(database.db, {}, { defaultCountry: 'RU' })).toBe(1);
    expect(await countPeople(database.db, { trash: true }, { defaultCountry: 'RU' })).toBe(0);
    const hits = await search(database.db, '8 916 222-22-22', { limit: 5, types: ['person'], defaultCountry: 'RU' });
    expect(hits.map((hit) => hit.id)).toEqual([a.id]);
    expect(await listMerges(database.db, 'person', a.id)).toEqual([
      expect.objectContaining({ id: mergeId, mergedId: b.id, cleanlyReversible: true }),
    ]);
  });

  it('keeps a display name typed by hand through a merge', async () => {
    const typed = await updatePerson(
      database.db,
      a.id,
      a.version,
      { lastName: 'Иванов', firstName: 'Иван', displayName: 'Ваня (Ромашка)', companyId: a.company?.id ?? null },
      env,
    );
    const { person } = await mergePeople(database.db, { survivorId: typed.id, mergedId: b.id }, env);
    expect(person.middleName).toBe('Петрович');
    expect(person.displayName).toBe('Ваня (Ромашка)');
  });

  it('unmerges both records back exactly', async () => {
    const beforeA = await getPerson(database.db, a.id);
    const beforeB = await getPerson(database.db, b.id);
    const { mergeId } = await mergePeople(database.db, { survivorId: a.id, mergedId: b.id }, env);
    await unmergePeople(database.db, mergeId, false, env);
    expect(comparable(await getPerson(database.db, a.id))).toEqual(comparable(beforeA));
    expect(comparable(await getPerson(database.db, b.id))).toEqual(comparable(beforeB));
    expect((await timeline(database.db, { personId: b.id }, 10, null)).activities.map((x) => x.subject)).toEqual([
      'Звонок B',
    ]);
    expect((await timeline(database.db, { personId: a.id }, 10, null)).activities).toEqual([]);
    expect(await countPeople(database.db, {}, { defaultCountry: 'RU' })).toBe(2);
    expect(
      (await search(database.db, '+79162222222', { limit: 5, types: ['person'], defaultCountry: 'RU' })).map(
        (h) => h.id,
      ),
    ).toEqual([b.id]);
    await expect(unmergePeople(database.db, mergeId, false, env)).rejects.toMatchObject({ code: 'NotFound' });
  });

  it("empties a custom field when the merged copy's empty value is picked", async () => {
    // b has the region, a has none: swapped roles, a is merged into b with a's (empty) region.
    const { person } = await mergePeople(
      database.db,
      { survivorId: b.id, mergedId: a.id, choices: { 'custom.region': 'merged' } },
      env,
    );
    expect(person.customFields).toEqual({});
  });

  it('refuses a merge of records changed after the merge screen showed them', async () => {
    const shown = { survivor: a.version, merged: b.version };
    await updatePerson(
      database.db,
      b.id,
      b.version,
      { lastName: 'Иванов', firstName: 'Иван', position: 'Правка коллеги' },
      env,
    );
    await expect(
      mergePeople(database.db, { survivorId: a.id, mergedId: b.id, versions: shown }, env),
    ).rejects.toMatchObject({ code: 'Conflict' });
    expect((await getPerson(database.db, b.id)).mergedIntoId).toBeNull();
    const fresh = { survivor: a.version, merged: (await getPerson(database.db, b.id)).version };
    await mergePeople(database.db, { survivorId: a.id, mergedId: b.id, versions: fresh }, env);
    expect((await getPerson(database.db, b.id)).mergedIntoId).toBe(a.id);
  });

  it('refuses to unmerge over later edits unless forced', async () => {
    const { mergeId, person } = await mergePeople(database.db, { survivorId: a.id, mergedId: b.id }, env);
    await updatePerson(
      database.db,
      a.id,
      person.version,
      { lastName: 'Иванов', firstName: 'Иван', position: 'Правка после слияния' },
      env,
    );
    expect((await listMerges(database.db, 'person', a.id))[0]?.cleanlyReversible).toBe(false);
    await expect(unmergePeople(database.db, mergeId, false, env)).rejects.toMatchObject({ code: 'Conflict' });
    const restored = await unmergePeople(database.db, mergeId, true, env);
    expect(restored.position).toBeNull();
  });

  it('unmerges without force after the survivor went to the trash and came back, both exactly as before', async () => {
    const beforeA = await getPerson(database.db, a.id);
    const beforeB = await getPerson(database.db, b.id);
    const { mergeId } = await mergePeople(database.db, { survivorId: a.id, mergedId: b.id }, env);
    await trashPeople(database.db, [a.id], env);
    await expect(unmergePeople(database.db, mergeId, true, env)).rejects.toMatchObject({ code: 'InvalidInput' });
    await restorePeople(database.db, [a.id], env);
    expect((await listMerges(database.db, 'person', a.id))[0]?.cleanlyReversible).toBe(true);

    await unmergePeople(database.db, mergeId, false, env);
    expect(comparable(await getPerson(database.db, a.id))).toEqual(comparable(beforeA));
    expect(comparable(await getPerson(database.db, b.id))).toEqual(comparable(beforeB));
  });

  it('still asks to force an unmerge over an edit made after the survivor came back from the trash', async () => {
    const { mergeId } = await mergePeople(database.db, { survivorId: a.id, mergedId: b.id }, env);
    await trashPeople(database.db, [a.id], env);
    await restorePeople(database.db, [a.id], env);
    expect((await listMerges(database.db, 'person', a.id))[0]?.cleanlyReversible).toBe(true);
    const back = await getPerson(database.db, a.id);
    await updatePerson(
      database.db,
      a.id,
      back.version,
      { lastName: 'Иванов', firstName: 'Иван', position: 'Правка после корзины' },
      env,
    );
    expect((await listMerges(database.db, 'person', a.id))[0]?.cleanlyReversible).toBe(false);
    await expect(unmergePeople(database.db, mergeId, false, env)).rejects.toMatchObject({
      code: 'Conflict',
      details: { editedSince: true },
    });
  });

  it('unmerges even when the contacts it puts back had their ids taken by another person since', async () => {
    const copy = await createPerson(database.db, { lastName: 'Петров', position: 'Инженер' }, env);
    const survivor = await createPerson(
      database.db,
      { lastName: 'Петров', phones: [{ value: '+7 903 111-11-11' }], emails: [{ value: 'petrov@x.ru' }] },
      env,
    );
    const { mergeId, person } = await mergePeople(database.db, { survivorId: survivor.id, mergedId: copy.id }, env);
    // The survivor's phone and e-mail go, freeing the highest ids; a new person takes them.
    await updatePerson(database.db, survivor.id, person.version, { lastName: 'Петров' }, env);
    const newcomer = await createPerson(
      database.db,
      { lastName: 'Новый', phones: [{ value: '+7 903 000-00-01' }, { value: '+7 903 000-00-02' }] },
      env,
    );
    const restored = await unmergePeople(database.db, mergeId, true, env);
    expect(restored.phones.map((phone) => phone.value)).toEqual(['+79031111111']);
    expect(restored.emails.map((email) => email.value)).toEqual(['petrov@x.ru']);
    expect((await getPerson(database.db, newcomer.id)).phones.map((phone) => phone.value)).toEqual([
      '+79030000001',
      '+79030000002',
    ]);
  });

  it('undoes merges into one record newest first: an older one waits, even when forced', async () => {
    const c = await createPerson(
      database.db,
      { lastName: 'Иванов', firstName: 'Иван', phones: [{ value: '+7 916 333-33-33' }] },
      env,
    );
    const first = await mergePeople(database.db, { survivorId: a.id, mergedId: b.id }, env);
    const second = await mergePeople(database.db, { survivorId: a.id, mergedId: c.id }, env);
    expect((await listMerges(database.db, 'person', a.id)).map((merge) => [merge.id, merge.laterMergeFirst])).toEqual([
      [second.mergeId, false],
      [first.mergeId, true],
    ]);
    await expect(unmergePeople(database.db, first.mergeId, true, env)).rejects.toMatchObject({ code: 'Conflict' });
    expect((await getPerson(database.db, a.id)).phones.map((phone) => phone.value).sort()).toEqual([
      '+79161111111',
      '+79162222222',
      '+79163333333',
    ]);

    await unmergePeople(database.db, second.mergeId, false, env);
    await unmergePeople(database.db, first.mergeId, false, env);
    expect((await getPerson(database.db, a.id)).phones.map((phone) => phone.value)).toEqual(['+79161111111']);
    expect((await getPerson(database.db, c.id)).mergedIntoId).toBeNull();
  });

  it('a merged record merged again and given back can be unmerged in turn, as nothing was edited', async () => {
    const c = await createPerson(database.db, { lastName: 'Иванов', firstName: 'Иван' }, env);
    const inner = await mergePeople(database.db, { survivorId: a.id, mergedId: b.id }, env);
    const outer = await mergePeople(database.db, { survivorId: c.id, mergedId: a.id }, env);
    await unmergePeople(database.db, outer.mergeId, false, env);
    expect((await listMerges(database.db, 'person', a.id)).map((merge) => merge.cleanlyReversible)).toEqual([true]);

    await unmergePeople(database.db, inner.mergeId, false, env);
    expect((await getPerson(database.db, b.id)).mergedIntoId).toBeNull();
    expect((await getPerson(database.db, a.id)).phones.map((phone) => phone.value)).toEqual(['+79161111111']);
  });

  it('unmerging people after their company was merged away links them to the company it went into', async () => {
    const other = await createCompany(database.db, { name: 'Ромашка' }, env);
    const { mergeId } = await mergePeople(database.db, { survivorId: a.id, mergedId: b.id }, env);
    const companyMerge = await mergeCompanies(database.db, { survivorId: other.id, mergedId: a.company!.id }, env);
    expect(companyMerge.company.id).toBe(other.id);
    await unmergePeople(database.db, mergeId, true, env);
    expect((await getPerson(database.db, a.id)).company?.id).toBe(other.id);
    expect((await getPerson(database.db, b.id)).company?.id).toBe(other.id);
  });

  it('keeps the later consent decision: a withdrawal on the merged copy survives the merge', async () => {
    const granted = { granted: true, at: '2020-05-01T10:00:00.000Z', source: 'анкета' };
    const withdrawn = { granted: false, at: '2025-02-01T10:00:00.000Z', source: 'звонок' };
    await updatePerson(
      database.db,
      a.id,
      a.version,
      { lastName: 'Иванов', firstName: 'Иван', contactConsent: granted, marketingConsent: granted },
      env,
    );
    await updatePerson(
      database.db,
      b.id,
      b.version,
      { lastName: 'Иванов', firstName: 'Иван', contactConsent: withdrawn },
      env,
    );
    const { person } = await mergePeople(database.db, { survivorId: a.id, mergedId: b.id }, env);
    expect(person.contactConsent).toEqual(withdrawn);
    // Nothing on the merged copy: the survivor's stands.
    expect(person.marketingConsent).toEqual(granted);
  });

  it('bulk-merges the agreeing members of a group even when its oldest is a colleague', async () => {
    const office = '+7 495 700-00-00';
    const colleague = await createPerson(database.db, { lastName: 'Петрова', phones: [{ value: office }] }, env);
    const first = await createPerson(database.db, { lastName: 'Сидоров', phones: [{ value: office }] }, env);
    const copy = await createPerson(database.db, { lastName: 'Сидоров', phones: [{ value: office }] }, env);
    expect(await mergeExactDuplicates(database.db, { reasons: ['phone'] }, env)).toBe(1);
    expect((await getPerson(database.db, copy.id)).mergedIntoId).toBe(first.id);
    expect((await getPerson(database.db, colleague.id)).mergedIntoId).toBeNull();
  });

  it('bulk-merges one name written the other way round at the same company', async () => {
    const company = await createCompany(database.db, { name: 'Вектор' }, env);
    const parts = await createPerson(
      database.db,
      { lastName: 'Кузнецов', firstName: 'Олег', companyId: company.id },
      env,
    );
    const whole = await createPerson(database.db, { displayName: 'Олег Кузнецов', companyId: company.id }, env);
    const namesake = await createPerson(database.db, { displayName: 'Кузнецова Ольга', companyId: company.id }, env);
    // This pair and the two Ивановы every test starts with.
    expect(await mergeExactDuplicates(database.db, { reasons: ['nameAndCompany'] }, env)).toBe(2);
    expect((await getPerson(database.db, whole.id)).mergedIntoId).toBe(parts.id);
    expect((await getPerson(database.db, namesake.id)).mergedIntoId).toBeNull();
  });

  it('never bulk-merges two people through a shorter name both agree with', async () => {
    const reception = '+7 495 123-45-67';
    const bare = await createPerson(database.db, { firstName: 'Анна', phones: [{ value: reception }] }, env);
    const ivanova = await createPerson(
      database.db,
      { lastName: 'Иванова', firstName: 'Анна', phones: [{ value: reception }] },
      env,
    );
    const petrova = await createPerson(
      database.db,
      { lastName: 'Петрова', firstName: 'Анна', phones: [{ value: reception }] },
      env,
    );
    expect(await mergeExactDuplicates(database.db, { reasons: ['phone'] }, env)).toBe(1);
    expect((await getPerson(database.db, ivanova.id)).mergedIntoId).toBe(bare.id);
    expect((await getPerson(database.db, petrova.id)).mergedIntoId).toBeNull();
    expect((await getPerson(database.db, bare.id)).lastName).toBe('Иванова');
  });

  it('merges a copy linked to a company in the trash without taking that link over', async () => {
    const closed = await createCompany(database.db, { name: 'Закрытая' }, env);
    const survivor = await createPerson(
      database.db,
      { lastName: 'Орлов', emails: [{ value: 'orlov@example.ru' }] },
      env,
    );
    const copy = await createPerson(
      database.db,
      { lastName: 'Орлов', companyId: closed.id, emails: [{ value: 'orlov@example.ru' }] },
      env,
    );
    await trashCompanies(database.db, [closed.id], env);
    expect(await mergeExactDuplicates(database.db, { reasons: ['email'] }, env)).toBe(2);
    expect((await getPerson(database.db, copy.id)).mergedIntoId).toBe(survivor.id);
    expect((await getPerson(database.db, survivor.id)).company).toBeNull();
  });

  it('looks past a first round of groups whose names all disagree', async () => {
    // More shared-phone pairs of colleagues than one round reads, then one real pair of copies.
    const db = database.db;
    for (let pair = 0; pair < 505; pair += 1) {
      const phone = `+7 495 ${200 + pair}-00-00`;
      await createPerson(db, { lastName: `Коллега${pair}а`, phones: [{ value: phone }] }, env);
      await createPerson(db, { lastName: `Сотрудник${pair}б`, phones: [{ value: phone }] }, env);
    }
    const original = await createPerson(db, { lastName: 'Яковлев', phones: [{ value: '+7 999 999-99-99' }] }, env);
    const copy = await createPerson(db, { lastName: 'Яковлев', phones: [{ value: '+7 999 999-99-99' }] }, env);
    expect(await mergeExactDuplicates(db, { reasons: ['phone'] }, env)).toBe(1);
    expect((await getPerson(db, copy.id)).mergedIntoId).toBe(original.id);
  });

  it('finds the same name twice as likely duplicates, with or without a company', async () => {
    const first = await createPerson(database.db, { lastName: 'Сидоров', firstName: 'Алексей' }, env);
    const second = await createPerson(database.db, { lastName: 'Сидоров', firstName: 'Алексей' }, env);
    const groups = await findDuplicates(database.db, { reasons: ['similarName'] }, env);
    expect(groups.map((group) => group.members.map((member) => member.id))).toContainEqual([first.id, second.id]);
  });

  it('finds the same name in a block of names too big to compare for typos, and a patronymic on one copy only', async () => {
    const db = database.db;
    // More than the 200 names of a block compared for typos: the commonest surnames in a big base.
    for (let index = 0; index < 210; index += 1) {
      await createPerson(
        db,
        { lastName: `Кузнецов${String.fromCharCode(0x430 + (index % 32))}`, firstName: `Имя${index}` },
        env,
      );
    }
    const first = await createPerson(db, { lastName: 'Кузнецов', firstName: 'Кузьма' }, env);
    const second = await createPerson(db, { lastName: 'Кузнецов', firstName: 'Кузьма' }, env);
    const plain = await createPerson(db, { lastName: 'Петров', firstName: 'Олег' }, env);
    const withPatronymic = await createPerson(db, { lastName: 'Петров', firstName: 'Олег', middleName: 'Ильич' }, env);
    const groups = await findDuplicates(db, { reasons: ['similarName'] }, env);
    const memberIds = groups.map((group) => group.members.map((member) => member.id));
    expect(memberIds).toContainEqual([first.id, second.id]);
    expect(memberIds).toContainEqual([plain.id, withPatronymic.id]);
  });

  it('refuses a merge holding more phones than a record may, and a bulk merge skips that pair', async () => {
    const db = database.db;
    const phones = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({ value: `+7 916 000-${String(from + index).padStart(4, '0')}` }));
    const email = 'orlov@example.ru';
    const many = await createPerson(db, { lastName: 'Орлов', emails: [{ value: email }], phones: phones(0, 15) }, env);
    const more = await createPerson(
      db,
      { lastName: 'Орлов', emails: [{ value: email }], phones: phones(100, 10) },
      env,
    );
    const before = await getPerson(db, many.id);
    await expect(mergePeople(db, { survivorId: many.id, mergedId: more.id }, env)).rejects.toMatchObject({
      code: 'InvalidInput',
      details: { reason: 'tooManyPhones', limit: 20 },
    });
    expect(await getPerson(db, many.id)).toEqual(before);

    const few = await createPerson(db, { lastName: 'Орлов', emails: [{ value: email }], phones: phones(200, 2) }, env);
    // The pair every test starts with, and the copy with two phones; not the one with ten.
    expect(await mergeExactDuplicates(db, { reasons: ['email'] }, env)).toBe(2);
    expect((await getPerson(db, few.id)).mergedIntoId).toBe(many.id);
    expect((await getPerson(db, more.id)).mergedIntoId).toBeNull();
    expect((await getPerson(db, many.id)).phones).toHaveLength(17);
  });

  it('bulk-merges exact duplicates into the oldest record', async () => {
    const merged = await mergeExactDuplicates(database.db, { reasons: ['email', 'nameAndCompany'] }, env);
    expect(merged).toBe(1);
    expect(await countPeople(database.db, {}, { defaultCountry: 'RU' })).toBe(1);
    expect(await findDuplicates(database.db, { reasons: ['email', 'nameAndCompany'] }, env)).toEqual([]);
  });

  it('bulk-merges only the reasons asked for, and never colleagues who share an office phone', async () => {
    const office = '+7 495 123-45-67';
    const first = await createPerson(database.db, { lastName: 'Сидоров', phones: [{ value: office }] }, env);
    const second = await createPerson(database.db, { lastName: 'Петрова', phones: [{ value: office }] }, env);
    const again = await createPerson(
      database.db,
      { lastName: 'Сидоров', firstName: 'Пётр', phones: [{ value: `8 (495) 123-45-67` }] },
      env,
    );
    // Asked for e-mails only: the Ивановы go, the shared phone stays as it is.
    expect(await mergeExactDuplicates(database.db, { reasons: ['email'] }, env)).toBe(1);
    expect(await countPeople(database.db, {}, { defaultCountry: 'RU' })).toBe(4);

    // By phone: Сидоров and Сидоров Пётр agree; Петрова shares the phone but not the name.
    expect(await mergeExactDuplicates(database.db, { reasons: ['phone'] }, env)).toBe(1);
    expect((await getPerson(database.db, first.id)).mergedIntoId).toBeNull();
    expect((await getPerson(database.db, again.id)).mergedIntoId).toBe(first.id);
    expect((await getPerson(database.db, second.id)).mergedIntoId).toBeNull();
    expect(
      (await findDuplicates(database.db, { reasons: ['phone'] }, env)).map((group) => group.members.length),
    ).toEqual([2]);
  });

  it('unmerges without the options removed from a list field since, leaving the record savable', async () => {
    const { db } = database;
    const region = await createCustomField(
      db,
      { entity: 'person', label: 'Округ', type: 'select', options: ['Север', 'Юг'] },
      env,
    );
    const zones = await createCustomField(
      db,
      { entity: 'person', label: 'Зоны', type: 'multiselect', options: ['Центр', 'Запад', 'Восток'] },
      env,
    );
    const anna = await createPerson(
      db,
      {
        firstName: 'Анна',
        lastName: 'Смирнова',
        customFields: { [region.key]: 'Север', [zones.key]: ['Центр', 'Запад'] },
      },
      env,
    );
    const twin = await createPerson(
      db,
      { firstName: 'Анна', lastName: 'Смирнова', customFields: { [region.key]: 'Юг', [zones.key]: ['Восток'] } },
      env,
    );
    const { mergeId } = await mergePeople(
      db,
      {
        survivorId: anna.id,
        mergedId: twin.id,
        choices: { [`custom.${region.key}`]: 'merged', [`custom.${zones.key}`]: 'merged' },
      },
      env,
    );
    // «Север» and «Запад» are on no stored value now, so they may go; only the merge's undo copy holds them.
    await updateCustomField(db, region.id, 'Округ', ['Юг']);
    await updateCustomField(db, zones.id, 'Зоны', ['Центр', 'Восток']);
    const restored = await unmergePeople(db, mergeId, false, env);
    expect(restored.customFields).toEqual({ [zones.key]: ['Центр'] });
    expect(
      await countPeople(
        db,
        { conditions: [{ field: `custom.${zones.key}`, operator: 'isNotEmpty' }] },
        { defaultCountry: 'RU' },
      ),
    ).toBe(2);
    const saved = await updatePerson(db, anna.id, restored.version, { ...restored, position: 'Бухгалтер' }, env);
    expect(saved.customFields).toEqual({ [zones.key]: ['Центр'] });
    expect((await getPerson(db, twin.id)).customFields).toEqual({ [region.key]: 'Юг', [zones.key]: ['Восток'] });
  });
});
