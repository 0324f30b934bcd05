/**
 * Many records' side rows in a few queries: what export and import read per batch of ids, where
 * one query per record would cost more than the spreadsheet work itself.
 */
import type { Address } from '../../../shared/domain/contact-points';
import type { Executor } from './executor';
import type { CustomValueRow } from './custom-fields';
import { toAddress } from './addresses';

export type RelationOwner = 'person' | 'company';
export type BatchContactPoint = { kind: 'phone' | 'email'; label: string; value: string };
export type BatchRelations = {
  points: BatchContactPoint[];
  addresses: Address[];
  tags: string[];
  customRows: CustomValueRow[];
};

const emptyRelations = (): BatchRelations => ({ points: [], addresses: [], tags: [], customRows: [] });

export async function loadRelationsBatch(
  db: Executor,
  owner: RelationOwner,
  ids: readonly number[],
): Promise<Map<number, BatchRelations>> {
  const byId = new Map<number, BatchRelations>(ids.map((id) => [id, emptyRelations()]));
  if (ids.length === 0) return byId;
  const column = owner === 'person' ? 'person_id' : 'company_id';
  const own = (id: number | null) => (id === null ? undefined : byId.get(id));
  const points = await db
    .selectFrom('contact_points')
    .select(['person_id', 'company_id', 'kind', 'label', 'value'])
    .where(column, 'in', [...ids])
    .orderBy('position')
    .orderBy('id')
    .execute();
  for (const point of points) own(point[column])?.points.push(point);
  const addresses = await db
    .selectFrom('addresses')
    .selectAll()
    .where(column, 'in', [...ids])
    .orderBy('position')
    .orderBy('id')
    .execute();
  for (const row of addresses) own(row[column])?.addresses.push(toAddress(row));
  const tags =
    owner === 'person'
      ? await db
          .selectFrom('person_tags')
          .innerJoin('tags', 'tags.id', 'person_tags.tag_id')
          .select(['person_tags.person_id as owner_id', 'tags.name'])
          .where('person_tags.person_id', 'in', [...ids])
          .orderBy('tags.name_key')
          .execute()
      : await db
          .selectFrom('company_tags')
          .innerJoin('tags', 'tags.id', 'company_tags.tag_id')
          .select(['company_tags.company_id as owner_id', 'tags.name'])
          .where('company_tags.company_id', 'in', [...ids])
          .orderBy('tags.name_key')
          .execute();
  for (const tag of tags) own(tag.owner_id)?.tags.push(tag.name);
  const custom =
    owner === 'person'
      ? await db
          .selectFrom('person_custom_values')
          .select(['person_id as owner_id', 'field_id', 'value_text', 'value_number'])
          .where('person_id', 'in', [...ids])
          .execute()
      : await db
          .selectFrom('company_custom_values')
          .select(['company_id as owner_id', 'field_id', 'value_text', 'value_number'])
          .where('company_id', 'in', [...ids])
          .execute();
  for (const row of custom) {
    own(row.owner_id)?.customRows.push({ fieldId: row.field_id, text: row.value_text, number: row.value_number });
  }
  return byId;
}
