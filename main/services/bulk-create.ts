/**
 * Creates many people or companies inside the caller's transaction with a handful of multi-row
 * inserts per batch: the import path, where one awaited insert per row would run ~3× slower.
 * Rows get explicit ids (the transaction holds the write lock, so max(id) is stable).
 */
import { sql } from 'kysely';
import type { CompanyValues } from '../../shared/domain/companies';
import type { CustomFieldDefinition } from '../../shared/domain/custom-fields';
import type { PersonValues } from '../../shared/domain/people';
import { foldText } from '../../shared/text/fold';
import { normalisePhone } from '../../shared/text/phone';
import { composeDisplayName } from '../../shared/text/person-name';
import { contactPointKeys } from '../db/contact-point-keys';
import type { Executor } from '../db/repositories/executor';
import { addressRow } from '../db/repositories/addresses';
import { insertRows } from '../db/bulk-insert';
import { companySearchDocument, personSearchDocument } from '../db/search-index';
import { ensureTags } from '../db/repositories/tags';
import { companyRow } from './companies-service';
import { customValuesToRows } from './custom-field-values';
import { personRow } from './people-service';
import { primaryCity, type RelationValues } from './record-relations';
import type { ServiceEnv } from './service-env';

async function nextId(db: Executor, table: 'people' | 'companies'): Promise<number> {
  const { rows } = await sql<{ top: number | null }>`SELECT max(id) AS top FROM ${sql.table(table)}`.execute(db);
  return (rows[0]?.top ?? 0) + 1;
}

async function tagIdsByKey(db: Executor, names: string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  await ensureTags(db, names);
  const keys = [...new Set(names.map((name) => foldText(name)))];
  const rows = await db.selectFrom('tags').select(['id', 'name_key']).where('name_key', 'in', keys).execute();
  return new Map(rows.map((row) => [row.name_key, row.id]));
}

async function insertRelations(
  db: Executor,
  owner: 'person' | 'company',
  records: Array<{ id: number; values: RelationValues }>,
  definitions: CustomFieldDefinition[],
  env: ServiceEnv,
): Promise<void> {
  const ownerColumns = (id: number) =>
    owner === 'person' ? { person_id: id, company_id: null } : { person_id: null, company_id: id };
  const points = records.flatMap(({ id, values }) => [
    ...values.phones.map((phone, position) => {
      const normalised = normalisePhone(phone.value, env.defaultCountry);
      return {
        ...ownerColumns(id),
        kind: 'phone' as const,
        label: phone.label,
        value: normalised.value,
        is_valid: normalised.valid ? (1 as const) : (0 as const),
        position,
        ...contactPointKeys('phone', normalised.value),
      };
    }),
    ...values.emails.map((email, index) => ({
      ...ownerColumns(id),
      kind: 'email' as const,
      label: email.label,
      value: email.value,
      is_valid: 1 as const,
      position: values.phones.length + index,
      ...contactPointKeys('email', email.value),
    })),
  ]);
  await insertRows(db, 'contact_points', points);
  const addresses = records.flatMap(({ id, values }) =>
    values.addresses.map((address, position) =>
      addressRow(owner === 'person' ? { personId: id } : { companyId: id }, address, position),
    ),
  );
  await insertRows(db, 'addresses', addresses);
  const tagIds = await tagIdsByKey(
    db,
    records.flatMap(({ values }) => values.tags),
  );
  const links = records.flatMap(({ id, values }) =>
    [...new Set(values.tags.map((name) => tagIds.get(foldText(name))).filter((tag) => tag !== undefined))].map(
      (tag_id) => ({ tag_id, owner_id: id }),
    ),
  );
  const custom = records.flatMap(({ id, values }) =>
    customValuesToRows(definitions, values.customFields).map((row) => ({
      field_id: row.fieldId,
      owner_id: id,
      value_text: row.text,
      value_number: row.number,
    })),
  );
  if (owner === 'person') {
    await insertRows(
      db,
      'person_tags',
      links.map(({ tag_id, owner_id }) => ({ tag_id, person_id: owner_id })),
    );
    await insertRows(
      db,
      'person_custom_values',
      custom.map(({ owner_id, ...value }) => ({ ...value, person_id: owner_id })),
    );
  } else {
    await insertRows(
      db,
      'company_tags',
      links.map(({ tag_id, owner_id }) => ({ tag_id, company_id: owner_id })),
    );
    await insertRows(
      db,
      'company_custom_values',
      custom.map(({ owner_id, ...value }) => ({ ...value, company_id: owner_id })),
    );
  }
}

async function namesOfCompanies(db: Executor, ids: Array<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id) => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('companies').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** One name per tag, as the tag links store them ("VIP, vip" is one tag). */
function storedTags(names: string[]): string[] {
  return [...new Map(names.map((name) => [foldText(name), name])).values()];
}

/**
 * Inserts validated people (references already checked by the caller) with their search documents,
 * written straight from the values: re-reading the rows to index them cost more than the insert.
 * Returns their ids in order.
 */
export async function createPeopleBatch(
  db: Executor,
  people: PersonValues[],
  definitions: CustomFieldDefinition[],
  env: ServiceEnv,
): Promise<number[]> {
  if (people.length === 0) return [];
  const first = await nextId(db, 'people');
  const now = env.now().toISOString();
  const records = people.map((values, index) => ({ id: first + index, values }));
  await insertRows(
    db,
    'people',
    records.map(({ id, values }) => ({ id, ...personRow(values, now), created_at: now })),
  );
  await insertRelations(db, 'person', records, definitions, env);
  const companyNames = await namesOfCompanies(
    db,
    records.map(({ values }) => values.companyId),
  );
  await insertRows(
    db,
    'people_search',
    records.map(({ id, values }) => ({
      rowid: id,
      ...personSearchDocument({
        displayName: values.displayName ?? composeDisplayName(values),
        lastName: values.lastName,
        firstName: values.firstName,
        middleName: values.middleName,
        companyName: values.companyId === null ? null : (companyNames.get(values.companyId) ?? null),
        position: values.position,
        city: primaryCity(values.addresses),
        emails: values.emails.map((email) => email.value),
        tags: storedTags(values.tags),
      }),
    })),
  );
  return records.map((record) => record.id);
}

export async function createCompaniesBatch(
  db: Executor,
  companies: CompanyValues[],
  definitions: CustomFieldDefinition[],
  env: ServiceEnv,
): Promise<number[]> {
  if (companies.length === 0) return [];
  const first = await nextId(db, 'companies');
  const now = env.now().toISOString();
  const records = companies.map((values, index) => ({ id: first + index, values }));
  await insertRows(
    db,
    'companies',
    records.map(({ id, values }) => ({ id, ...companyRow(values, now), created_at: now })),
  );
  await insertRelations(db, 'company', records, definitions, env);
  await insertRows(
    db,
    'companies_search',
    records.map(({ id, values }) => ({
      rowid: id,
      ...companySearchDocument({
        name: values.name,
        legalName: values.legalName,
        industry: values.industry,
        city: primaryCity(values.addresses),
        website: values.website,
        emails: values.emails.map((email) => email.value),
        tags: storedTags(values.tags),
      }),
    })),
  );
  return records.map((record) => record.id);
}
