import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { Activity, ActivityInput } from '../../shared/domain/activities';
import type { PersonInput } from '../../shared/domain/people';
import { listAllTags } from '../../main/db/repositories/tags';
import { deleteActivity, logActivity, timeline, updateActivity } from '../../main/services/activities-service';
import {
  createCompany,
  getCompany,
  restoreCompanies,
  trashCompanies,
  updateCompany,
} from '../../main/services/companies-service';
import {
  archiveCustomField,
  createCustomField,
  listCustomFields,
  updateCustomField,
} from '../../main/services/custom-fields-service';
import { createPerson, getPerson, trashPeople, updatePerson } from '../../main/services/people-service';
import { createUser } from '../../main/services/users-service';
import { testEnv } from '../support/open-test-database';
import { expectAppError, useSharedTestDatabase } from '../support/shared-test-database';
import { useTempDir } from '../support/temp-dir';
import { createTestApp, invokeFailing, type TestApp } from '../support/test-app';

describe('companies', () => {
  const database = useSharedTestDatabase();
  const env = testEnv();
  const db = () => database().db;

  it('creates a company and reads back every value', async () => {
    const owner = await createUser(db(), { displayName: 'Мария Менеджер', email: 'maria@example.com' }, env);
    const created = await createCompany(
      db(),
      {
        name: '  ООО «Ромашка»  ',
        legalName: 'Общество с ограниченной ответственностью «Ромашка»',
        website: 'https://romashka.example',
        industry: 'Розница',
        source: 'Выставка',
        ownerId: owner.id,
        notes: '  Ключевой клиент  ',
        phones: [{ value: '8 (495) 123-45-67', label: 'work' }],
        emails: [{ value: 'Info@Romashka.example', label: 'work' }],
        addresses: [{ label: 'work', city: 'Москва', street: 'ул. Ленина, 1', postalCode: '101000' }],
        tags: ['Опт', 'VIP'],
      },
      env,
    );
    expect(created).toMatchObject({
      name: 'ООО «Ромашка»',
      legalName: 'Общество с ограниченной ответственностью «Ромашка»',
      website: 'https://romashka.example',
      industry: 'Розница',
      source: 'Выставка',
      owner: { id: owner.id, name: 'Мария Менеджер' },
      notes: 'Ключевой клиент',
      phones: [{ value: '+74951234567', display: '+7 495 123-45-67', label: 'work', valid: true }],
      emails: [{ value: 'info@romashka.example', label: 'work' }],
      addresses: [
        {
          label: 'work',
          country: null,
          region: null,
          city: 'Москва',
          street: 'ул. Ленина, 1',
          postalCode: '101000',
        },
      ],
      tags: ['VIP', 'Опт'],
      customFields: {},
      peopleCount: 0,
      deletedAt: null,
      version: 1,
    });
    expect(created.createdAt).toBe(created.updatedAt);
    expect(await getCompany(db(), created.id)).toEqual(created);
  });

  it('updates with a version bump, refuses a stale version and unknown ids', async () => {
    const company = await createCompany(db(), { name: 'Вектор', industry: 'Логистика' }, env);
    const updated = await updateCompany(
      db(),
      company.id,
      company.version,
      { name: 'АО «Вектор»', industry: 'Логистика', tags: ['Новый'] },
      env,
    );
    expect(updated).toMatchObject({ name: 'АО «Вектор»', tags: ['Новый'], version: company.version + 1 });
    expect(updated.createdAt).toBe(company.createdAt);
    expect(updated.updatedAt > company.updatedAt).toBe(true);

    await expectAppError(updateCompany(db(), company.id, company.version, { name: 'Старое' }, env), 'Conflict');
    expect((await getCompany(db(), company.id)).name).toBe('АО «Вектор»');

    await expectAppError(updateCompany(db(), 999_999, 1, { name: 'Нет такой' }, env), 'NotFound');
    await expectAppError(getCompany(db(), 999_999), 'NotFound');
    await expectAppError(createCompany(db(), { name: 'Без владельца', ownerId: 999_999 }, env), 'NotFound');
  });

  it('counts its live people', async () => {
    const company = await createCompany(db(), { name: 'Считалка' }, env);
    const people = [];
    for (const lastName of ['Первый', 'Второй', 'Третий']) {
      people.push(await createPerson(db(), { lastName, companyId: company.id }, env));
    }
    expect((await getCompany(db(), company.id)).peopleCount).toBe(3);
    await trashPeople(db(), [people[0]!.id], env);
    expect((await getCompany(db(), company.id)).peopleCount).toBe(2);
  });

  it('marks a trashed company on its people, and unmarks it after a restore', async () => {
    const company = await createCompany(db(), { name: 'Временная' }, env);
    const person = await createPerson(db(), { firstName: 'Ольга', lastName: 'Связанная', companyId: company.id }, env);
    expect(person.company).toEqual({ id: company.id, name: 'Временная', inTrash: false });

    expect(await trashCompanies(db(), [company.id], env)).toEqual([company.id]);
    expect((await getPerson(db(), person.id)).company).toEqual({ id: company.id, name: 'Временная', inTrash: true });
    expect((await getCompany(db(), company.id)).deletedAt).not.toBeNull();
    // A trashed company takes no new people and no edits.
    await expectAppError(createPerson(db(), { lastName: 'Новый', companyId: company.id }, env), 'NotFound');
    const trashed = await getCompany(db(), company.id);
    await expectAppError(updateCompany(db(), company.id, trashed.version, { name: 'Правка' }, env), 'NotFound');

    expect(await restoreCompanies(db(), [company.id], env)).toEqual([company.id]);
    expect((await getPerson(db(), person.id)).company).toEqual({ id: company.id, name: 'Временная', inTrash: false });
    expect((await getCompany(db(), company.id)).deletedAt).toBeNull();
    // Restoring what isn't in the trash changes nothing.
    expect(await restoreCompanies(db(), [company.id], env)).toEqual([]);
  });
});

