/** Values the record services must refuse, tidy or keep working with (found by review). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logActivity, updateActivity } from '../../main/services/activities-service';
import { createCompany, trashCompanies } from '../../main/services/companies-service';
import { createCustomField, updateCustomField } from '../../main/services/custom-fields-service';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { countPeople } from '../../main/services/lists/people-list-service';
import { createPerson, getPerson } from '../../main/services/people-service';
import { LONG_TEXT_MAX } from '../../shared/domain/common';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

describe('record edges', () => {
  const tempDir = useTempDir();
  const env = testEnv();
  let database: OpenDatabase;

  beforeEach(async () => {
    database = await openTestDatabase(tempDir());
  });
  afterEach(async () => {
    await database.close();
  });

  it('refuses a custom date that is no day of the calendar', async () => {
    const field = await createCustomField(database.db, { entity: 'person', label: 'Договор до', type: 'date' }, env);
    for (const date of ['2026-02-31', '2026-13-05', '2025-02-29']) {
      await expect(
        createPerson(database.db, { lastName: 'Датов', customFields: { [field.key]: date } }, env),
      ).rejects.toMatchObject({ code: 'InvalidInput' });
    }
    const leap = await createPerson(
      database.db,
      { lastName: 'Датов', customFields: { [field.key]: '2024-02-29' } },
      env,
    );
    expect(leap.customFields[field.key]).toBe('2024-02-29');
  });

  it('keeps no custom text of spaces only: the record has no value, as an empty box', async () => {
    const field = await createCustomField(database.db, { entity: 'person', label: 'Комментарий', type: 'text' }, env);
    const blank = await createPerson(database.db, { lastName: 'Пустов', customFields: { [field.key]: '   ' } }, env);
    expect(blank.customFields).toEqual({});
    const conditions = [{ field: `custom.${field.key}`, operator: 'isEmpty' as const }];
    expect(await countPeople(database.db, { conditions }, { defaultCountry: 'RU' })).toBe(1);
  });

  it('keeps a custom text no longer than a note or a spreadsheet cell the import takes', async () => {
    const field = await createCustomField(database.db, { entity: 'person', label: 'История', type: 'text' }, env);
    const longest = 'я'.repeat(LONG_TEXT_MAX);
    const kept = await createPerson(database.db, { lastName: 'Длинов', customFields: { [field.key]: longest } }, env);
    expect(kept.customFields[field.key]).toBe(longest);
    await expect(
      createPerson(database.db, { lastName: 'Длинов', customFields: { [field.key]: `${longest}я` } }, env),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
  });

  it('refuses a phone of text without a digit, which was stored as an empty number', async () => {
    await expect(
      createPerson(database.db, { lastName: 'Звонков', phones: [{ value: 'позвонить вечером' }] }, env),
    ).rejects.toThrow('A phone number has digits');
  });

  it('refuses to take every option away from a list field, as creating one without options is', async () => {
    const field = await createCustomField(
      database.db,
      { entity: 'person', label: 'Регион', type: 'select', options: ['Москва', 'Казань'] },
      env,
    );
    await expect(updateCustomField(database.db, field.id, 'Регион', [])).rejects.toMatchObject({
      code: 'InvalidInput',
    });
  });

  it('keeps an e-mail or a phone typed twice on one record once', async () => {
    const person = await createPerson(
      database.db,
      {
        lastName: 'Двоев',
        emails: [{ value: 'A@x.ru' }, { value: 'a@X.RU', label: 'personal' }],
        phones: [{ value: '8 916 123-45-67' }, { value: '+7 (916) 123-45-67', label: 'work' }],
      },
      env,
    );
    const stored = await getPerson(database.db, person.id);
    expect(stored.emails.map((email) => [email.value, email.label])).toEqual([['a@x.ru', 'work']]);
    expect(stored.phones.map((phone) => phone.value)).toEqual(['+79161234567']);
  });

  it('lets a call logged with a person and their company be edited on the person’s timeline once the company is trashed', async () => {
    const company = await createCompany(database.db, { name: 'ООО «Ромашка»' }, env);
    const person = await createPerson(database.db, { lastName: 'Звонков', companyId: company.id }, env);
    const call = await logActivity(
      database.db,
      { kind: 'call', occurredAt: '2026-11-20T10:00:00.000Z', personId: person.id, companyId: company.id },
      env,
    );
    await trashCompanies(database.db, [company.id], env);
    const edited = await updateActivity(
      database.db,
      call.id,
      call.version,
      { kind: 'call', occurredAt: call.occurredAt, personId: person.id, companyId: company.id, subject: 'Перезвонить' },
      env,
    );
    expect(edited.subject).toBe('Перезвонить');
    // A company in the trash is still no place to log a new call.
    await expect(
      logActivity(database.db, { kind: 'call', occurredAt: call.occurredAt, companyId: company.id }, env),
    ).rejects.toMatchObject({ code: 'NotFound' });
  });
});
