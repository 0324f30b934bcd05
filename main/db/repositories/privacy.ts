/**
 * Queries behind a personal-data export and an erasure: they read and clear everything a person
 * has, including what the everyday repositories leave out (soft-deleted activities, values of
 * archived custom fields, records merged into the person, merge snapshots).
 */
import { sql, type Selectable } from 'kysely';
import type { ActivitiesTable, CustomFieldDefinitionsTable, PeopleTable } from '../schema';
import { transliterate } from '../../../shared/text/transliterate';
import { idList } from '../id-list';
import type { Executor } from './executor';
import { keepImportsReversible, keepMergesReversible } from './versioned';

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
/**
 * Records these people's data was merged into at some time, the merge since undone: every record
 * reachable from them through merges (a chain too), with the time the data first got there.
 */
async function formerSurvivors(db: Executor, ids: readonly number[]): Promise<Array<{ id: number; since: string }>> {
  const erased = JSON.stringify(ids);
  const { rows } = await sql<{ id: number; since: string }>`
    WITH RECURSIVE reached (id, since) AS (
      SELECT survivor_id, merged_at FROM merges
       WHERE entity = 'person' AND merged_id IN (SELECT value FROM json_each(${erased}))
      UNION
      SELECT m.survivor_id, m.merged_at FROM merges m JOIN reached r ON m.merged_id = r.id
       WHERE m.entity = 'person' AND m.merged_at >= r.since
    )
    SELECT id, min(since) AS since FROM reached
     WHERE id NOT IN (SELECT value FROM json_each(${erased}))
     GROUP BY id`.execute(db);
  return rows;
}

/**
 * A merge copies the merged person's phones, e-mails and fields onto the record they join; the
 * unmerge takes them off again, but undo copies of that record taken in between (an import's
 * "before", an undone merge's snapshot) still hold them, and restoring one would bring them back.
 * Those copies go: the imports can no longer restore that record.
 */
export async function forgetCopiesHoldingMergedData(db: Executor, ids: readonly number[]): Promise<void> {
  for (const { id, since } of await formerSurvivors(db, ids)) {
    await sql`UPDATE merges SET snapshot = '{}'
               WHERE entity = 'person' AND survivor_id = ${id} AND undone_at IS NOT NULL`.execute(db);
    await sql`DELETE FROM import_records
               WHERE entity = 'person' AND record_id = ${id}
                 AND import_id IN (SELECT id FROM imports WHERE started_at >= ${since})`.execute(db);
  }
}

/**
 * The tags no one but these people carries: once they are erased, such a tag is their data, not
 * vocabulary. Tags nobody carries go too: one the person carried once («Жена Петрова») and lost
 * since is theirs as likely as anyone's, and a tag on no record names nothing.
 */
