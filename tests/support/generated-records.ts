/**
 * Generated people and companies for property tests: Cyrillic and Latin, formula-like text, every
 * custom field type, several addresses, consents, owners, tags, phones and e-mails.
 */
import fc from 'fast-check';
import type { CustomFieldDefinition } from '../../shared/domain/custom-fields';
import { MAX_ADDRESSES, type AddressInput } from '../../shared/domain/contact-points';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { createCompany } from '../../main/services/companies-service';
import { createCustomField } from '../../main/services/custom-fields-service';
import { createPerson } from '../../main/services/people-service';
import { createUser } from '../../main/services/users-service';
import { testEnv } from './open-test-database';
import { foldText } from '../../shared/text/fold';

const letters = [...'абвгдеёжзийклмнопрстуфхцчшщыэюяabcdefghijklmnopqrstuvwxyz'];
const word = fc
  .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(''))
  .map((text) => text[0]!.toUpperCase() + text.slice(1));
const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
/** Text a spreadsheet would evaluate if the export didn't guard it. */
const risky = fc
  .tuple(fc.constantFrom('', '=', '+', '-', '@', "'", "'=", "''-"), phrase)
  .map(([prefix, text]) => `${prefix}${text}`);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const phone = fc.integer({ min: 100_000_000, max: 999_999_999 }).map((n) => `+79${String(n).slice(0, 9)}`);
const day = fc
  .integer({ min: Date.UTC(1940, 0, 1), max: Date.UTC(2010, 0, 1) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const moment = fc
  .integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2026, 0, 1) / 1000 })
  .map((s) => new Date(s * 1000).toISOString());
const address: fc.Arbitrary<AddressInput> = fc.record({
  label: fc.constantFrom('work', 'home', 'postal', 'other'),
  country: maybe(word),
  region: maybe(phrase),
  city: word,
  street: maybe(phrase),
  postalCode: maybe(fc.integer({ min: 100000, max: 999999 }).map(String)),
});
const consent = maybe(fc.record({ granted: fc.boolean(), at: maybe(moment), source: maybe(phrase) }));

const person = fc.record({
  lastName: word,
  firstName: maybe(word),
  middleName: maybe(word),
  displayName: maybe(phrase),
  company: maybe(fc.nat()),
  position: maybe(risky),
  website: maybe(word.map((w) => `https://${w.toLowerCase()}.example`)),
  birthday: maybe(day),
  source: maybe(phrase),
  owner: maybe(fc.nat()),
  preferredChannel: maybe(fc.constantFrom('phone', 'email', 'messenger', 'meeting', 'post' as const)),
  language: maybe(fc.constantFrom('ru', 'en')),
  notes: maybe(fc.array(risky, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'))),
  mobiles: fc.array(phone, { maxLength: 2 }),
  workPhones: fc.array(phone, { maxLength: 1 }),
  emails: fc.array(fc.constantFrom('work', 'personal', 'other' as const), { maxLength: 2 }),
  addresses: fc.array(address, { maxLength: MAX_ADDRESSES }),
  tags: fc.uniqueArray(word, { maxLength: 3, selector: (tag) => tag.toLowerCase() }),
  contactConsent: consent,
  marketingConsent: consent,
  custom: fc.record({
    note: maybe(risky),
    budget: maybe(fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => Math.round(n * 100) / 100)),
    met: maybe(day),
    vip: maybe(fc.boolean()),
    stage: maybe(fc.constantFrom('Новый', 'В работе', 'Closed')),
    // Options may hold the list separators themselves.
    topics: fc.subarray(['Окна, двери', 'Двери', 'Крыши; фасады', 'Roofs']),
  }),
});
const company = fc.record({
  legalName: maybe(phrase),
  industry: maybe(risky),
  website: maybe(word),
  owner: maybe(fc.nat()),
  phones: fc.array(phone, { maxLength: 2 }),
  addresses: fc.array(address, { maxLength: MAX_ADDRESSES }),
  tags: fc.uniqueArray(word, { maxLength: 2, selector: (tag) => tag.toLowerCase() }),
  region: maybe(word),
});
export const base = fc.record({
  owners: fc.uniqueArray(phrase, { maxLength: 3, selector: (name) => foldText(name) }),
  companies: fc.array(company, { maxLength: 4 }),
  people: fc.array(person, { minLength: 1, maxLength: 8 }),
});

export type BaseData = typeof base extends fc.Arbitrary<infer T> ? T : never;

/** Writes the generated owners, custom fields, companies and people through the services. */
export async function fill(database: OpenDatabase, data: BaseData): Promise<void> {
  const env = testEnv();
  const { db } = database;
  const field = (
    entity: 'person' | 'company',
    label: string,
    type: CustomFieldDefinition['type'],
    options: string[] = [],
  ) => createCustomField(db, { entity, label, type, options }, env);
  const [note, budget, met, vip, stage, topics] = [
    await field('person', 'Заметка', 'text'),
    await field('person', 'Бюджет', 'number'),
    await field('person', 'Встреча', 'date'),
    await field('person', 'VIP', 'checkbox'),
    await field('person', 'Стадия', 'select', ['Новый', 'В работе', 'Closed']),
    await field('person', 'Темы', 'multiselect', ['Окна, двери', 'Двери', 'Крыши; фасады', 'Roofs']),
  ];
  const region = await field('company', 'Регион продаж', 'text');
  const owners = [];
  for (const name of data.owners) owners.push((await createUser(db, { displayName: name }, env)).id);
  const pick = <T>(list: T[], index: number | null) =>
    index === null || list.length === 0 ? null : list[index % list.length]!;
  const companies = [];
  for (const [index, item] of data.companies.entries()) {
    const created = await createCompany(
      db,
      {
        // Two companies may share a name: our ids keep them (and their people) apart.
        name: `ООО «Компания ${index % 3}»`,
        legalName: item.legalName,
        industry: item.industry,
        website: item.website,
        ownerId: pick(owners, item.owner),
        phones: item.phones.map((value) => ({ value, label: 'work' })),
        addresses: item.addresses,
        tags: item.tags,
        customFields: { [region.key]: item.region },
      },
      env,
    );
    companies.push(created.id);
  }
  for (const [index, item] of data.people.entries()) {
    await createPerson(
      db,
      {
        ...item,
        companyId: pick(companies, item.company),
        ownerId: pick(owners, item.owner),
        phones: [
          ...item.mobiles.map((value) => ({ value, label: 'mobile' as const })),
          ...item.workPhones.map((value) => ({ value, label: 'work' as const })),
        ],
        emails: item.emails.map((label, n) => ({ value: `person${index}.${n}@example.com`, label })),
        customFields: {
          [note.key]: item.custom.note,
          [budget.key]: item.custom.budget,
          [met.key]: item.custom.met,
          [vip.key]: item.custom.vip,
          [stage.key]: item.custom.stage,
          [topics.key]: item.custom.topics,
        },
      },
      env,
    );
  }
}