describe('people: contact points, addresses, tags, consent', () => {
  const database = useSharedTestDatabase();
  const env = testEnv();
  const db = () => database().db;

  it('round-trips several phones, e-mails, addresses and tags in their order', async () => {
    const owner = await createUser(db(), { displayName: 'Иван Продавец', email: null }, env);
    const input: PersonInput = {
      firstName: 'Пётр',
      middleName: 'Алексеевич',
      lastName: 'Соловьёв',
      position: 'Директор',
      website: 'https://solovyev.example',
      birthday: '1980-05-17',
      source: 'Рекомендация',
      ownerId: owner.id,
      preferredChannel: 'messenger',
      language: 'ru',
      notes: 'Любит чай',
      phones: [
        { value: '8 916 123-45-67', label: 'mobile' },
        { value: '+44 20 7946 0958', label: 'work' },
        { value: '12', label: 'other' },
      ],
      emails: [
        { value: ' P.Soloviev@Romashka.RU ', label: 'work' },
        { value: 'petr@example.com', label: 'personal' },
      ],
      addresses: [
        { label: 'home', country: null, region: null, city: null, street: 'без города', postalCode: null },
        {
          label: 'work',
          country: 'Россия',
          region: 'Ленинградская обл.',
          city: 'Санкт-Петербург',
          street: 'Невский, 1',
        },
      ],
      tags: ['Опт', 'VIP', 'Холодный'],
    };
    const created = await createPerson(db(), input, env);
    expect(created).toMatchObject({
      displayName: 'Соловьёв Пётр Алексеевич',
      firstName: 'Пётр',
      middleName: 'Алексеевич',
      lastName: 'Соловьёв',
      company: null,
      position: 'Директор',
      website: 'https://solovyev.example',
      birthday: '1980-05-17',
      source: 'Рекомендация',
      owner: { id: owner.id, name: 'Иван Продавец' },
      preferredChannel: 'messenger',
      language: 'ru',
      notes: 'Любит чай',
      phones: [
        { value: '+79161234567', display: '+7 916 123-45-67', label: 'mobile', valid: true },
        { value: '+442079460958', display: '+44 20 7946 0958', label: 'work', valid: true },
        { value: '12', display: '12', label: 'other', valid: false },
      ],
      emails: [
        { value: 'p.soloviev@romashka.ru', label: 'work' },
        { value: 'petr@example.com', label: 'personal' },
      ],
      addresses: [
        { label: 'home', country: null, region: null, city: null, street: 'без города', postalCode: null },
        {
          label: 'work',
          country: 'Россия',
          region: 'Ленинградская обл.',
          city: 'Санкт-Петербург',
          street: 'Невский, 1',
          postalCode: null,
        },
      ],
      customFields: {},
      contactConsent: null,
      marketingConsent: null,
      deletedAt: null,
      version: 1,
    });
    expect([...created.tags].sort()).toEqual(['VIP', 'Опт', 'Холодный']);
    expect(await getPerson(db(), created.id)).toEqual(created);

    // An update replaces the lists: one phone gone, the addresses reversed, a tag dropped.
    const updated = await updatePerson(
      db(),
      created.id,
      created.version,
      {
        ...input,
        phones: [{ value: '+7 (916) 123-45-67', label: 'work' }],
        emails: [],
        addresses: [input.addresses![1]!, input.addresses![0]!],
        tags: ['VIP'],
      },
      env,
    );
    expect(updated.version).toBe(2);
    expect(updated.phones).toEqual([
      { value: '+79161234567', display: '+7 916 123-45-67', label: 'work', valid: true },
    ]);
    expect(updated.emails).toEqual([]);
    expect(updated.addresses.map((address) => address.street)).toEqual(['Невский, 1', 'без города']);
    expect(updated.tags).toEqual(['VIP']);
    expect(await getPerson(db(), created.id)).toEqual(updated);
  });

  it('treats tags that differ only in case (Cyrillic too) or ё as one tag', async () => {
    const first = await createPerson(db(), { lastName: 'Первый', tags: ['ВИП'] }, env);
    expect(first.tags).toEqual(['ВИП']);
    // Spellings of one tag in one list make one tag.
    const doubled = await createPerson(db(), { lastName: 'Двойной', tags: ['вип', ' Вип ', 'ВИП'] }, env);
    expect(doubled.tags).toEqual(['ВИП']);
    const second = await createPerson(db(), { lastName: 'Второй', tags: ['вип', 'Ёлка'] }, env);
    const third = await createPerson(db(), { lastName: 'Третий', tags: ['елка'] }, env);
    // The tag keeps the spelling it was first created with; a person's tags come in folded order.
    expect(second.tags).toEqual(['ВИП', 'Ёлка']);
    expect(third.tags).toEqual(['Ёлка']);
    const all = (await listAllTags(db())).map((tag) => tag.name);
    expect(all.filter((name) => name.toLowerCase() === 'вип')).toEqual(['ВИП']);
    expect(all.filter((name) => name.toLowerCase().replace('ё', 'е') === 'елка')).toEqual(['Ёлка']);
  });

  it('round-trips consent with its time and source', async () => {
    const contactConsent = { granted: true, at: '2026-01-10T12:00:00.000Z', source: 'веб-форма' };
    const marketingConsent = { granted: false, at: '2026-02-01T08:30:00Z', source: null };
    const person = await createPerson(db(), { lastName: 'Согласный', contactConsent, marketingConsent }, env);
    expect(person.contactConsent).toEqual(contactConsent);
    expect(person.marketingConsent).toEqual(marketingConsent);
    expect((await getPerson(db(), person.id)).contactConsent).toEqual(contactConsent);

    const withdrawn = { granted: false, at: '2026-03-01T09:00:00.000Z', source: 'звонок' };
    const updated = await updatePerson(
      db(),
      person.id,
      person.version,
      { lastName: 'Согласный', contactConsent: withdrawn, marketingConsent: null },
      env,
    );
    expect(updated.contactConsent).toEqual(withdrawn);
    expect(updated.marketingConsent).toBeNull();
    expect(await getPerson(db(), person.id)).toEqual(updated);
  });

  it('refuses an owner that does not exist and a person without a name', async () => {
    await expectAppError(createPerson(db(), { lastName: 'Ничей', ownerId: 999_999 }, env), 'NotFound');
    await expectAppError(createPerson(db(), { firstName: '  ', lastName: '' }, env), 'InvalidInput');
    await expectAppError(getPerson(db(), 999_999), 'NotFound');
  });
});

