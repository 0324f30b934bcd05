import type { CustomFieldDefinition, CustomFieldValues } from '../../../shared/domain/custom-fields';
import type { Executor } from '../../db/repositories/executor';
import { formatPhone } from '../../../shared/text/phone';
import { rowsToCustomValues } from '../custom-field-values';

export type PageExtras = {
  phone: string | null;
  email: string | null;
  tags: string[];
  customFields: CustomFieldValues;
};

/** One page's custom values, in one indexed query. */
async function pageCustomValues(
  db: Executor,
  owner: 'person' | 'company',
  ids: number[],
  definitions: CustomFieldDefinition[],
): Promise<Map<number, CustomFieldValues>> {
  if (definitions.length === 0) return new Map();
  const rows =
    owner === 'person'
      ? await db
          .selectFrom('person_custom_values')
          .select(['person_id as owner_id', 'field_id', 'value_text', 'value_number'])
          .where('person_id', 'in', ids)
          .execute()
      : await db
          .selectFrom('company_custom_values')
          .select(['company_id as owner_id', 'field_id', 'value_text', 'value_number'])
          .where('company_id', 'in', ids)
          .execute();
  return new Map(
    ids.map((id) => [
      id,
      rowsToCustomValues(
        definitions,
        rows
          .filter((row) => row.owner_id === id)
          .map((row) => ({ fieldId: row.field_id, text: row.value_text, number: row.value_number })),
      ),
    ]),
  );
}

/**
 * The first phone, first e-mail, the tags and the custom values of one page of list rows, in
 * three indexed queries (never one query per row).
 */
export async function loadPageExtras(
  db: Executor,
  owner: 'person' | 'company',
  ids: number[],
  definitions: CustomFieldDefinition[],
): Promise<Map<number, PageExtras>> {
  const extras = new Map<number, PageExtras>(
    ids.map((id) => [id, { phone: null, email: null, tags: [], customFields: {} }]),
  );
  if (ids.length === 0) return extras;
  const column = owner === 'person' ? 'person_id' : 'company_id';
  const [points, tagRows, customValues] = await Promise.all([
    db
      .selectFrom('contact_points')
      .select([`${column} as owner_id`, 'kind', 'value'])
      .where(column, 'in', ids)
      .orderBy('position')
      .execute(),
    owner === 'person'
      ? db
          .selectFrom('person_tags')
          .innerJoin('tags', 'tags.id', 'person_tags.tag_id')
          .select(['person_tags.person_id as owner_id', 'tags.name'])
          .where('person_tags.person_id', 'in', ids)
          .orderBy('tags.name_key')
          .execute()
      : db
          .selectFrom('company_tags')
          .innerJoin('tags', 'tags.id', 'company_tags.tag_id')
          .select(['company_tags.company_id as owner_id', 'tags.name'])
          .where('company_tags.company_id', 'in', ids)
          .orderBy('tags.name_key')
          .execute(),
    pageCustomValues(db, owner, ids, definitions),
  ]);
  for (const [id, values] of customValues) extras.get(id)!.customFields = values;
  for (const point of points) {
    const entry = point.owner_id === null ? undefined : extras.get(point.owner_id);
    if (!entry) continue;
    if (point.kind === 'phone' && entry.phone === null) entry.phone = formatPhone(point.value);
    if (point.kind === 'email' && entry.email === null) entry.email = point.value;
  }
  for (const tag of tagRows) extras.get(tag.owner_id)?.tags.push(tag.name);
  return extras;
}
