/**
 * The import's bulk creates write what creating the same records one at a time writes: the row,
 * phones (normalised, validity, keys), e-mails, addresses, tag links, custom values and the search
 * document.
 */
import { describe, expect, it } from 'vitest';
import { CompanyInput } from '../../shared/domain/companies';
import type { CustomFieldEntity } from '../../shared/domain/custom-fields';
import { PersonInput } from '../../shared/domain/people';
import { listCustomFieldDefinitions } from '../../main/db/repositories/custom-fields';
import { createCompaniesBatch, createPeopleBatch } from '../../main/services/bulk-create';
import { createCompany } from '../../main/services/companies-service';
import { createCustomField } from '../../main/services/custom-fields-service';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { createPerson } from '../../main/services/people-service';
import { testEnv } from '../support/open-test-database';
import { useSharedTestDatabase } from '../support/shared-test-database';

const tables = {
  person: { rows: 'people', owner: 'person_id', tags: 'person_tags', custom: 'person_custom_values' },
  company: { rows: 'companies', owner: 'company_id', tags: 'company_tags', custom: 'company_custom_values' },
} as const;

/** Everything stored for one record, without its id and timestamps. */
function stored(database: OpenDatabase, entity: CustomFieldEntity, id: number) {
  const { rows, owner, tags, custom } = tables[entity];
  const all = (sql: string) => database.connection.prepare(sql).all(id) as Array<Record<string, unknown>>;
  const [row] = all(`SELECT * FROM ${rows} WHERE id = ?`);
  const { id: _id, created_at: _created, updated_at: _updated, ...values } = row!;
  return {
    values,
    points: all(
      `SELECT kind, label, value, is_valid, position, search_key, reversed_key, person_id IS NULL AS company
         FROM contact_points WHERE ${owner} = ? ORDER BY position`,
    ),
    addresses: all(
      `SELECT label, country, region, city, street, postal_code, position
         FROM addresses WHERE ${owner} = ? ORDER BY position`,
    ),
    tags: all(`SELECT tag_id FROM ${tags} WHERE ${owner} = ? ORDER BY tag_id`),
    custom: all(
      `SELECT field_id, value_text, value_number FROM ${custom} WHERE ${owner} = ? ORDER BY field_id, value_text`,
    ),
    search: all(`SELECT name, details FROM ${rows}_search WHERE rowid = ?`),
  };
}

async function customFields(database: OpenDatabase, entity: CustomFieldEntity): Promise<Record<string, string>> {
  const env = testEnv();
  const field = async (label: string, type: 'text' | 'number' | 'date' | 'checkbox', options?: string[]) =>
    (await createCustomField(database.db, { entity, label, type, options }, env)).key;
  const list = async (label: string, type: 'select' | 'multiselect', options: string[]) =>
    (await createCustomField(database.db, { entity, label, type, options }, env)).key;
  return {
    comment: await field('Комментарий', 'text'),
    budget: await field('Бюджет', 'number'),
    since: await field('Клиент с', 'date'),
    agreed: await field('Согласен', 'checkbox'),
    region: await list('Регион', 'select', ['Север', 'Юг']),
    channels: await list('Каналы', 'multiselect', ['почта', 'звонок', 'встреча']),
  };
}

const relations = (keys: Record<string, string>) => ({
  phones: [
    { value: '8 916 123-45-67' },
    { value: '+7 495 111-22-33 доб. 45', label: 'work' as const },
    { value: '12-34', label: 'home' as const },
  ],
  emails: [{ value: 'Petr@Example.ru' }, { value: 'p.s@mail.ru', label: 'personal' as const }],
  addresses: [
    { city: 'Орёл', street: 'Ленина, 1' },
    { label: 'home' as const, country: 'Россия', city: 'Москва' },
  ],
  tags: ['VIP', 'vip', 'Партнёр', 'партнер'],
  customFields: {
    [keys['comment']!]: 'текст',
    [keys['budget']!]: 1500.5,
    [keys['since']!]: '2024-05-01',
    [keys['agreed']!]: true,
    [keys['region']!]: 'Юг',
    [keys['channels']!]: ['почта', 'встреча'],
  },
});

describe('bulk creates', () => {
  const database = useSharedTestDatabase();

  it('write the people that creating them one by one writes', async () => {
    const keys = await customFields(database(), 'person');
    const inputs: PersonInput[] = [
      { lastName: 'Соловьёв', firstName: 'Пётр', middleName: 'Ильич', position: 'Директор', ...relations(keys) },
      { firstName: 'John', lastName: 'Smith', phones: [{ value: '79031234567' }], tags: ['VIP'] },
      { displayName: 'Без связей', birthday: '1990-02-03', notes: 'заметка' },
    ];
    const env = testEnv();
    const single: number[] = [];
    for (const input of inputs) single.push((await createPerson(database().db, input, env)).id);
    const definitions = await listCustomFieldDefinitions(database().db, 'person');
    const batch = await database()
      .db.transaction()
      .execute((trx) =>
        createPeopleBatch(
          trx,
          inputs.map((input) => PersonInput.parse(input)),
          definitions,
          env,
        ),
      );
    expect(batch).toHaveLength(inputs.length);
    batch.forEach((id, index) => {
      expect(stored(database(), 'person', id)).toEqual(stored(database(), 'person', single[index]!));
    });
    expect(stored(database(), 'person', batch[0]!).points).toHaveLength(5);
  });

  it('write the companies that creating them one by one writes', async () => {
    const keys = await customFields(database(), 'company');
    const inputs: CompanyInput[] = [
      { name: 'ООО «Ёлка»', legalName: 'ООО «Ёлка-М»', industry: 'Торговля', ...relations(keys) },
      { name: 'Acme Ltd', website: 'acme.example', emails: [{ value: 'info@acme.example' }] },
    ];
    const env = testEnv();
    const single: number[] = [];
    for (const input of inputs) single.push((await createCompany(database().db, input, env)).id);
    const definitions = await listCustomFieldDefinitions(database().db, 'company');
    const batch = await database()
      .db.transaction()
      .execute((trx) =>
        createCompaniesBatch(
          trx,
          inputs.map((input) => CompanyInput.parse(input)),
          definitions,
          env,
        ),
      );
    batch.forEach((id, index) => {
      expect(stored(database(), 'company', id)).toEqual(stored(database(), 'company', single[index]!));
    });
    expect(stored(database(), 'company', batch[0]!).tags).toHaveLength(2);
  });
});
