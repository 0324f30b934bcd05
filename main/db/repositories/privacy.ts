/**
 * Queries behind a personal-data export and an erasure: they read and clear everything a person
 * has, including what the everyday repositories leave out (soft-deleted activities, values of
 * archived custom fields, records merged into the person, merge snapshots).
 */
import { sql, type Selectable } from 'kysely';
import type { ActivitiesTable, CustomFieldDefinitionsTable, PeopleTable } from '../schema';
import type { Executor } from './executor';

/** The stored row with the names of what it links to; a trashed company still counts as stored. */
export type PrivacyPersonRow = Selectable<PeopleTable> & { company_name: string | null; owner_name: string | null };

export async function findPersonForPrivacy(db: Executor, id: number): Promise<PrivacyPersonRow | undefined> {
  return db
    .selectFrom('people')
    .leftJoin('companies', 'companies.id', 'people.company_id')
    .leftJoin('users', 'users.id', 'people.owner_id')
    .selectAll('people')
    .select(['companies.name as company_name', 'users.display_name as owner_name'])
    .where('people.id', '=', id)
    .executeTakeFirst();
}

export type PrivacyActivityRow = Selectable<ActivitiesTable> & {
  owner_name: string | null;
  company_name: string | null;
};

/** Every activity of a person, deleted ones too, oldest first. */
export async function listAllActivitiesOfPerson(db: Executor, personId: number): Promise<PrivacyActivityRow[]> {
  return db
    .selectFrom('activities')
    .leftJoin('users', 'users.id', 'activities.owner_id')
    .leftJoin('companies', 'companies.id', 'activities.company_id')
    .selectAll('activities')
    .select(['users.display_name as owner_name', 'companies.name as company_name'])
    .where('activities.person_id', '=', personId)
    .orderBy('activities.occurred_at', 'asc')
    .orderBy('activities.id', 'asc')
    .execute();
}

export type StoredCustomValue = {
  definition: Selectable<CustomFieldDefinitionsTable>;
  text: string | null;
  number: number | null;
};

/** A person's custom values with their fields, archived fields included (their values are still stored). */
export async function listStoredCustomValues(db: Executor, personId: number): Promise<StoredCustomValue[]> {
  const rows = await db
    .selectFrom('person_custom_values')
    .innerJoin('custom_field_definitions', 'custom_field_definitions.id', 'person_custom_values.field_id')
    .selectAll('custom_field_definitions')
    .select(['person_custom_values.value_text', 'person_custom_values.value_number'])
    .where('person_custom_values.person_id', '=', personId)
    .orderBy('custom_field_definitions.position')
    .orderBy('custom_field_definitions.id')
    .execute();
  return rows.map(({ value_text, value_number, ...definition }) => ({
    definition,
    text: value_text,
    number: value_number,
  }));
}

/**
 * Turns people into tombstones: every personal column cleared, the label in place of the name,
 * erased and deleted now. Creation time, version and links to merges stay (they say nothing about
 * who the person was).
 */
export async function anonymisePeople(
  db: Executor,
  ids: readonly number[],
  tombstone: { displayName: string; sortKey: string },
  now: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('people')
    .set((eb) => ({
      first_name: null,
      middle_name: null,
      last_name: null,
      display_name: tombstone.displayName,
      sort_key: tombstone.sortKey,
      company_id: null,
      position: null,
      website: null,
      birthday: null,
      source: null,
      city: null,
      owner_id: null,
      preferred_channel: null,
      language: null,
      notes: null,
      contact_consent: null,
      contact_consent_at: null,
      contact_consent_source: null,
      marketing_consent: null,
      marketing_consent_at: null,
      marketing_consent_source: null,
      updated_at: now,
      deleted_at: now,
      erased_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', ids)
    .execute();
}

/** Phones, e-mails, addresses, tag links and custom values of these people. */
export async function deletePersonalRows(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('contact_points').where('person_id', 'in', ids).execute();
  await db.deleteFrom('addresses').where('person_id', 'in', ids).execute();
  await db.deleteFrom('person_tags').where('person_id', 'in', ids).execute();
  await db.deleteFrom('person_custom_values').where('person_id', 'in', ids).execute();
}

/**
 * Clears what was written about these people in their activities; kind, time, duration and
 * direction stay, so activity counts and statistics don't change. Deleted activities too.
 */
export async function blankActivityTexts(db: Executor, ids: readonly number[], now: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('activities')
    .set((eb) => ({ subject: null, body: null, outcome: null, updated_at: now, version: eb('version', '+', 1) }))
    .where('person_id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Merge records that involve these people: their snapshots copy the whole person (name, phones,
 * notes...), so they go, and the merge can no longer be undone.
 */
export async function deleteMergeSnapshots(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('merges')
    .where('entity', '=', 'person')
    .where((eb) => eb.or([eb('survivor_id', 'in', ids), eb('merged_id', 'in', ids)]))
    .execute();
}

/**
 * Rewrites the people index without deleted entries. A contentless_delete FTS5 table deletes by
 * leaving a tombstone: the words stay in its segments until they are merged, and 'optimize' merges
 * them all now. It rewrites the whole index (about a second for 100,000 people), fine for a rare,
 * deliberate operation; with secure_delete on, the pages it frees are zeroed.
 */
export async function purgePeopleIndex(db: Executor): Promise<void> {
  await sql`INSERT INTO people_search (people_search) VALUES ('optimize')`.execute(db);
}
