import { beforeAll, describe, expect, it } from 'vitest';
import type { CustomFieldValues } from '../../shared/domain/custom-fields';
import type { FilterCondition, ListFilter, ListPageQuery } from '../../shared/domain/list-query';
import type { Person, PersonInput } from '../../shared/domain/people';
import { personListFields, type PersonListRow } from '../../shared/domain/people-list';
import { foldText, sortKey } from '../../shared/text/fold';
import { createCompany, trashCompanies } from '../../main/services/companies-service';
import { createCustomField } from '../../main/services/custom-fields-service';
import { countPeople, listPeoplePage } from '../../main/services/lists/people-list-service';

const RU = { defaultCountry: 'RU' };
import { createPerson, getPerson, trashPeople, updatePerson } from '../../main/services/people-service';
import { createUser } from '../../main/services/users-service';
import { testEnv } from '../support/open-test-database';
import { expectAppError, useSharedTestDatabase } from '../support/shared-test-database';
import { useSharedTestApp } from '../support/shared-test-app';
import { invoke, invokeFailing } from '../support/test-app';

/** What the list should know about one person, kept in JS to compute every expected answer. */
type Model = {
  id: number;
  index: number;
  displayName: string;
  nameKey: string;
  companyId: number | null;
  companyName: string | null;
  position: string | null;
  city: string | null;
  source: string | null;
  ownerId: number | null;
  ownerName: string | null;
  birthday: string | null;
  createdAt: string;
  updatedAt: string;
  phones: string[];
  emails: string[];
  tags: string[];
  custom: CustomFieldValues;
  /** Every word the search index holds for the person, folded. */
  words: string[];
  trashed: boolean;
  person: Person;
};

const LAST_NAMES = ['Соловьёв', 'Иванов', 'Петрова', 'Кузнецов', 'Смирнова', 'Ёлкин', 'Абрамов', 'Яковлева', 'Щукин'];
const FIRST_NAMES = ['Пётр', 'Анна', 'Иван', 'Мария', 'Олег'];
const CITIES = ['Москва', 'Санкт-Петербург', 'Казань', 'Орёл', 'Подмосковье', null, 'москва'];
const POSITIONS = ['Директор', 'Менеджер', 'Главный бухгалтер', 'Бухгалтер', null, '50% ставки'];
const SOURCES = ['Сайт', 'Выставка', 'Рекомендация', null];
const MOBILE_CODES = ['916', '903', '925', '985', '912'];
const TRASHED = new Set([7, 21, 33]);
const PEOPLE = 40;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const byId = (a: number, b: number) => a - b;
const sorted = (ids: number[]) => [...ids].sort(byId);

/** The input of person number `i`: every column varies on its own cycle, so filters cut different sets. */
function personInput(i: number, companies: number[], owners: number[]): PersonInput {
  const tags: string[] = [];
  if (i % 3 === 0) tags.push('VIP');
  if (i % 4 === 1) tags.push('Опт');
  if (i % 6 === 2) tags.push('Розница');
  if (i % 7 === 3) tags.push('ёлка');
  const custom: CustomFieldValues = {};
  if (i % 4 === 0) custom['kommentariy'] = 'Звонить утром';
  if (i % 4 === 1) custom['kommentariy'] = 'Ёмкий клиент';
  if (i % 5 !== 0) custom['byudzhet'] = i * 1000;
  if (i % 3 === 1) custom['data_dogovora'] = `2025-${pad((i % 12) + 1)}-15`;
  const segment = ['A', 'B', 'C', null][(i >> 1) % 4]!;
  if (segment !== null) custom['segment'] = segment;
  if (i % 6 === 0) custom['interesy'] = ['Окна', 'Крыши'];
  if (i % 6 === 3) custom['interesy'] = ['Двери'];
  if (i % 3 === 0) custom['podpisan'] = true;
  if (i % 3 === 1) custom['podpisan'] = false;

  const phones =
    i % 4 === 3
      ? []
      : [{ value: `8 ${MOBILE_CODES[i % 5]} ${100 + i}-${pad(i)}-${pad((i * 3) % 100)}`, label: 'mobile' as const }];
  if (i === 0) phones.splice(0, 1, { value: '8 916 123-45-67', label: 'mobile' });
  if (i % 10 === 5) phones.push({ value: '+44 20 7946 0958', label: 'mobile' });

  const names: Pick<PersonInput, 'firstName' | 'lastName' | 'displayName'> =
    i === 36
      ? { firstName: 'John', lastName: 'Smith' }
      : i === 37
        ? { displayName: '«Дядя» Ваня' }
        : i === 38
          ? { firstName: 'alice', lastName: 'Cooper' }
          : { lastName: LAST_NAMES[i % LAST_NAMES.length]!, firstName: FIRST_NAMES[(i * 3 + (i >> 3)) % 5]! };
  const city = CITIES[i % CITIES.length]!;
  return {
    ...names,
    companyId: [...companies, null][i % (companies.length + 1)] ?? null,
    ownerId: [...owners, null][i % (owners.length + 1)] ?? null,
    position: POSITIONS[i % POSITIONS.length],
    source: SOURCES[i % SOURCES.length],
    birthday: i % 5 === 4 ? null : `19${60 + ((i * 7) % 40)}-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`,
    phones,
    emails: i % 3 === 2 ? [] : [{ value: i % 2 === 0 ? `P${i}.Person@Romashka.RU` : `person${i}@example.com` }],
    addresses: city === null ? [] : [{ label: 'work', city }],
    tags,
    customFields: custom,
  };
}