describe('custom fields', () => {
  const database = useSharedTestDatabase();
  const env = testEnv();
  const db = () => database().db;

  async function defineAll() {
    return {
      text: await createCustomField(db(), { entity: 'person', label: 'Комментарий', type: 'text' }, env),
      number: await createCustomField(db(), { entity: 'person', label: 'Бюджет', type: 'number' }, env),
      date: await createCustomField(db(), { entity: 'person', label: 'Дата договора', type: 'date' }, env),
      select: await createCustomField(
        db(),
        { entity: 'person', label: 'Сегмент', type: 'select', options: ['A', 'B', 'C', 'B'] },
        env,
      ),
      multiselect: await createCustomField(
        db(),
        { entity: 'person', label: 'Интересы', type: 'multiselect', options: ['Окна', 'Двери', 'Крыши'] },
        env,
      ),
      checkbox: await createCustomField(db(), { entity: 'person', label: 'Подписан', type: 'checkbox' }, env),
    };
  }
  let fields: Awaited<ReturnType<typeof defineAll>>;
  beforeAll(async () => {
    fields = await defineAll();
  });

  it('creates definitions of every type with keys made from their labels', async () => {
    expect(fields.text).toMatchObject({ entity: 'person', key: 'kommentariy', label: 'Комментарий', type: 'text' });
    expect(fields.number).toMatchObject({ key: 'byudzhet', type: 'number', options: [] });
    expect(fields.date).toMatchObject({ key: 'data_dogovora', type: 'date' });
    // Duplicate options are dropped.
    expect(fields.select).toMatchObject({ key: 'segment', type: 'select', options: ['A', 'B', 'C'] });
    expect(fields.multiselect).toMatchObject({ key: 'interesy', options: ['Окна', 'Двери', 'Крыши'] });
    expect(fields.checkbox).toMatchObject({ key: 'podpisan', type: 'checkbox' });
    const listed = await listCustomFields(db(), 'person');
    expect(listed.map((field) => field.key)).toEqual([
      'kommentariy',
      'byudzhet',
      'data_dogovora',
      'segment',
      'interesy',
      'podpisan',
    ]);
    expect(new Set(listed.map((field) => field.position)).size).toBe(listed.length);
    expect(await listCustomFields(db(), 'company')).toEqual([]);
  });

  it('needs options for a list field', async () => {
    await expectAppError(
      createCustomField(db(), { entity: 'person', label: 'Пустой список', type: 'select', options: [] }, env),
      'InvalidInput',
    );
    await expectAppError(
      createCustomField(db(), { entity: 'person', label: 'Пустой мульти', type: 'multiselect' }, env),
      'InvalidInput',
    );
  });

  it('round-trips a value of every type exactly', async () => {
    const customFields = {
      kommentariy: 'Звонить после обеда',
      byudzhet: 150_000.5,
      data_dogovora: '2026-03-15',
      segment: 'B',
      interesy: ['Окна', 'Крыши'],
      podpisan: true,
    };
    const person = await createPerson(db(), { lastName: 'Полный', customFields }, env);
    expect(person.customFields).toEqual(customFields);
    expect((await getPerson(db(), person.id)).customFields).toEqual(customFields);

    // Falsy values are values too; empty ones are no value.
    const falsy = { kommentariy: '', byudzhet: 0, data_dogovora: null, interesy: [], podpisan: false };
    const updated = await updatePerson(
      db(),
      person.id,
      person.version,
      { lastName: 'Полный', customFields: falsy },
      env,
    );
    expect(updated.customFields).toEqual({ byudzhet: 0, podpisan: false });
    expect((await getPerson(db(), person.id)).customFields).toEqual({ byudzhet: 0, podpisan: false });
  });

  it('stores a multi-select in option order, once per option, and trims text', async () => {
    const person = await createPerson(
      db(),
      { lastName: 'Порядок', customFields: { interesy: ['Крыши', 'Окна', 'Крыши'], kommentariy: '  да  ' } },
      env,
    );
    expect(person.customFields).toEqual({ interesy: ['Окна', 'Крыши'], kommentariy: 'да' });
  });

  it.each([
    ['a number field given text', { byudzhet: 'сто тысяч' }],
    ['a number field given NaN-like text', { byudzhet: '100' }],
    ['a select value not among the options', { segment: 'D' }],
    ['a select given a list', { segment: ['A'] }],
    ['a multi-select with an unknown option', { interesy: ['Окна', 'Сайдинг'] }],
    ['a date in the wrong format', { data_dogovora: '15.03.2026' }],
    ['a checkbox given text', { podpisan: 'да' }],
    ['a text field given a number', { kommentariy: 42 }],
    ['an unknown key', { no_such_field: 'x' }],
  ])('rejects %s with InvalidInput', async (_, customFields) => {
    await expectAppError(createPerson(db(), { lastName: 'Ошибочный', customFields }, env), 'InvalidInput');
  });

  it('writes nothing when a custom value is invalid', async () => {
    const person = await createPerson(
      db(),
      { lastName: 'Целый', position: 'Было', customFields: { segment: 'A' } },
      env,
    );
    await expectAppError(
      updatePerson(
        db(),
        person.id,
        person.version,
        { lastName: 'Целый', position: 'Стало', tags: ['Новый тег'], customFields: { segment: 'Z' } },
        env,
      ),
      'InvalidInput',
    );
    expect(await getPerson(db(), person.id)).toEqual(person);
  });

  it('renames a field and changes options, but refuses to remove an option in use', async () => {
    await createPerson(db(), { lastName: 'Сегментный', customFields: { segment: 'C', interesy: ['Двери'] } }, env);
    await expectAppError(updateCustomField(db(), fields.select.id, 'Сегмент', ['A', 'B']), 'InvalidInput');
    await expectAppError(updateCustomField(db(), fields.multiselect.id, 'Интересы', ['Окна', 'Крыши']), 'InvalidInput');

    const renamed = await updateCustomField(db(), fields.select.id, 'Сегмент клиента', ['A', 'B', 'C', 'D']);
    expect(renamed).toMatchObject({ id: fields.select.id, key: 'segment', label: 'Сегмент клиента' });
    expect(renamed.options).toEqual(['A', 'B', 'C', 'D']);
    // An option nobody uses can go.
    const trimmed = await updateCustomField(db(), fields.select.id, 'Сегмент клиента', ['A', 'B', 'C']);
    expect(trimmed.options).toEqual(['A', 'B', 'C']);
    await expectAppError(updateCustomField(db(), 999_999, 'Нет', []), 'NotFound');
  });

  it('keeps keys unique per entity, archived ones included', async () => {
    const first = await createCustomField(db(), { entity: 'person', label: 'Регион', type: 'text' }, env);
    // Another label (labels are told apart) whose key would be the same.
    const second = await createCustomField(db(), { entity: 'person', label: 'Region', type: 'text' }, env);
    const company = await createCustomField(db(), { entity: 'company', label: 'Регион', type: 'text' }, env);
    expect([first.key, second.key, company.key]).toEqual(['region', 'region_2', 'region']);
    await archiveCustomField(db(), first.id, env);
    const third = await createCustomField(db(), { entity: 'person', label: 'регион', type: 'text' }, env);
    expect(third.key).toBe('region_3');
  });

  it('archiving hides a field from the list and from people', async () => {
    const field = await createCustomField(db(), { entity: 'person', label: 'Устаревшее', type: 'text' }, env);
    const person = await createPerson(db(), { lastName: 'Архивный', customFields: { ustarevshee: 'старое' } }, env);
    expect(person.customFields).toEqual({ ustarevshee: 'старое' });

    await archiveCustomField(db(), field.id, env);
    expect((await listCustomFields(db(), 'person')).map((listed) => listed.id)).not.toContain(field.id);
    expect((await getPerson(db(), person.id)).customFields).toEqual({});
    // An archived field takes no new values and no edits, and can't be archived twice.
    await expectAppError(
      createPerson(db(), { lastName: 'Поздний', customFields: { ustarevshee: 'новое' } }, env),
      'InvalidInput',
    );
    await expectAppError(updateCustomField(db(), field.id, 'Снова', []), 'NotFound');
    await expectAppError(archiveCustomField(db(), field.id, env), 'NotFound');
  });

  it('keeps the values of an archived field when the person is edited later', async () => {
    // The repository promises: "Archived fields keep their values (an export still has them)".
    const field = await createCustomField(db(), { entity: 'person', label: 'Старый код', type: 'text' }, env);
    const person = await createPerson(db(), { lastName: 'Хранимый', customFields: { staryy_kod: 'X-1' } }, env);
    await archiveCustomField(db(), field.id, env);
    const current = await getPerson(db(), person.id);
    // The form only knows live fields, so it sends back what it was shown.
    await updatePerson(
      db(),
      person.id,
      current.version,
      { lastName: 'Хранимый', position: 'Новая должность', customFields: current.customFields },
      env,
    );
    const stored = await db()
      .selectFrom('person_custom_values')
      .select('value_text')
      .where('field_id', '=', field.id)
      .where('person_id', '=', person.id)
      .execute();
    expect(stored).toEqual([{ value_text: 'X-1' }]);
  });
});

