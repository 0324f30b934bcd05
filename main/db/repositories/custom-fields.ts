import type { CustomFieldDefinition, CustomFieldEntity } from '../../../shared/domain/custom-fields';
import type { Executor } from './executor';

export type CustomValueRow = { fieldId: number; text: string | null; number: number | null };

function toDefinition(row: {
  id: number;
  entity: CustomFieldEntity;
  key: string;
  label: string;
  type: CustomFieldDefinition['type'];
  options: string;
  position: number;
}): CustomFieldDefinition {
  return { ...row, options: JSON.parse(row.options) as string[] };
}

const definitionColumns = ['id', 'entity', 'key', 'label', 'type', 'options', 'position'] as const;

export async function listCustomFieldDefinitions(
  db: Executor,
  entity: CustomFieldEntity,
): Promise<CustomFieldDefinition[]> {
  const rows = await db
    .selectFrom('custom_field_definitions')
    .select(definitionColumns)
    .where('entity', '=', entity)
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toDefinition);
}

export async function insertCustomFieldDefinition(
  db: Executor,
  values: Omit<CustomFieldDefinition, 'id' | 'position'>,
  createdAt: string,
): Promise<CustomFieldDefinition> {
  const { max } = await db
    .selectFrom('custom_field_definitions')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('entity', '=', values.entity)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('custom_field_definitions')
    .values({ ...values, options: JSON.stringify(values.options), position: (max ?? -1) + 1, created_at: createdAt })
    .returning(definitionColumns)
    .executeTakeFirstOrThrow();
  return toDefinition(row);
}

export async function updateCustomFieldDefinition(
  db: Executor,
  id: number,
  values: { label: string; options: string[] },
): Promise<CustomFieldDefinition | undefined> {
  const row = await db
    .updateTable('custom_field_definitions')
    .set({ label: values.label, options: JSON.stringify(values.options) })
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .returning(definitionColumns)
    .executeTakeFirst();
  return row && toDefinition(row);
}

/** Archived fields keep their values (an export still has them) but leave forms and lists. */
export async function archiveCustomFieldDefinition(
  db: Executor,
  id: number,
  archivedAt: string,
): Promise<Pick<CustomFieldDefinition, 'entity' | 'key'> | undefined> {
  return db
    .updateTable('custom_field_definitions')
    .set({ archived_at: archivedAt })
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .returning(['entity', 'key'])
    .executeTakeFirst();
}

/** A live field's entity and key. */
export async function findLiveCustomField(
  db: Executor,
  id: number,
): Promise<Pick<CustomFieldDefinition, 'entity' | 'key'> | undefined> {
  return db
    .selectFrom('custom_field_definitions')
    .select(['entity', 'key'])
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Replaces a record's values of the given (live) fields only: values of archived fields stay,
 * so an export or an un-archive still has them.
 */
export async function replacePersonCustomValues(
  db: Executor,
  personId: number,
  fieldIds: number[],
  values: CustomValueRow[],
): Promise<void> {
  if (fieldIds.length === 0) return;
  await db
    .deleteFrom('person_custom_values')
    .where('person_id', '=', personId)
    .where('field_id', 'in', fieldIds)
    .execute();
  if (values.length === 0) return;
  await db
    .insertInto('person_custom_values')
    .values(
      values.map((v) => ({ field_id: v.fieldId, person_id: personId, value_text: v.text, value_number: v.number })),
    )
    .execute();
}

export async function replaceCompanyCustomValues(
  db: Executor,
  companyId: number,
  fieldIds: number[],
  values: CustomValueRow[],
): Promise<void> {
  if (fieldIds.length === 0) return;
  await db
    .deleteFrom('company_custom_values')
    .where('company_id', '=', companyId)
    .where('field_id', 'in', fieldIds)
    .execute();
  if (values.length === 0) return;
  await db
    .insertInto('company_custom_values')
    .values(
      values.map((v) => ({ field_id: v.fieldId, company_id: companyId, value_text: v.text, value_number: v.number })),
    )
    .execute();
}

export async function listPersonCustomValues(db: Executor, personId: number): Promise<CustomValueRow[]> {
  const rows = await db
    .selectFrom('person_custom_values')
    .select(['field_id', 'value_text', 'value_number'])
    .where('person_id', '=', personId)
    .execute();
  return rows.map((row) => ({ fieldId: row.field_id, text: row.value_text, number: row.value_number }));
}

export async function listCompanyCustomValues(db: Executor, companyId: number): Promise<CustomValueRow[]> {
  const rows = await db
    .selectFrom('company_custom_values')
    .select(['field_id', 'value_text', 'value_number'])
    .where('company_id', '=', companyId)
    .execute();
  return rows.map((row) => ({ fieldId: row.field_id, text: row.value_text, number: row.value_number }));
}