function wordsOf(...texts: Array<string | null | undefined>): string[] {
  return texts.flatMap((text) => foldText(text ?? '').split(/[^\p{L}\p{N}]+/u)).filter((word) => word !== '');
}

function toModel(index: number, person: Person, input: PersonInput, companyNames: Map<number, string>): Model {
  const companyId = input.companyId ?? null;
  const companyName = companyId === null ? null : companyNames.get(companyId)!;
  const city = person.addresses.find((address) => address.city)?.city ?? null;
  return {
    id: person.id,
    index,
    displayName: person.displayName,
    nameKey: sortKey(person.displayName),
    companyId,
    companyName,
    position: person.position,
    city,
    source: person.source,
    ownerId: person.owner?.id ?? null,
    ownerName: person.owner?.name ?? null,
    birthday: person.birthday,
    createdAt: person.createdAt,
    updatedAt: person.updatedAt,
    phones: person.phones.map((phone) => phone.value),
    emails: person.emails.map((email) => email.value),
    tags: person.tags,
    custom: person.customFields,
    words: wordsOf(
      person.displayName,
      person.lastName,
      person.firstName,
      person.middleName,
      companyName,
      person.position,
      city,
      ...person.emails.map((email) => email.value),
      ...person.tags,
    ),
    trashed: person.deletedAt !== null,
    person,
  };
}

type Key = string | number | null;

const firstOf = (keys: string[]): string | null => (keys.length === 0 ? null : [...keys].sort()[0]!);

/** A custom value as the list sorts it: numbers and check boxes as numbers, a multi-select by its first option. */
function customKey(value: CustomFieldValues[string] | undefined): Key {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return Array.isArray(value) ? firstOf(value) : value;
}

/** SQLite's order: NULL first ascending (last descending), BINARY text order, ties by id in the same direction. */
function expectedOrder(models: Model[], key: (model: Model) => Key, direction: 'asc' | 'desc'): number[] {
  return [...models]
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      let order = ka === kb ? 0 : ka === null ? -1 : kb === null ? 1 : ka < kb ? -1 : 1;
      if (order === 0) order = a.id - b.id;
      return direction === 'asc' ? order : -order;
    })
    .map((model) => model.id);
}