describe('activities and the timeline', () => {
  const database = useSharedTestDatabase();
  const env = testEnv();
  const db = () => database().db;

  const call = (personId: number, occurredAt: string, subject: string): ActivityInput => ({
    kind: 'call',
    occurredAt,
    subject,
    personId,
  });

  it('logs an activity with every value', async () => {
    const person = await createPerson(db(), { lastName: 'Звонков' }, env);
    const activity = await logActivity(
      db(),
      {
        kind: 'call',
        occurredAt: '2026-11-20T10:00:00Z',
        durationMinutes: 15,
        direction: 'outbound',
        outcome: 'Договорились',
        subject: '  Первый звонок ',
        body: 'Обсудили поставку',
        personId: person.id,
      },
      env,
    );
    expect(activity).toMatchObject({
      kind: 'call',
      occurredAt: '2026-11-20T10:00:00.000Z',
      durationMinutes: 15,
      direction: 'outbound',
      outcome: 'Договорились',
      subject: 'Первый звонок',
      body: 'Обсудили поставку',
      personId: person.id,
      companyId: null,
      owner: null,
      version: 1,
    });
    expect(activity.createdAt).toBe(activity.updatedAt);
  });

  it('lists a timeline newest first, ties broken by id', async () => {
    const person = await createPerson(db(), { lastName: 'Хронологов' }, env);
    const logged: Activity[] = [];
    for (const [at, subject] of [
      ['2026-01-01T10:00:00.000Z', 'старое'],
      ['2026-03-01T10:00:00.000Z', 'новое'],
      ['2026-02-01T10:00:00.000Z', 'среднее'],
      ['2026-03-01T10:00:00.000Z', 'новое, второе'],
    ] as const) {
      logged.push(await logActivity(db(), call(person.id, at, subject), env));
    }
    const page = await timeline(db(), { personId: person.id }, 50, null);
    expect(page.activities.map((activity) => activity.subject)).toEqual([
      'новое, второе',
      'новое',
      'среднее',
      'старое',
    ]);
    expect(page.nextCursor).toBeNull();
    expect(page.activities[0]).toEqual(logged[3]);
  });

  it('pages through 120 activities 50 at a time, each exactly once and in order', async () => {
    const person = await createPerson(db(), { lastName: 'Многоточиев' }, env);
    const other = await createPerson(db(), { lastName: 'Посторонний' }, env);
    await logActivity(db(), call(other.id, '2026-06-01T00:00:00.000Z', 'чужое'), env);
    const logged: Activity[] = [];
    for (let n = 0; n < 120; n += 1) {
      // Every third shares its time with the next one, so the cursor's id tie-break is exercised.
      const minute = n - (n % 3 === 1 ? 1 : 0);
      const occurredAt = new Date(Date.UTC(2026, 5, 1, 0, 0) - minute * 60_000).toISOString();
      logged.push(await logActivity(db(), call(person.id, occurredAt, `#${n}`), env));
    }
    const expected = [...logged]
      .sort((a, b) => (a.occurredAt === b.occurredAt ? b.id - a.id : a.occurredAt < b.occurredAt ? 1 : -1))
      .map((activity) => activity.id);

    const seen: number[] = [];
    const sizes: number[] = [];
    let cursor: { occurredAt: string; id: number } | null = null;
    for (let pageNumber = 0; pageNumber < 10; pageNumber += 1) {
      const page = await timeline(db(), { personId: person.id }, 50, cursor);
      sizes.push(page.activities.length);
      seen.push(...page.activities.map((activity) => activity.id));
      cursor = page.nextCursor;
      if (cursor === null) break;
      expect(cursor).toEqual({ occurredAt: page.activities.at(-1)!.occurredAt, id: page.activities.at(-1)!.id });
    }
    expect(sizes).toEqual([50, 50, 20]);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(120);
  });

  it('a page that ends exactly at the last activity has no next cursor', async () => {
    const person = await createPerson(db(), { lastName: 'Ровнов' }, env);
    for (let n = 0; n < 4; n += 1) {
      await logActivity(db(), call(person.id, `2026-04-0${n + 1}T10:00:00.000Z`, `#${n}`), env);
    }
    const first = await timeline(db(), { personId: person.id }, 2, null);
    expect(first.nextCursor).not.toBeNull();
    const second = await timeline(db(), { personId: person.id }, 2, first.nextCursor);
    expect(second.activities.map((activity) => activity.subject)).toEqual(['#1', '#0']);
    expect(second.nextCursor).toBeNull();
  });

  it('updates with a version bump and refuses a stale version', async () => {
    const person = await createPerson(db(), { lastName: 'Правкин' }, env);
    const activity = await logActivity(db(), call(person.id, '2026-05-01T09:00:00.000Z', 'черновик'), env);
    const updated = await updateActivity(
      db(),
      activity.id,
      activity.version,
      { ...call(person.id, '2026-05-01T09:30:00.000Z', 'итог'), kind: 'meeting', durationMinutes: 45 },
      env,
    );
    expect(updated).toMatchObject({
      id: activity.id,
      kind: 'meeting',
      subject: 'итог',
      occurredAt: '2026-05-01T09:30:00.000Z',
      durationMinutes: 45,
      version: activity.version + 1,
      createdAt: activity.createdAt,
    });
    await expectAppError(
      updateActivity(db(), activity.id, activity.version, call(person.id, '2026-05-01T09:00:00.000Z', 'поздно'), env),
      'Conflict',
    );
    await expectAppError(
      updateActivity(db(), 999_999, 1, call(person.id, '2026-05-01T09:00:00.000Z', 'нет'), env),
      'NotFound',
    );
    expect((await timeline(db(), { personId: person.id }, 10, null)).activities).toEqual([updated]);
  });

  it('an edit keeps the owner an activity was logged with', async () => {
    const person = await createPerson(db(), { lastName: 'Владелец' }, env);
    const owner = await createUser(db(), { displayName: 'Ольга Менеджерова', email: null }, env);
    const activity = await logActivity(db(), call(person.id, '2026-05-03T09:00:00.000Z', 'звонок'), env);
    // Owners come from the seed and imports, not the form.
    await db().updateTable('activities').set({ owner_id: owner.id }).where('id', '=', activity.id).execute();
    const updated = await updateActivity(
      db(),
      activity.id,
      activity.version,
      call(person.id, '2026-05-03T09:00:00.000Z', 'звонок: перезвонить'),
      env,
    );
    expect(updated.owner).toEqual({ id: owner.id, name: 'Ольга Менеджерова' });
  });

  it('deleting removes an activity from the timeline', async () => {
    const person = await createPerson(db(), { lastName: 'Стёртов' }, env);
    const kept = await logActivity(db(), call(person.id, '2026-05-02T09:00:00.000Z', 'остаётся'), env);
    const removed = await logActivity(db(), call(person.id, '2026-05-03T09:00:00.000Z', 'уходит'), env);
    await deleteActivity(db(), removed.id, env);
    expect((await timeline(db(), { personId: person.id }, 10, null)).activities.map((a) => a.id)).toEqual([kept.id]);
    await expectAppError(deleteActivity(db(), removed.id, env), 'NotFound');
    await expectAppError(
      updateActivity(db(), removed.id, removed.version, call(person.id, '2026-05-03T09:00:00.000Z', 'назад'), env),
      'NotFound',
    );
  });

  it('belongs to a live person or company', async () => {
    const company = await createCompany(db(), { name: 'Хронос' }, env);
    const byCompany = await logActivity(
      db(),
      { kind: 'note', occurredAt: '2026-05-04T09:00:00.000Z', body: 'заметка', companyId: company.id },
      env,
    );
    expect((await timeline(db(), { companyId: company.id }, 10, null)).activities).toEqual([byCompany]);

    // Neither a person nor a company: the schema refuses it before the database is touched.
    const orphan = await logActivity(db(), { kind: 'note', occurredAt: '2026-05-04T09:00:00.000Z' }, env).then(
      () => null,
      (error: unknown) => error,
    );
    expect(orphan).toBeInstanceOf(ZodError);
    expect((orphan as ZodError).issues.map((issue) => issue.path.join('.'))).toContain('personId');

    await expectAppError(logActivity(db(), call(999_999, '2026-05-04T09:00:00.000Z', 'никому'), env), 'NotFound');
    const trashed = await createPerson(db(), { lastName: 'Удалёнов' }, env);
    await trashPeople(db(), [trashed.id], env);
    await expectAppError(logActivity(db(), call(trashed.id, '2026-05-04T09:00:00.000Z', 'в корзину'), env), 'NotFound');
  });

  it("holds a company's own activities and its live people's, newest first, each named once per page", async () => {
    const company = await createCompany(db(), { name: 'Сводка' }, env);
    const [anna, boris, gone] = [
      await createPerson(db(), { lastName: 'Аннина', firstName: 'Анна', companyId: company.id }, env),
      await createPerson(db(), { lastName: 'Борисов', firstName: 'Борис', companyId: company.id }, env),
      await createPerson(db(), { lastName: 'Ушедший', companyId: company.id }, env),
    ];
    const stranger = await createPerson(db(), { lastName: 'Чужой' }, env);
    await logActivity(db(), call(anna.id, '2026-07-01T10:00:00.000Z', 'Анна, первый'), env);
    await logActivity(
      db(),
      { kind: 'note', occurredAt: '2026-07-02T10:00:00.000Z', subject: 'компании', companyId: company.id },
      env,
    );
    await logActivity(db(), call(boris.id, '2026-07-03T10:00:00.000Z', 'Борис'), env);
    await logActivity(db(), call(anna.id, '2026-07-04T10:00:00.000Z', 'Анна, второй'), env);
    await logActivity(db(), call(gone.id, '2026-07-05T10:00:00.000Z', 'в корзине'), env);
    await logActivity(db(), call(stranger.id, '2026-07-06T10:00:00.000Z', 'чужое'), env);
    await trashPeople(db(), [gone.id], env);

    const first = await timeline(db(), { companyId: company.id }, 3, null);
    expect(first.activities.map((activity) => activity.subject)).toEqual(['Анна, второй', 'Борис', 'компании']);
    expect(first.people).toEqual(
      expect.arrayContaining([
        { id: anna.id, name: 'Аннина Анна' },
        { id: boris.id, name: 'Борисов Борис' },
      ]),
    );
    expect(first.people).toHaveLength(2);
    const second = await timeline(db(), { companyId: company.id }, 3, first.nextCursor);
    expect(second.activities.map((activity) => activity.subject)).toEqual(['Анна, первый']);
    expect(second.people).toEqual([{ id: anna.id, name: 'Аннина Анна' }]);
    expect(second.nextCursor).toBeNull();
    // A person's own timeline names nobody: every entry is theirs.
    expect((await timeline(db(), { personId: anna.id }, 10, null)).people).toEqual([]);
  });
});

describe('activities through the dispatcher', () => {
  const tempDir = useTempDir();
  let test: TestApp;
  beforeAll(() => {
    test = createTestApp(path.join(tempDir(), 'data'));
  });
  afterAll(async () => {
    await test.app.dispose();
  });

  it('reports an activity without a person or company as InvalidInput, before needing a database', async () => {
    const error = await invokeFailing(
      test.app,
      'activities:log',
      { kind: 'note', occurredAt: '2026-05-04T09:00:00.000Z' },
      'InvalidInput',
    );
    expect(error.message).toContain('personId');
    // The same call with a person gets past validation and only then needs an open database.
    await invokeFailing(
      test.app,
      'activities:log',
      { kind: 'note', occurredAt: '2026-05-04T09:00:00.000Z', personId: 1 },
      'DatabaseNotOpen',
    );
    expect(test.loggedErrors).toEqual([]);
  });
});
