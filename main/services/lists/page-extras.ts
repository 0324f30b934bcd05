import type { Executor } from '../../db/repositories/executor';
import { formatPhone } from '../../../shared/text/phone';

export type PageExtras = { phone: string | null; email: string | null; tags: string[] };

/**
 * The first phone, first e-mail and the tags of one page of list rows, in two indexed queries
 * (never one query per row).
 */
export async function loadPageExtras(
  db: Executor,
  owner: 'person' | 'company',
  ids: number[],
): Promise<Map<number, PageExtras>> {
  const extras = new Map<number, PageExtras>(ids.map((id) => [id, { phone: null, email: null, tags: [] }]));
  if (ids.length === 0) return extras;
  const column = owner === 'person' ? 'person_id' : 'company_id';
  const [points, tagRows] = await Promise.all([
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
  ]);
  for (const point of points) {
    const entry = point.owner_id === null ? undefined : extras.get(point.owner_id);
    if (!entry) continue;
    if (point.kind === 'phone' && entry.phone === null) entry.phone = formatPhone(point.value);
    if (point.kind === 'email' && entry.email === null) entry.email = point.value;
  }
  for (const tag of tagRows) extras.get(tag.owner_id)?.tags.push(tag.name);
  return extras;
}