describe('people list: filters, sorting and paging', () => {
  const shared = useSharedTestApp();
  const env = testEnv();
  const db = () => shared().db;
  let models: Model[] = [];
  const live = () => models.filter((model) => !model.trashed);
  const owners: Array<{ id: number; name: string }> = [];
  const companies: Array<{ id: number; name: string }> = [];
  const cutoff = { createdAt: '', updatedAt: '' };

  beforeAll(async () => {
    for (const name of ['Вера Кузнецова', 'Анна Смирнова', 'Борис Петров']) {
      const user = await createUser(db(), { displayName: name, email: null }, env);
      owners.push({ id: user.id, name });
    }
    for (const name of ['ООО «Ромашка»', 'АО Вектор', '«Альфа» Групп', 'Бета']) {
      const company = await createCompany(db(), { name }, env);
      companies.push({ id: company.id, name: company.name });
    }
    await createCustomField(db(), { entity: 'person', label: 'Комментарий', type: 'text' }, env);
    await createCustomField(db(), { entity: 'person', label: 'Бюджет', type: 'number' }, env);
    await createCustomField(db(), { entity: 'person', label: 'Дата договора', type: 'date' }, env);
    await createCustomField(
      db(),
      { entity: 'person', label: 'Сегмент', type: 'select', options: ['A', 'B', 'C'] },
      env,
    );
    await createCustomField(
      db(),
      { entity: 'person', label: 'Интересы', type: 'multiselect', options: ['Окна', 'Двери', 'Крыши'] },
      env,
    );
    await createCustomField(db(), { entity: 'person', label: 'Подписан', type: 'checkbox' }, env);

    const inputs: PersonInput[] = [];
    const created: Person[] = [];
    for (let i = 0; i < PEOPLE; i += 1) {
      const input = personInput(
        i,
        companies.map((company) => company.id),
        owners.map((owner) => owner.id),
      );
      inputs.push(input);
      created.push(await createPerson(db(), input, env));
    }
    cutoff.createdAt = created[20]!.createdAt;
    // Some people are edited later, so "updated" differs from "created" in order.
    for (let i = 0; i < PEOPLE; i += 5) {
      await updatePerson(db(), created[i]!.id, created[i]!.version, inputs[i]!, env);
    }
    await trashPeople(
      db(),
      [...TRASHED].map((i) => created[i]!.id),
      env,
    );
    const companyNames = new Map(companies.map((company) => [company.id, company.name]));
    models = [];
    for (let i = 0; i < PEOPLE; i += 1) {
      models.push(toModel(i, await getPerson(db(), created[i]!.id), inputs[i]!, companyNames));
    }
    const updatedTimes = models.map((model) => model.updatedAt).sort();
    cutoff.updatedAt = updatedTimes[Math.floor(updatedTimes.length / 2)]!;
  });

  async function listAll(query: ListPageQuery = {}): Promise<PersonListRow[]> {
    return listPeoplePage(db(), { limit: 500, ...query }, RU);
  }

  /** The filter must select exactly the live people `predicate` picks, in the list and in the count. */
  async function expectFilter(conditions: FilterCondition[], predicate: (model: Model) => boolean, text = '') {
    const expected = sorted(
      live()
        .filter(predicate)
        .map((model) => model.id),
    );
    const rows = await listAll({ filter: { conditions, text } });
    expect(sorted(rows.map((row) => row.id))).toEqual(expected);
    expect(await countPeople(db(), { conditions, text }, RU)).toBe(expected.length);
    return expected;
  }

  it('has the data the cases below rely on', () => {
    expect(models).toHaveLength(PEOPLE);
    expect(live()).toHaveLength(PEOPLE - TRASHED.size);
    expect(models.every((model) => model.person.phones.every((phone) => phone.valid))).toBe(true);
  });

  type Case = [label: string, conditions: () => FilterCondition[], predicate: (model: Model) => boolean];
  const owner = (n: number) => owners[n]!.id;
  const company = (n: number) => companies[n]!.id;
  const custom = (model: Model, key: string) => model.custom[key];
  const hasTag = (model: Model, name: string) => model.tags.some((tag) => foldText(tag) === foldText(name));

  const cases: Case[] = [
    // name: startsWith, contains, is (all on the folded sort key)
    [
      'name startsWith',
      () => [{ field: 'name', operator: 'startsWith', value: 'СОЛОВЬЁВ' }],
      (m) => m.nameKey.startsWith('соловьев'),
    ],
    ['name contains', () => [{ field: 'name', operator: 'contains', value: 'ван' }], (m) => m.nameKey.includes('ван')],
    [
      'name contains a quoted name',
      () => [{ field: 'name', operator: 'contains', value: 'дядя' }],
      (m) => m.index === 37,
    ],
    ['name is', () => [{ field: 'name', operator: 'is', value: 'john smith' }], (m) => m.index === 36],
    // company and owner: references
    ['company is', () => [{ field: 'company', operator: 'is', value: company(0) }], (m) => m.companyId === company(0)],
    [
      'company is any of',
      () => [{ field: 'company', operator: 'is', value: [company(1), company(2)] }],
      (m) => m.companyId === company(1) || m.companyId === company(2),
    ],
    [
      'company isNot',
      () => [{ field: 'company', operator: 'isNot', value: [company(0)] }],
      (m) => m.companyId !== company(0),
    ],
    ['company isEmpty', () => [{ field: 'company', operator: 'isEmpty' }], (m) => m.companyId === null],
    ['company isNotEmpty', () => [{ field: 'company', operator: 'isNotEmpty' }], (m) => m.companyId !== null],
    ['owner is', () => [{ field: 'owner', operator: 'is', value: owner(1) }], (m) => m.ownerId === owner(1)],
    [
      'owner isNot',
      () => [{ field: 'owner', operator: 'isNot', value: [owner(0), owner(2)] }],
      (m) => m.ownerId !== owner(0) && m.ownerId !== owner(2),
    ],
    ['owner isEmpty', () => [{ field: 'owner', operator: 'isEmpty' }], (m) => m.ownerId === null],
    ['owner isNotEmpty', () => [{ field: 'owner', operator: 'isNotEmpty' }], (m) => m.ownerId !== null],
    // position, city, source: plain text columns
    [
      'position is (case folded, not a part of «Главный бухгалтер»)',
      () => [{ field: 'position', operator: 'is', value: 'БУХГАЛТЕР' }],
      (m) => m.position === 'Бухгалтер',
    ],
    [
      'position isNot',
      () => [{ field: 'position', operator: 'isNot', value: ['директор', 'Менеджер'] }],
      (m) => m.position !== 'Директор' && m.position !== 'Менеджер',
    ],
    [
      'position contains (folded)',
      () => [{ field: 'position', operator: 'contains', value: 'БУХГАЛТ' }],
      (m) => foldText(m.position ?? '').includes('бухгалт'),
    ],
    [
      'position contains a literal %',
      () => [{ field: 'position', operator: 'contains', value: '50%' }],
      (m) => m.position === '50% ставки',
    ],
    [
      'position startsWith',
      () => [{ field: 'position', operator: 'startsWith', value: 'бух' }],
      (m) => m.position === 'Бухгалтер',
    ],
    ['position isEmpty', () => [{ field: 'position', operator: 'isEmpty' }], (m) => m.position === null],
    ['position isNotEmpty', () => [{ field: 'position', operator: 'isNotEmpty' }], (m) => m.position !== null],
    [
      'city is (every spelling that folds alike, not Подмосковье)',
      () => [{ field: 'city', operator: 'is', value: 'МОСКВА' }],
      (m) => m.city === 'Москва' || m.city === 'москва',
    ],
    ['city is орел for Орёл', () => [{ field: 'city', operator: 'is', value: 'орел' }], (m) => m.city === 'Орёл'],
    [
      'city is any of, with a one-letter and an empty value',
      () => [{ field: 'city', operator: 'is', value: ['санкт-петербург', 'К', '', 'казань '] }],
      (m) => m.city === 'Санкт-Петербург' || m.city === 'Казань',
    ],
    ['city isNot', () => [{ field: 'city', operator: 'isNot', value: 'казань' }], (m) => m.city !== 'Казань'],
    [
      'city isNot folds too',
      () => [{ field: 'city', operator: 'isNot', value: 'Москва' }],
      (m) => m.city !== 'Москва' && m.city !== 'москва',
    ],
    [
      'city contains (case and ё folded)',
      () => [{ field: 'city', operator: 'contains', value: 'моск' }],
      (m) => foldText(m.city ?? '').includes('моск'),
    ],
    [
      'city contains орел for Орёл',
      () => [{ field: 'city', operator: 'contains', value: 'орел' }],
      (m) => m.city === 'Орёл',
    ],
    [
      'city startsWith',
      () => [{ field: 'city', operator: 'startsWith', value: 'МОСК' }],
      (m) => foldText(m.city ?? '').startsWith('моск'),
    ],
    ['city isEmpty', () => [{ field: 'city', operator: 'isEmpty' }], (m) => m.city === null],
    ['city isNotEmpty', () => [{ field: 'city', operator: 'isNotEmpty' }], (m) => m.city !== null],
    [
      'source is any of',
      () => [{ field: 'source', operator: 'is', value: ['сайт', 'Выставка'] }],
      (m) => m.source === 'Сайт' || m.source === 'Выставка',
    ],
    ['source isNot', () => [{ field: 'source', operator: 'isNot', value: 'Сайт' }], (m) => m.source !== 'Сайт'],
    [
      'source contains',
      () => [{ field: 'source', operator: 'contains', value: 'комен' }],
      (m) => m.source === 'Рекомендация',
    ],
    [
      'source startsWith',
      () => [{ field: 'source', operator: 'startsWith', value: 'вы' }],
      (m) => m.source === 'Выставка',
    ],
    ['source isEmpty', () => [{ field: 'source', operator: 'isEmpty' }], (m) => m.source === null],
    ['source isNotEmpty', () => [{ field: 'source', operator: 'isNotEmpty' }], (m) => m.source !== null],
    // tags
    [
      'tags hasAny (folded)',
      () => [{ field: 'tags', operator: 'hasAny', value: ['vip', 'ЁЛКА'] }],
      (m) => hasTag(m, 'VIP') || hasTag(m, 'ёлка'),
    ],
    ['tags is', () => [{ field: 'tags', operator: 'is', value: 'Опт' }], (m) => hasTag(m, 'Опт')],
    [
      'tags hasNone',
      () => [{ field: 'tags', operator: 'hasNone', value: ['VIP', 'Опт'] }],
      (m) => !hasTag(m, 'VIP') && !hasTag(m, 'Опт'),
    ],
    ['tags isNot', () => [{ field: 'tags', operator: 'isNot', value: 'Розница' }], (m) => !hasTag(m, 'Розница')],
    ['tags isEmpty', () => [{ field: 'tags', operator: 'isEmpty' }], (m) => m.tags.length === 0],
    ['tags isNotEmpty', () => [{ field: 'tags', operator: 'isNotEmpty' }], (m) => m.tags.length > 0],
    // email and phone
    [
      'email contains (folded)',
      () => [{ field: 'email', operator: 'contains', value: 'ROMASHKA' }],
      (m) => m.emails.some((e) => e.includes('romashka')),
    ],
    ['email isEmpty', () => [{ field: 'email', operator: 'isEmpty' }], (m) => m.emails.length === 0],
    ['email isNotEmpty', () => [{ field: 'email', operator: 'isNotEmpty' }], (m) => m.emails.length > 0],
    [
      'phone contains digits',
      () => [{ field: 'phone', operator: 'contains', value: '(916)' }],
      (m) => m.phones.some((p) => p.includes('916')),
    ],
    [
      'phone contains a foreign number',
      () => [{ field: 'phone', operator: 'contains', value: '+44 20' }],
      (m) => m.phones.some((p) => p.startsWith('+4420')),
    ],
    ['phone isEmpty', () => [{ field: 'phone', operator: 'isEmpty' }], (m) => m.phones.length === 0],
    ['phone isNotEmpty', () => [{ field: 'phone', operator: 'isNotEmpty' }], (m) => m.phones.length > 0],
    // dates
    [
      'birthday before',
      () => [{ field: 'birthday', operator: 'before', value: '1980-01-01' }],
      (m) => m.birthday !== null && m.birthday < '1980-01-01',
    ],
    [
      'birthday after',
      () => [{ field: 'birthday', operator: 'after', value: '1980-01-01' }],
      (m) => m.birthday !== null && m.birthday > '1980-01-01',
    ],
    ['birthday isEmpty', () => [{ field: 'birthday', operator: 'isEmpty' }], (m) => m.birthday === null],
    ['birthday isNotEmpty', () => [{ field: 'birthday', operator: 'isNotEmpty' }], (m) => m.birthday !== null],
    [
      'createdAt before',
      () => [{ field: 'createdAt', operator: 'before', value: cutoff.createdAt }],
      (m) => m.createdAt < cutoff.createdAt,
    ],
    [
      'createdAt after',
      () => [{ field: 'createdAt', operator: 'after', value: cutoff.createdAt }],
      (m) => m.createdAt > cutoff.createdAt,
    ],
    [
      'updatedAt before',
      () => [{ field: 'updatedAt', operator: 'before', value: cutoff.updatedAt }],
      (m) => m.updatedAt < cutoff.updatedAt,
    ],
    [
      'updatedAt after',
      () => [{ field: 'updatedAt', operator: 'after', value: cutoff.updatedAt }],
      (m) => m.updatedAt > cutoff.updatedAt,
    ],
    // custom fields, by type
    [
      'custom text is',
      () => [{ field: 'custom.kommentariy', operator: 'is', value: 'Звонить утром' }],
      (m) => custom(m, 'kommentariy') === 'Звонить утром',
    ],
    [
      'custom text isNot',
      () => [{ field: 'custom.kommentariy', operator: 'isNot', value: 'Звонить утром' }],
      (m) => custom(m, 'kommentariy') !== 'Звонить утром',
    ],
    [
      'custom text is, case and ё folded',
      () => [{ field: 'custom.kommentariy', operator: 'is', value: 'емкий КЛИЕНТ' }],
      (m) => custom(m, 'kommentariy') === 'Ёмкий клиент',
    ],
    [
      'custom text isNot, case and ё folded',
      () => [{ field: 'custom.kommentariy', operator: 'isNot', value: 'звонить утром' }],
      (m) => custom(m, 'kommentariy') !== 'Звонить утром',
    ],
    [
      'custom text contains (folded)',
      () => [{ field: 'custom.kommentariy', operator: 'contains', value: 'емкий' }],
      (m) => custom(m, 'kommentariy') === 'Ёмкий клиент',
    ],
    [
      'custom text isEmpty',
      () => [{ field: 'custom.kommentariy', operator: 'isEmpty' }],
      (m) => custom(m, 'kommentariy') === undefined,
    ],
    [
      'custom text isNotEmpty',
      () => [{ field: 'custom.kommentariy', operator: 'isNotEmpty' }],
      (m) => custom(m, 'kommentariy') !== undefined,
    ],
    [
      'custom number is',
      () => [{ field: 'custom.byudzhet', operator: 'is', value: 12000 }],
      (m) => custom(m, 'byudzhet') === 12000,
    ],
    [
      'custom number isNot',
      () => [{ field: 'custom.byudzhet', operator: 'isNot', value: [1000, 2000] }],
      (m) => custom(m, 'byudzhet') !== 1000 && custom(m, 'byudzhet') !== 2000,
    ],
    [
      'custom number greaterThan',
      () => [{ field: 'custom.byudzhet', operator: 'greaterThan', value: 20000 }],
      (m) => (custom(m, 'byudzhet') as number | undefined) !== undefined && (custom(m, 'byudzhet') as number) > 20000,
    ],
    [
      'custom number lessThan',
      () => [{ field: 'custom.byudzhet', operator: 'lessThan', value: 20000 }],
      (m) => (custom(m, 'byudzhet') as number | undefined) !== undefined && (custom(m, 'byudzhet') as number) < 20000,
    ],
    [
      'custom number isEmpty',
      () => [{ field: 'custom.byudzhet', operator: 'isEmpty' }],
      (m) => custom(m, 'byudzhet') === undefined,
    ],
    [
      'custom date before',
      () => [{ field: 'custom.data_dogovora', operator: 'before', value: '2025-06-01' }],
      (m) => typeof custom(m, 'data_dogovora') === 'string' && (custom(m, 'data_dogovora') as string) < '2025-06-01',
    ],
    [
      'custom date after',
      () => [{ field: 'custom.data_dogovora', operator: 'after', value: '2025-06-01' }],
      (m) => typeof custom(m, 'data_dogovora') === 'string' && (custom(m, 'data_dogovora') as string) > '2025-06-01',
    ],
    [
      'custom date is',
      () => [{ field: 'custom.data_dogovora', operator: 'is', value: '2025-05-15' }],
      (m) => custom(m, 'data_dogovora') === '2025-05-15',
    ],
    [
      'custom date isNotEmpty',
      () => [{ field: 'custom.data_dogovora', operator: 'isNotEmpty' }],
      (m) => custom(m, 'data_dogovora') !== undefined,
    ],
    [
      'custom select is',
      () => [{ field: 'custom.segment', operator: 'is', value: 'B' }],
      (m) => custom(m, 'segment') === 'B',
    ],
    [
      'custom select hasAny',
      () => [{ field: 'custom.segment', operator: 'hasAny', value: ['A', 'C'] }],
      (m) => custom(m, 'segment') === 'A' || custom(m, 'segment') === 'C',
    ],
    [
      'custom select isNot',
      () => [{ field: 'custom.segment', operator: 'isNot', value: 'A' }],
      (m) => custom(m, 'segment') !== 'A',
    ],
    [
      'custom select hasNone',
      () => [{ field: 'custom.segment', operator: 'hasNone', value: ['A', 'B'] }],
      (m) => custom(m, 'segment') !== 'A' && custom(m, 'segment') !== 'B',
    ],
    [
      'custom multiselect hasAny',
      () => [{ field: 'custom.interesy', operator: 'hasAny', value: ['Крыши', 'Двери'] }],
      (m) => Array.isArray(custom(m, 'interesy')),
    ],
    [
      'custom multiselect is',
      () => [{ field: 'custom.interesy', operator: 'is', value: 'Окна' }],
      (m) => ((custom(m, 'interesy') ?? []) as string[]).includes('Окна'),
    ],
    [
      'custom multiselect hasNone',
      () => [{ field: 'custom.interesy', operator: 'hasNone', value: ['Окна'] }],
      (m) => !((custom(m, 'interesy') ?? []) as string[]).includes('Окна'),
    ],
    [
      'custom multiselect isEmpty',
      () => [{ field: 'custom.interesy', operator: 'isEmpty' }],
      (m) => custom(m, 'interesy') === undefined,
    ],
    [
      'custom checkbox is true',
      () => [{ field: 'custom.podpisan', operator: 'is', value: true }],
      (m) => custom(m, 'podpisan') === true,
    ],
    [
      'custom checkbox is false',
      () => [{ field: 'custom.podpisan', operator: 'is', value: false }],
      // Not ticked: unticked, or never ticked (no value stored).
      (m) => custom(m, 'podpisan') !== true,
    ],
    [
      'custom checkbox isNot true',
      () => [{ field: 'custom.podpisan', operator: 'isNot', value: true }],
      (m) => custom(m, 'podpisan') !== true,
    ],
    [
      'custom checkbox isNot false',
      () => [{ field: 'custom.podpisan', operator: 'isNot', value: false }],
      // Ticked only: a box never ticked counts as not ticked, as for "is false".
      (m) => custom(m, 'podpisan') === true,
    ],
    [
      'custom checkbox isEmpty',
      () => [{ field: 'custom.podpisan', operator: 'isEmpty' }],
      (m) => custom(m, 'podpisan') === undefined,
    ],
    // AND of conditions
    [
      'city and tags together',
      () => [
        { field: 'city', operator: 'contains', value: 'моск' },
        { field: 'tags', operator: 'hasAny', value: ['VIP'] },
      ],
      (m) => foldText(m.city ?? '').includes('моск') && hasTag(m, 'VIP'),
    ],
    [
      'owner and custom number together',
      () => [
        { field: 'owner', operator: 'isNotEmpty' },
        { field: 'custom.byudzhet', operator: 'greaterThan', value: 10000 },
      ],
      (m) => m.ownerId !== null && ((custom(m, 'byudzhet') as number | undefined) ?? 0) > 10000,
    ],
  ];

  it.each(cases)('filters by %s', async (_, conditions, predicate) => {
    const expected = await expectFilter(conditions(), predicate);
    // Each case must really cut: some people in, some out.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(live().length);
  });

  it('covers every field of the catalog in the cases above', () => {
    const covered = new Set(cases.flatMap(([label]) => label.split(' ')[0]));
    for (const field of personListFields) expect(covered, field).toContain(field);
  });

  it('createdAt and updatedAt are never empty', async () => {
    await expectFilter([{ field: 'createdAt', operator: 'isEmpty' }], () => false);
    await expectFilter([{ field: 'updatedAt', operator: 'isNotEmpty' }], () => true);
  });

  it.each([
    ['соловьёв', 'a name, with ё'],
    ['ромаш', 'a company prefix'],
    ['vip', 'a tag'],
    ['орел', 'a city'],
    ['петр моск', 'two words, both required'],
    ['example', 'an e-mail domain'],
    ['главн', 'a position'],
    ['zzzz', 'nothing'],
  ])('narrows by the text %s (%s)', async (text) => {
    const words = wordsOf(text);
    await expectFilter([], (m) => words.every((word) => m.words.some((token) => token.startsWith(word))), text);
  });

  it('combines the text with conditions', async () => {
    const expected = await expectFilter(
      [{ field: 'tags', operator: 'isNotEmpty' }],
      (m) => m.words.some((token) => token.startsWith('иван')) && m.tags.length > 0,
      'иван',
    );
    expect(expected.length).toBeGreaterThan(0);
  });

  it('shows the trash instead of the live people', async () => {
    const trashed = sorted(models.filter((model) => model.trashed).map((model) => model.id));
    const rows = await listAll({ filter: { trash: true } });
    expect(sorted(rows.map((row) => row.id))).toEqual(trashed);
    expect(rows.every((row) => row.deletedAt !== null)).toBe(true);
    expect(await countPeople(db(), { trash: true }, RU)).toBe(TRASHED.size);

    const liveRows = await listAll({ filter: { trash: false } });
    expect(sorted(liveRows.map((row) => row.id))).toEqual(sorted(live().map((model) => model.id)));
    expect(liveRows.every((row) => row.deletedAt === null)).toBe(true);
    // Conditions apply in the trash too.
    const inTrash = models.filter((model) => model.trashed && model.companyId !== null).map((model) => model.id);
    const filtered = await listAll({
      filter: { trash: true, conditions: [{ field: 'company', operator: 'isNotEmpty' }] },
    });
    expect(sorted(filtered.map((row) => row.id))).toEqual(sorted(inTrash));
    // "Is" folds case in the trash too, where the index of live spellings doesn't reach.
    const trashedInMoscow = models.filter((model) => model.trashed && foldText(model.city ?? '') === 'москва');
    expect(trashedInMoscow.length).toBeGreaterThan(0);
    const moscow = await listAll({
      filter: { trash: true, conditions: [{ field: 'city', operator: 'is', value: 'МОСКВА' }] },
    });
    expect(sorted(moscow.map((row) => row.id))).toEqual(sorted(trashedInMoscow.map((model) => model.id)));
  });

  it('finds people in the trash by text', async () => {
    const target = models.find((model) => model.trashed)!;
    const rows = await listAll({ filter: { trash: true, text: target.displayName } });
    expect(rows.map((row) => row.id)).toContain(target.id);
    expect(await countPeople(db(), { trash: true, text: target.displayName }, RU)).toBeGreaterThan(0);
  });

  it('finds a phone typed the Russian national way (8 …)', async () => {
    // The list shows "+7 916 123-45-67"; people type their numbers as "8 916 123-45-67", and search finds them so.
    const soloviev = models.find((model) => model.index === 0)!;
    const rows = await listAll({
      filter: { conditions: [{ field: 'phone', operator: 'contains', value: '8 916 123-45-67' }] },
    });
    expect(rows.map((row) => row.id)).toEqual([soloviev.id]);
  });

  const sortKeys: Record<string, (model: Model) => Key> = {
    name: (m) => m.nameKey,
    city: (m) => m.city,
    position: (m) => m.position,
    source: (m) => m.source,
    birthday: (m) => m.birthday,
    createdAt: (m) => m.createdAt,
    updatedAt: (m) => m.updatedAt,
    company: (m) => (m.companyName === null ? null : sortKey(m.companyName)),
    owner: (m) => m.ownerName,
    // Read from the side tables: the first phone and e-mail (as the columns show), the first tag
    // in folded alphabetical order, a custom field's value (a multi-select's first option).
    phone: (m) => m.phones[0] ?? null,
    email: (m) => m.emails[0] ?? null,
    tags: (m) => firstOf(m.tags.map(foldText)),
    'custom.kommentariy': (m) => customKey(m.custom['kommentariy']),
    'custom.byudzhet': (m) => customKey(m.custom['byudzhet']),
    'custom.data_dogovora': (m) => customKey(m.custom['data_dogovora']),
    'custom.segment': (m) => customKey(m.custom['segment']),
    'custom.interesy': (m) => customKey(m.custom['interesy']),
    'custom.podpisan': (m) => customKey(m.custom['podpisan']),
  };
  const sortCases = Object.keys(sortKeys).flatMap((field) => [[field, 'asc'] as const, [field, 'desc'] as const]);

  it.each(sortCases)('sorts by %s %s', async (field, direction) => {
    const rows = await listAll({ sort: { field, direction } });
    expect(rows.map((row) => row.id)).toEqual(expectedOrder(live(), sortKeys[field]!, direction));
  });

  it('sorts names by their folded key: ё with е, quotes ignored, case ignored', async () => {
    const rows = await listAll({ sort: { field: 'name', direction: 'asc' } });
    const keys = rows.map((row) => sortKey(row.displayName));
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const names = rows.map((row) => row.displayName);
    // «Дядя» Ваня sorts under Д, alice Cooper among the Latin a's, Ёлкин with Е.
    const index = (name: string) => names.findIndex((entry) => entry.startsWith(name));
    expect(index('«Дядя»')).toBeGreaterThan(index('Абрамов'));
    expect(index('«Дядя»')).toBeLessThan(index('Ёлкин'));
    expect(index('alice')).toBeLessThan(index('John'));
    expect(index('Ёлкин')).toBeGreaterThan(index('«Дядя»'));
    expect(index('Ёлкин')).toBeLessThan(index('Иванов'));
  });

  it.each([
    ['name', 'asc', 7],
    ['city', 'desc', 6],
    ['owner', 'asc', 5],
  ] as const)('pages by %s %s, %i at a time, covering every row exactly once', async (field, direction, limit) => {
    const all = (await listAll({ sort: { field, direction } })).map((row) => row.id);
    const paged: number[] = [];
    for (let offset = 0; offset < all.length + limit; offset += limit) {
      const page = await listPeoplePage(db(), { sort: { field, direction }, offset, limit }, RU);
      expect(page.length).toBeLessThanOrEqual(limit);
      paged.push(...page.map((row) => row.id));
      if (page.length < limit) break;
    }
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(live().length);
    expect(await countPeople(db(), {}, RU)).toBe(all.length);
  });

  it('uses the defaults: live people by name, 50 at a time', async () => {
    const rows = await listPeoplePage(db(), {}, RU);
    expect(rows.map((row) => row.id)).toEqual(expectedOrder(live(), sortKeys['name']!, 'asc').slice(0, 50));
    expect(await listPeoplePage(db(), { offset: 1000 }, RU)).toEqual([]);
  });

  it('fills a row with what the columns show', async () => {
    const model = models.find((entry) => entry.index === 0)!;
    const [row] = await listAll({
      filter: { conditions: [{ field: 'name', operator: 'is', value: model.displayName }] },
    });
    expect(row).toEqual({
      id: model.id,
      displayName: model.displayName,
      company: { id: model.companyId, name: model.companyName },
      position: model.position,
      city: model.city,
      source: model.source,
      owner: { id: model.ownerId, name: model.ownerName },
      phone: '+7 916 123-45-67',
      email: 'p0.person@romashka.ru',
      tags: ['VIP'],
      customFields: model.custom,
      createdAt: model.createdAt,
      updatedAt: model.updatedAt,
      deletedAt: null,
    });
    // Two phones: the first one shows.
    const twoPhones = models.find((entry) => entry.index === 5)!;
    const [other] = await listAll({
      filter: { conditions: [{ field: 'name', operator: 'is', value: twoPhones.displayName }] },
    });
    expect(other?.phone).toBe(twoPhones.person.phones[0]!.display);
  });

  it.each([
    ['an unknown field', { field: 'nickname', operator: 'is', value: 'x' }],
    ['an unknown custom field', { field: 'custom.nope', operator: 'is', value: 'x' }],
    ['name with isEmpty', { field: 'name', operator: 'isEmpty' }],
    ['city with greaterThan', { field: 'city', operator: 'greaterThan', value: 'A' }],
    ['company with contains', { field: 'company', operator: 'contains', value: 'Ром' }],
    ['tags with contains', { field: 'tags', operator: 'contains', value: 'V' }],
    ['email with is', { field: 'email', operator: 'is', value: 'a@b.c' }],
    ['phone with startsWith', { field: 'phone', operator: 'startsWith', value: '7' }],
    ['birthday with is', { field: 'birthday', operator: 'is', value: '1980-01-01' }],
    ['a custom field with startsWith', { field: 'custom.byudzhet', operator: 'startsWith', value: '1' }],
  ] as Array<[string, FilterCondition]>)('refuses %s with InvalidInput', async (_, condition) => {
    const filter: ListFilter = { conditions: [condition] };
    await expectAppError(listPeoplePage(db(), { filter }, RU), 'InvalidInput');
    await expectAppError(countPeople(db(), filter, RU), 'InvalidInput');
  });

  it('refuses to sort by a field that has no order', async () => {
    await expectAppError(listPeoplePage(db(), { sort: { field: 'notes', direction: 'asc' } }, RU), 'InvalidInput');
    await expectAppError(
      listPeoplePage(db(), { sort: { field: 'custom.no_such_field', direction: 'asc' } }, RU),
      'InvalidInput',
    );
  });

  it('refuses a computed sort of more records than it may order, and never an indexed one', async () => {
    const tooMany = { sort: { field: 'phone', direction: 'asc' as const }, matchingHint: 50_001 };
    const refused = await expectAppError(listPeoplePage(db(), tooMany, RU), 'NotSupported');
    expect(refused.details).toEqual({ reason: 'sortTooBroad', limit: 50_000 });
    await expectAppError(
      listPeoplePage(db(), { sort: { field: 'custom.byudzhet', direction: 'desc' }, matchingHint: 200_001 }, RU),
      'NotSupported',
    );
    // At the limit, and for the sorts an index serves, however many match.
    expect(await listPeoplePage(db(), { ...tooMany, matchingHint: 50_000, limit: 3 }, RU)).toHaveLength(3);
    const byName = { sort: { field: 'name', direction: 'asc' as const }, matchingHint: 5_000_000, limit: 3 };
    expect(await listPeoplePage(db(), byName, RU)).toHaveLength(3);
  });

  it('sorts by a computed key on a filtered page too, and pages through it without gaps', async () => {
    const filter = { conditions: [{ field: 'tags', operator: 'hasAny' as const, value: ['VIP'] }] };
    const vip = live().filter((model) => model.tags.includes('VIP'));
    const all = (await listAll({ filter, sort: { field: 'custom.byudzhet', direction: 'desc' } })).map((row) => row.id);
    expect(all).toEqual(expectedOrder(vip, sortKeys['custom.byudzhet']!, 'desc'));
    const pages: number[] = [];
    for (let offset = 0; offset < all.length; offset += 7) {
      const page = await listPeoplePage(
        db(),
        { filter, sort: { field: 'phone', direction: 'asc' }, offset, limit: 7 },
        RU,
      );
      pages.push(...page.map((row) => row.id));
    }
    expect(pages).toEqual(expectedOrder(vip, sortKeys['phone']!, 'asc'));
  });

  it('answers through the dispatcher with the contract shapes', async () => {
    const { app, loggedErrors } = shared();
    const filter: ListFilter = { conditions: [{ field: 'tags', operator: 'hasAny', value: ['VIP'] }] };
    const expected = expectedOrder(
      live().filter((model) => hasTag(model, 'VIP')),
      sortKeys['city']!,
      'desc',
    );
    const page = await invoke(app, 'people:list', { filter, sort: { field: 'city', direction: 'desc' }, limit: 5 });
    expect(page.rows.map((row) => row.id)).toEqual(expected.slice(0, 5));
    const direct = await listPeoplePage(db(), { filter, sort: { field: 'city', direction: 'desc' }, limit: 5 }, RU);
    expect(page.rows).toEqual(direct);
    expect(await invoke(app, 'people:count', { filter })).toEqual({ count: expected.length });
    expect(await invoke(app, 'people:count', { filter: {} })).toEqual({ count: live().length });

    await invokeFailing(
      app,
      'people:list',
      { filter: { conditions: [{ field: 'nickname', operator: 'is' }] } },
      'InvalidInput',
    );
    await invokeFailing(
      app,
      'people:list',
      { filter: { conditions: [{ field: 'city', operator: 'like' }] } },
      'InvalidInput',
    );
    await invokeFailing(app, 'people:list', { limit: 501 }, 'InvalidInput');
    await invokeFailing(app, 'people:count', {}, 'InvalidInput');
    expect(loggedErrors).toEqual([]);
  });
});

