import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../shared/domain/people';
import { createCompany, restoreCompanies, trashCompanies } from '../../main/services/companies-service';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { mergePeople } from '../../main/services/merge-service';
import { createPerson, getPerson, updatePerson } from '../../main/services/people-service';
import {
  formFromPerson,
  personInputFromForm,
  todayDate,
  type PersonForm,
} from '../../renderer/features/people/person-form';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { expectAppError } from '../support/shared-test-database';
import { useTempDir } from '../support/temp-dir';

/** What the edit form sends when the user changes `patch` and saves. */
async function editInForm(database: OpenDatabase, person: Person, patch: Partial<PersonForm>): Promise<Person> {
  const form = { ...formFromPerson(person), ...patch };
  // The form dates what the user decides today by the computer's clock, as main does.
  const env = { ...testEnv(), now: () => new Date() };
  return updatePerson(database.db, person.id, person.version, personInputFromForm(form, person), env);
}

describe('editing a person through the form', () => {
  const tempDir = useTempDir();
  const env = testEnv();
  let database: OpenDatabase;

  beforeEach(async () => {
    database = await openTestDatabase(tempDir());
  });
  afterEach(async () => {
    await database.close();
  });

  it('keeps a display name the user typed when another field changes', async () => {
    const person = await createPerson(
      database.db,
      { lastName: 'Петров', firstName: 'Иван', displayName: 'Ваня Петров (старый клиент)' },
      env,
    );
    const saved = await editInForm(database, person, { position: 'Директор' });
    expect(saved.displayName).toBe('Ваня Петров (старый клиент)');
    expect(saved.position).toBe('Директор');
  });

  it('edits a person who has only a display name', async () => {
    const person = await createPerson(database.db, { displayName: 'Ромашка, бухгалтерия' }, env);
    const saved = await editInForm(database, person, { notes: 'звонить после обеда' });
    expect(saved.displayName).toBe('Ромашка, бухгалтерия');
    expect(saved.notes).toBe('звонить после обеда');
  });

  it('recomposes a composed display name when the name parts change', async () => {
    const person = await createPerson(database.db, { lastName: 'Петров', firstName: 'Иван' }, env);
    expect(person.displayName).toBe('Петров Иван');
    const saved = await editInForm(database, person, { lastName: 'Петровский' });
    expect(saved.displayName).toBe('Петровский Иван');
  });

  it('creates and edits a person with an e-mail on a Cyrillic domain, as the form and the import accept it', async () => {
    const person = await createPerson(
      database.db,
      { lastName: 'Петров', firstName: 'Иван', emails: [{ value: 'Info@Почта.РФ', label: 'work' }] },
      env,
    );
    expect(person.emails.map((email) => email.value)).toEqual(['info@почта.рф']);
    const saved = await editInForm(database, person, { position: 'Директор' });
    expect(saved.position).toBe('Директор');
    expect(saved.emails.map((email) => email.value)).toEqual(['info@почта.рф']);
    await expect(
      createPerson(database.db, { lastName: 'Битый', emails: [{ value: 'a@почта..рф', label: 'work' }] }, env),
    ).rejects.toThrow();
  });

  it('records a consent on the day and from the source entered, and keeps an untouched one exactly', async () => {
    const person = await createPerson(database.db, { lastName: 'Петров' }, env);
    const given = await editInForm(database, person, {
      contactConsent: { granted: true, date: '2023-05-01', source: 'подписанная анкета' },
    });
    expect(given.contactConsent).toEqual({
      granted: true,
      at: new Date(2023, 4, 1, 12).toISOString(),
      source: 'подписанная анкета',
    });
    expect(given.marketingConsent).toBeNull();

    const untouched = await editInForm(database, given, { position: 'Директор' });
    expect(untouched.contactConsent).toEqual(given.contactConsent);

    // Withdrawn today, entered by hand: the moment of the edit.
    const withdrawn = await editInForm(database, untouched, {
      contactConsent: { granted: false, date: todayDate(), source: '' },
    });
    expect(withdrawn.contactConsent).toMatchObject({ granted: false, source: 'manual' });
    expect(Date.now() - Date.parse(withdrawn.contactConsent!.at!)).toBeLessThan(60_000);
  });

  it('refuses a consent dated after today, keeps one already stored so, and stores a blank source as none', async () => {
    // A year ahead of both clocks: the test's own and the one the form dates by.
    const future = new Date(Math.max(Date.now(), env.now().getTime()) + 365 * 24 * 3600 * 1000).toISOString();
    const error = await expectAppError(
      createPerson(
        database.db,
        { lastName: 'Завтрашний', contactConsent: { granted: true, at: future, source: 'анкета' } },
        env,
      ),
      'InvalidInput',
    );
    expect(error.details).toMatchObject({ field: 'contactConsent', reason: 'futureConsent' });

    const person = await createPerson(
      database.db,
      { lastName: 'Пустоисточников', marketingConsent: { granted: true, at: null, source: '   ' } },
      env,
    );
    expect(person.marketingConsent).toEqual({ granted: true, at: null, source: null });
    // A date an import stored stands when another field is edited.
    database.connection
      .prepare('UPDATE people SET contact_consent = 1, contact_consent_at = ? WHERE id = ?')
      .run(future, person.id);
    const stored = await getPerson(database.db, person.id);
    const edited = await editInForm(database, stored, { position: 'Директор' });
    expect(edited.contactConsent?.at).toBe(future);
    await expectAppError(
      updatePerson(
        database.db,
        person.id,
        edited.version,
        { lastName: 'Пустоисточников', marketingConsent: { granted: false, at: future, source: null } },
        env,
      ),
      'InvalidInput',
    );
  });

  it('merges a person whose imported consent is dated ahead: the merge carries a stored date', async () => {
    const future = new Date(Math.max(Date.now(), env.now().getTime()) + 365 * 24 * 3600 * 1000).toISOString();
    const survivor = await createPerson(database.db, { lastName: 'Слияев', firstName: 'Олег' }, env);
    const copy = await createPerson(database.db, { lastName: 'Слияев', firstName: 'Олег' }, env);
    database.connection
      .prepare('UPDATE people SET contact_consent = 1, contact_consent_at = ? WHERE id = ?')
      .run(future, copy.id);
    const { person } = await mergePeople(
      database.db,
      { survivorId: survivor.id, mergedId: copy.id, choices: { contactConsent: 'merged' } },
      env,
    );
    expect(person.contactConsent?.at).toBe(future);
  });

  it('keeps the link to a company in the trash, so the company comes back with its people', async () => {
    const company = await createCompany(database.db, { name: 'Ромашка' }, env);
    const person = await createPerson(database.db, { lastName: 'Петров', companyId: company.id }, env);
    await trashCompanies(database.db, [company.id], env);
    const shown = await getPerson(database.db, person.id);
    expect(shown.company).toEqual({ id: company.id, name: 'Ромашка', inTrash: true });

    await editInForm(database, shown, { position: 'Бухгалтер' });
    await restoreCompanies(database.db, [company.id], env);
    expect((await getPerson(database.db, person.id)).company).toEqual({
      id: company.id,
      name: 'Ромашка',
      inTrash: false,
    });
  });
});
