import { foldText } from '../../../shared/text/fold';
import type { Executor } from './executor';
import type { ContactOwner } from './contact-points';

/** Ids for these tag names, creating the missing ones; "VIP" and "vip" are one tag. */
export async function ensureTags(db: Executor, names: readonly string[]): Promise<number[]> {
  const byKey = new Map(names.map((name) => [foldText(name), name.trim()] as const));
  if (byKey.size === 0) return [];
  await db
    .insertInto('tags')
    .values([...byKey].map(([name_key, name]) => ({ name, name_key })))
    .onConflict((conflict) => conflict.column('name_key').doNothing())
    .execute();
  const rows = await db
    .selectFrom('tags')
    .select('id')
    .where('name_key', 'in', [...byKey.keys()])
    .execute();
  return rows.map((row) => row.id);
}

export async function findTagIds(db: Executor, names: readonly string[]): Promise<number[]> {
  if (names.length === 0) return [];
  const rows = await db
    .selectFrom('tags')
    .select('id')
    .where(
      'name_key',
      'in',
      names.map((name) => foldText(name)),
    )
    .execute();
  return rows.map((row) => row.id);
}

export async function replaceTags(db: Executor, owner: ContactOwner, names: readonly string[]): Promise<void> {
  const ids = await ensureTags(db, names);
  if ('personId' in owner) {
    await db.deleteFrom('person_tags').where('person_id', '=', owner.personId).execute();
    if (ids.length > 0) {
      await db
        .insertInto('person_tags')
        .values(ids.map((tag_id) => ({ tag_id, person_id: owner.personId })))
        .execute();
    }
  } else {
    await db.deleteFrom('company_tags').where('company_id', '=', owner.companyId).execute();
    if (ids.length > 0) {
      await db
        .insertInto('company_tags')
        .values(ids.map((tag_id) => ({ tag_id, company_id: owner.companyId })))
        .execute();
    }
  }
}

export async function listTagNames(db: Executor, owner: ContactOwner): Promise<string[]> {
  const rows =
    'personId' in owner
      ? await db
          .selectFrom('person_tags')
          .innerJoin('tags', 'tags.id', 'person_tags.tag_id')
          .select('tags.name')
          .where('person_tags.person_id', '=', owner.personId)
          .orderBy('tags.name_key')
          .execute()
      : await db
          .selectFrom('company_tags')
          .innerJoin('tags', 'tags.id', 'company_tags.tag_id')
          .select('tags.name')
          .where('company_tags.company_id', '=', owner.companyId)
          .orderBy('tags.name_key')
          .execute();
  return rows.map((row) => row.name);
}

export async function listAllTags(db: Executor): Promise<Array<{ id: number; name: string }>> {
  return db.selectFrom('tags').select(['id', 'name']).orderBy('name_key').execute();
}