export async function tagsOnlyOf(db: Executor, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const people = JSON.stringify(ids);
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM tags
     WHERE id NOT IN (SELECT tag_id FROM person_tags WHERE person_id NOT IN (SELECT value FROM json_each(${people})))
       AND id NOT IN (SELECT tag_id FROM company_tags)`.execute(db);
  return rows.map((row) => row.id);
}

export async function deleteTags(db: Executor, tagIds: readonly number[]): Promise<void> {
  if (tagIds.length === 0) return;
  await db.deleteFrom('tags').where('id', 'in', tagIds).execute();
}

/** The imports that created or updated these people. */
export async function importHistoryOf(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return sql<{
    record_id: number;
    file_name: string;
    started_at: string;
    undone_at: string | null;
    action: 'created' | 'updated';
  }>`
    SELECT r.record_id, i.file_name, i.started_at, i.undone_at, r.action
      FROM import_records r JOIN imports i ON i.id = r.import_id
     WHERE r.entity = 'person' AND r.record_id IN (${idList(ids)})
     ORDER BY i.started_at, i.id`
    .execute(db)
    .then((result) => result.rows);
}

/** The merges these people took part in, with the copies of both records each keeps for its undo. */
export async function mergeHistoryOf(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const list = JSON.stringify(ids);
  return sql<{ survivor_id: number; merged_id: number; merged_at: string; undone_at: string | null; snapshot: string }>`
    SELECT survivor_id, merged_id, merged_at, undone_at, snapshot FROM merges
     WHERE entity = 'person'
       AND (survivor_id IN (SELECT value FROM json_each(${list})) OR merged_id IN (SELECT value FROM json_each(${list})))
     ORDER BY merged_at, id`
    .execute(db)
    .then((result) => result.rows);
}

type StoredName = Pick<Selectable<PeopleTable>, 'display_name' | 'last_name' | 'first_name' | 'middle_name'>;

const wordsIn = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');

/**
 * A name word as a file name may write it: as typed, and in Latin letters («unikalnofamilnyy.vcf»);
 * a Latin one shorter than three letters («li») would cut too much.
 */
function spellings(word: string): string[] {
  const latin = transliterate(word);
  return latin.length >= 3 ? [word, latin] : [word];
}

/** Whether `word` stands in `fileName` as a word, in one of its spellings. */
const holdsWord = (fileName: string, word: string) =>
  spellings(word).some((spelling) => withoutWords(fileName, [spelling]) !== fileName);

/**
 * The words that name these people: every word of every name their records were written with,
 * merged copies too, in each spelling; and their full names (surname and first name, a display name
 * of two words or more), which only they answer to, unlike a lone «Пётр» or «Иванов».
 */
async function namesOf(db: Executor, ids: readonly number[]) {
  const { rows } = await sql<StoredName>`
    SELECT display_name, last_name, first_name, middle_name
      FROM people WHERE id IN (${idList(ids)})`.execute(db);
  const words = rows.flatMap((row) =>
    wordsIn([row.display_name, row.last_name, row.first_name, row.middle_name].join(' ')),
  );
  const fullNames = rows.flatMap((row) => [
    ...(row.last_name && row.first_name ? [wordsIn(`${row.last_name} ${row.first_name}`)] : []),
    ...(wordsIn(row.display_name).length >= 2 ? [wordsIn(row.display_name)] : []),
  ]);
  return { words: [...new Set(words.flatMap(spellings))], fullNames };
}

/**
 * Import history names the file, and a one-person file (a vCard) is often named after them: an
 * import's file name loses every word of theirs when the import created or updated them, or when
 * it holds their full name (a file of theirs that matched them and changed nothing, or whose row
 * was skipped, leaves no journal row); the consent sources those imports stamped (the file's name)
 * lose them too, on the live records and in the undo copies imports and merges keep of them. Run
 * before their import journal rows go.
 */
export async function blankNameInImportFiles(db: Executor, ids: readonly number[], now: string): Promise<void> {
  if (ids.length === 0) return;
  const { words, fullNames } = await namesOf(db, ids);
  if (words.length === 0) return;
  const { rows } = await sql<{ id: number; file_name: string; journalled: 0 | 1 }>`
    SELECT id, file_name,
           id IN (SELECT import_id FROM import_records
                   WHERE entity = 'person' AND record_id IN (${idList(ids)}))
             AS journalled
      FROM imports`.execute(db);
  for (const row of rows) {
    const namesThem = fullNames.some((name) => name.every((word) => holdsWord(row.file_name, word)));
    if (row.journalled === 0 && !namesThem) continue;
    const blanked = withoutWords(row.file_name, words);
    if (blanked === row.file_name) continue;
    await db.updateTable('imports').set({ file_name: blanked }).where('id', '=', row.id).execute();
    await renameConsentSource(db, row.file_name, blanked, now);
  }
}

const CONSENT_SOURCES = ['contact_consent_source', 'marketing_consent_source'] as const;

/**
 * Every consent source reading `from` now reads `to`: on people (their version moves on, so a form
 * opened before, or an undo, sees the change) and in the copies of people that imports and merges
 * keep for their undo, which would put `from` back.
 */
async function renameConsentSource(db: Executor, from: string, to: string, now: string): Promise<void> {
  const [contact, marketing] = CONSENT_SOURCES.map((column) => sql.ref(column));
  const { rows } = await sql<{ id: number }>`UPDATE people
               SET ${contact} = CASE WHEN ${contact} = ${from} THEN ${to} ELSE ${contact} END,
                   ${marketing} = CASE WHEN ${marketing} = ${from} THEN ${to} ELSE ${marketing} END,
                   updated_at = ${now}, version = version + 1
             WHERE ${contact} = ${from} OR ${marketing} = ${from}
             RETURNING id`.execute(db);
  for (const column of CONSENT_SOURCES) {
    const inRow = `$.row.${column}`;
    await sql`UPDATE import_records SET before = json_set(before, ${inRow}, ${to})
               WHERE entity = 'person' AND before ->> ${inRow} = ${from}`.execute(db);
    for (const path of [`$.survivor.row.${column}`, `$.merged.row.${column}`]) {
      await sql`UPDATE merges SET snapshot = json_set(snapshot, ${path}, ${to})
                 WHERE entity = 'person' AND snapshot ->> ${path} = ${from}`.execute(db);
    }
  }
  // The copies changed with the people: merges and imports nothing else changed since stay cleanly reversible.
  const renamed = rows.map((row) => row.id);
  await keepMergesReversible(db, 'people', renamed);
  await keepImportsReversible(db, renamed);
}

export async function deleteMergeSnapshots(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('merges')
    .where('entity', '=', 'person')
    .where((eb) => eb.or([eb('survivor_id', 'in', ids), eb('merged_id', 'in', ids)]))
    .execute();
}

/**
 * Rewrites a search index without deleted entries. A contentless_delete FTS5 table deletes by
 * leaving a tombstone: the words stay in its segments until they are merged, and 'optimize' merges
 * them all now. It rewrites the whole index (about a second for 100,000 people), fine for a rare,
 * deliberate operation (an erase, emptying the trash); with secure_delete on, the pages it frees are zeroed.
 */
export async function purgeSearchIndex(db: Executor, entity: 'person' | 'company'): Promise<void> {
  const index = sql.table(entity === 'person' ? 'people_search' : 'companies_search');
  await sql`INSERT INTO ${index} (${index}) VALUES ('optimize')`.execute(db);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `fileName` with every one of `words` cut out where it stands as a word (case and ё folded), its extension kept. */
export function withoutWords(fileName: string, words: readonly string[]): string {
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  const extension = dot > 0 ? fileName.slice(dot) : '';
  let left = base;
  for (const word of words) {
    if (word.length < 2) continue;
    const pattern = [...word].map((char) => (/[её]/iu.test(char) ? '[ЕЁеё]' : escapeRegExp(char))).join('');
    // Whole words only: «li» is no part of «clients_list».
    left = left.replace(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu'), '');
  }
  if (left === base) return fileName;
  const rest = left.replace(/[\s_.,()-]+/g, ' ').trim();
  return `${rest === '' ? '…' : rest}${extension}`;
}