describe('people list: people of a trashed company', () => {
  const database = useSharedTestDatabase();
  const env = testEnv();
  const db = () => database().db;
  const ids = { kept: 0, orphaned: 0, alone: 0 };

  beforeAll(async () => {
    const kept = await createCompany(db(), { name: 'Живая' }, env);
    const gone = await createCompany(db(), { name: 'Удалённая' }, env);
    ids.kept = (await createPerson(db(), { lastName: 'Остался', companyId: kept.id }, env)).id;
    ids.orphaned = (await createPerson(db(), { lastName: 'Осиротел', companyId: gone.id }, env)).id;
    ids.alone = (await createPerson(db(), { lastName: 'Один' }, env)).id;
    await trashCompanies(db(), [gone.id], env);
  });

  it('shows no company for them and sorts them with the people without one', async () => {
    const rows = await listPeoplePage(db(), { sort: { field: 'company', direction: 'asc' } }, RU);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ids.orphaned)?.company).toBeNull();
    expect(byId.get(ids.kept)?.company?.name).toBe('Живая');
    // NULLs first, ties by id.
    expect(rows.map((row) => row.id)).toEqual([ids.orphaned, ids.alone, ids.kept]);
  });

  it('counts them as without a company in the filter, as the list shows them', async () => {
    const empty = await listPeoplePage(
      db(),
      { filter: { conditions: [{ field: 'company', operator: 'isEmpty' }] } },
      RU,
    );
    expect(sorted(empty.map((row) => row.id))).toEqual(sorted([ids.orphaned, ids.alone]));
    const notEmpty = await countPeople(db(), { conditions: [{ field: 'company', operator: 'isNotEmpty' }] }, RU);
    expect(notEmpty).toBe(1);
  });
});
