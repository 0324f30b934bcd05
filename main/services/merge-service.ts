import { sql } from 'kysely';
import { AppError } from '../../shared/errors';
import { MAX_ADDRESSES, MAX_EMAILS, MAX_PHONES, MAX_TAGS } from '../../shared/domain/contact-points';
import type { Company, CompanyValues } from '../../shared/domain/companies';
import {
  MergeRequest,
  mergeableCompanyFields,
  mergeableFields,
  type MergeEntity,
  type MergeRecord,
} from '../../shared/domain/duplicates';
import { laterConsent, type Person, type PersonValues } from '../../shared/domain/people';
import { composeDisplayName } from '../../shared/text/person-name';
import type { AppDb } from '../db/kysely';
import type { Executor } from '../db/repositories/executor';
import { idList } from '../db/id-list';
import { restoreRecordSnapshot, takeRecordSnapshot, type RecordSnapshot } from '../db/repositories/record-snapshot';
import { reindexCompanies, reindexPeople } from '../db/search-index';
import { getCompany, writeCompanyUpdate } from './companies-service';
import { getPerson, writePersonUpdate } from './people-service';
import type { Relations, RelationValues } from './record-relations';
import type { ServiceEnv } from './service-env';

type Choices = Record<string, 'survivor' | 'merged'>;

/** Rows that point at the merged record and move to the survivor (deals and tasks add theirs). */
type Move = { table: 'activities' | 'people'; column: 'person_id' | 'company_id' };
const moveKey = (move: Move) => `${move.table}.${move.column}`;

/** What a merge stores to be undone. */
type MergeSnapshot = {
  survivor: RecordSnapshot;
  merged: RecordSnapshot;
  /** Ids of the rows each move took over, by `table.column`. */
  moved?: Record<string, number[]>;
  /** Older person merges stored only this. */
  movedActivityIds?: number[];
  /** The survivor's version right after the merge: a later one means it was edited since. */
  survivorVersionAfter: number;
};

/** What a merge needs of every kind of record. */
type KindRecord = { id: number; version: number; deletedAt: string | null };

/** How one kind of record is read, combined, written and reindexed by a merge. */
type MergeKind<R extends KindRecord, V> = {
  entity: MergeEntity;
  table: 'people' | 'companies';
  nameColumn: 'display_name' | 'name';
  moves: readonly Move[];
  get: (db: Executor, id: number) => Promise<R>;
  combine: (survivor: R, merged: R, choices: Choices) => V;
  write: (trx: Executor, id: number, version: number, values: V, env: ServiceEnv) => Promise<void>;
  reindex: (trx: Executor, ids: number[]) => Promise<void>;
};

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The chosen side of each field; with no choice, the survivor's value unless it is empty. */
function pickFields<V extends Record<string, unknown>>(
  a: V,
  b: V,
  fields: readonly (keyof V & string)[],
  choices: Choices,
): V {
  const pick = (field: keyof V & string) => {
    const choice = choices[field] ?? (isEmpty(a[field]) && !isEmpty(b[field]) ? 'merged' : 'survivor');
    return choice === 'merged' ? b[field] : a[field];
  };
  return Object.fromEntries(fields.map((field) => [field, pick(field)])) as V;
}

/**
 * The list both records fill, refused when it holds more than a record may: saved, the record
 * could be saved no more (every form save and import update would fail its check).
 */
function withinLimit<T>(items: T[], limit: number, reason: string): T[] {
  if (items.length > limit) {
    throw new AppError('InvalidInput', `Together the records have ${items.length} of what a record may have ${limit}`, {
      reason,
      count: items.length,
      limit,
    });
  }
  return items;
}

/** Phones, e-mails, addresses and tags of both; custom fields chosen like scalars. */
function combineRelations(survivor: Relations, merged: Relations, choices: Choices): RelationValues {
  // Every field either record has: picking the merged copy's empty value empties the field.
  const keys = new Set([...Object.keys(survivor.customFields), ...Object.keys(merged.customFields)]);
  const customFields = Object.fromEntries(
    [...keys].flatMap((key) => {
      const own = survivor.customFields[key];
      const choice = choices[`custom.${key}`] ?? (isEmpty(own) ? 'merged' : 'survivor');
      const value = choice === 'merged' ? merged.customFields[key] : own;
      return value === undefined ? [] : [[key, value] as const];
    }),
  );
  return {
    phones: withinLimit(
      uniqueBy([...survivor.phones, ...merged.phones], (phone) => phone.value).map((phone) => ({
        value: phone.value,
        label: phone.label,
      })),
      MAX_PHONES,
      'tooManyPhones',
    ),
    emails: withinLimit(
      uniqueBy([...survivor.emails, ...merged.emails], (email) => email.value),
      MAX_EMAILS,
      'tooManyEmails',
    ),
    addresses: withinLimit(
      uniqueBy([...survivor.addresses, ...merged.addresses], (address) => JSON.stringify({ ...address, label: '' })),
      MAX_ADDRESSES,
      'tooManyAddresses',
    ),
    tags: withinLimit(
      uniqueBy([...survivor.tags, ...merged.tags], (tag) => tag.toLocaleLowerCase('ru')),
      MAX_TAGS,
      'tooManyTags',
    ),
    customFields,
  };
}

/** The survivor's values after the merge: chosen scalars, and phones, e-mails, addresses and tags of both. */
export function mergedValues(survivor: Person, merged: Person, choices: Choices): PersonValues {
  const asValues = (person: Person) => ({
    lastName: person.lastName,
    firstName: person.firstName,
    middleName: person.middleName,
    displayName: person.displayName,
    // The survivor keeps its own link even to a company in the trash; the merged copy's trashed
    // company is no value to take (no new link to a trashed company is made).
    companyId: person.company && (person === survivor || !person.company.inTrash) ? person.company.id : null,
    position: person.position,
    website: person.website,
    birthday: person.birthday,
    source: person.source,
    ownerId: person.owner?.id ?? null,
    preferredChannel: person.preferredChannel,
    language: person.language,
    notes: person.notes,
    contactConsent: person.contactConsent,
    marketingConsent: person.marketingConsent,
  });
  const consentChoices: Choices = {
    contactConsent: laterConsent(survivor.contactConsent, merged.contactConsent),
    marketingConsent: laterConsent(survivor.marketingConsent, merged.marketingConsent),
  };
  const all = { ...consentChoices, ...choices };
  const picked = pickFields(asValues(survivor), asValues(merged), mergeableFields, all);
  // A display name built from its record's name parts is built again from the parts picked (the
  // form treats it the same way); one typed by hand is kept as it is.
  const from = picked.displayName === survivor.displayName ? survivor : merged;
  if (picked.displayName === composeDisplayName(from)) picked.displayName = composeDisplayName(picked);
  return { ...picked, ...combineRelations(survivor, merged, choices) };
}

/** A company's values after the merge, like mergedValues for people. */
export function mergedCompanyValues(survivor: Company, merged: Company, choices: Choices): CompanyValues {
  const asValues = (company: Company) => ({
    name: company.name,
    legalName: company.legalName,
    website: company.website,
    industry: company.industry,
    source: company.source,
    ownerId: company.owner?.id ?? null,
    notes: company.notes,
  });
  return {
    ...pickFields(asValues(survivor), asValues(merged), mergeableCompanyFields, choices),
    ...combineRelations(survivor, merged, choices),
  };
}

const personKind: MergeKind<Person, PersonValues> = {
  entity: 'person',
  table: 'people',
  nameColumn: 'display_name',
  moves: [{ table: 'activities', column: 'person_id' }],
  get: getPerson,
  combine: mergedValues,
  write: writePersonUpdate,
  reindex: (trx, ids) => reindexPeople(trx, ids),
};

const companyKind: MergeKind<Company, CompanyValues> = {
  entity: 'company',
  table: 'companies',
  nameColumn: 'name',
  moves: [
    { table: 'people', column: 'company_id' },
    { table: 'activities', column: 'company_id' },
  ],
  get: getCompany,
  combine: mergedCompanyValues,
  write: writeCompanyUpdate,
  // With their people: the moved ones and the survivor's are found by the company's name.
  reindex: reindexCompanies,
};

async function moveRows(trx: Executor, move: Move, from: number, to: number, ids?: number[]): Promise<number[]> {
  if (ids?.length === 0) return [];
  const only = ids === undefined ? sql`` : sql`AND id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  // The version moves so an edit started before the move is seen as stale.
  const { rows } = await sql<{ id: number }>`
    UPDATE ${sql.table(move.table)} SET ${sql.ref(move.column)} = ${to}, version = version + 1
     WHERE ${sql.ref(move.column)} = ${from} ${only}
     RETURNING id`.execute(trx);
  return rows.map((row) => row.id);
}

async function mergeInside<R extends KindRecord, V>(
  kind: MergeKind<R, V>,
  trx: Executor,
  request: MergeRequest,
  env: ServiceEnv,
): Promise<number> {
  const { survivorId, mergedId, choices, versions } = MergeRequest.parse(request);
  if (survivorId === mergedId) throw new AppError('InvalidInput', 'A record cannot be merged with itself');
  const survivor = await kind.get(trx, survivorId);
  const merged = await kind.get(trx, mergedId);
  if (versions && (survivor.version !== versions.survivor || merged.version !== versions.merged)) {
    throw new AppError('Conflict', 'A record was changed after the merge screen showed it', { survivorId, mergedId });
  }
  if (survivor.deletedAt !== null || merged.deletedAt !== null) {
    throw new AppError('InvalidInput', 'Only records that are not in the trash can be merged');
  }
  const survivorBefore = (await takeRecordSnapshot(trx, kind.entity, survivorId))!;
  const mergedBefore = (await takeRecordSnapshot(trx, kind.entity, mergedId))!;

  await kind.write(trx, survivorId, survivor.version, kind.combine(survivor, merged, choices), env);
  const moved: Record<string, number[]> = {};
  for (const move of kind.moves) moved[moveKey(move)] = await moveRows(trx, move, mergedId, survivorId);
  const now = env.now().toISOString();
  await sql`UPDATE ${sql.table(kind.table)}
               SET deleted_at = ${now}, merged_into_id = ${survivorId}, updated_at = ${now}, version = version + 1
             WHERE id = ${mergedId}`.execute(trx);
  const after = await sql<{ version: number }>`
    SELECT version FROM ${sql.table(kind.table)} WHERE id = ${survivorId}`.execute(trx);
  const snapshot: MergeSnapshot = {
    survivor: survivorBefore,
    merged: mergedBefore,
    moved,
    survivorVersionAfter: after.rows[0]!.version,
  };
  const { id } = await trx
    .insertInto('merges')
    .values({
      entity: kind.entity,
      survivor_id: survivorId,
      merged_id: mergedId,
      snapshot: JSON.stringify(snapshot),
      merged_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await kind.reindex(trx, [survivorId, mergedId]);
  return id;
}

/**
 * Puts both records back as they were before the merge, and the moved rows back on the merged
 * one. If the survivor was edited after the merge, those edits would be lost: that is refused
 * with Conflict unless `force` is given.
 */
async function unmergeInside<R extends KindRecord, V>(
  kind: MergeKind<R, V>,
  trx: Executor,
  mergeId: number,
  force: boolean,
  env: ServiceEnv,
): Promise<R> {
  const merge = await trx
    .selectFrom('merges')
    .selectAll()
    .where('id', '=', mergeId)
    .where('entity', '=', kind.entity)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  if (!merge) throw new AppError('NotFound', 'This merge does not exist or was already undone', { mergeId });
  const later = await trx
    .selectFrom('merges')
    .select('id')
    .where('entity', '=', kind.entity)
    .where('survivor_id', '=', merge.survivor_id)
    .where('id', '>', mergeId)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  if (later) {
    // Even forced: the snapshot predates the later merge, so restoring it would corrupt both.
    throw new AppError('Conflict', 'A later merge into this record has to be undone first', {
      mergeId,
      laterMergeId: later.id,
    });
  }
  // The copy must still be the one this merge hid: an import undo or an erase may have removed it.
  const copy = await sql<{ id: number }>`
    SELECT id FROM ${sql.table(kind.table)}
     WHERE id = ${merge.merged_id} AND merged_into_id = ${merge.survivor_id} AND erased_at IS NULL`.execute(trx);
  if (copy.rows.length === 0) {
    throw new AppError('NotFound', 'The record merged here no longer exists', { mergeId });
  }
  const snapshot = JSON.parse(merge.snapshot) as MergeSnapshot;
  const survivor = await kind.get(trx, merge.survivor_id).catch(() => undefined);
  if (!survivor || survivor.deletedAt !== null) {
    throw new AppError('InvalidInput', 'The record is in the trash or merged again; restore that first', { mergeId });
  }
  if (survivor.version !== snapshot.survivorVersionAfter && !force) {
    throw new AppError('Conflict', 'The record was edited after the merge; unmerging would undo those edits', {
      mergeId,
      editedSince: true,
    });
  }
  await restoreRecordSnapshot(trx, kind.entity, snapshot.survivor);
  await restoreRecordSnapshot(trx, kind.entity, snapshot.merged);
  const moved = snapshot.moved ?? { 'activities.person_id': snapshot.movedActivityIds ?? [] };
  for (const move of kind.moves) {
    await moveRows(trx, move, merge.survivor_id, merge.merged_id, moved[moveKey(move)] ?? []);
  }
  // The snapshot is of no more use, and it holds the merged record's data as it was: an erase of
  // that person later must not find a copy here.
  await trx
    .updateTable('merges')
    .set({ undone_at: env.now().toISOString(), snapshot: '{}' })
    .where('id', '=', mergeId)
    .execute();
  await kind.reindex(trx, [merge.survivor_id, merge.merged_id]);
  const restored = await kind.get(trx, merge.survivor_id);
  await stillReversible(trx, kind.entity, restored, snapshot.survivor);
  await stillReversible(trx, kind.entity, await kind.get(trx, merge.merged_id), snapshot.merged);
  return restored;
}

/**
 * Both records are back as earlier merges into them left them (if nothing happened in between):
 * those merges are cleanly reversible again, at the version the restore gave.
 */
async function stillReversible(
  trx: Executor,
  entity: MergeEntity,
  restored: { id: number; version: number },
  before: RecordSnapshot,
): Promise<void> {
  await sql`UPDATE merges SET snapshot = json_set(snapshot, '$.survivorVersionAfter', ${restored.version})
             WHERE entity = ${entity} AND survivor_id = ${restored.id} AND undone_at IS NULL
               AND snapshot ->> '$.survivorVersionAfter' = ${before.row['version'] as number}`.execute(trx);
}

/**
 * Merges `mergedId` into `survivorId`: the survivor takes the chosen values and both records'
 * phones, e-mails, addresses and tags; the timeline moves over; the merged person leaves every
 * list. Everything it changed is kept, so unmergePeople restores both exactly.
 */
export async function mergePeople(
  db: AppDb,
  request: MergeRequest,
  env: ServiceEnv,
): Promise<{ mergeId: number; person: Person }> {
  return db.transaction().execute(async (trx) => {
    const mergeId = await mergeInside(personKind, trx, request, env);
    return { mergeId, person: await getPerson(trx, request.survivorId) };
  });
}

/**
 * Merges one company into another like mergePeople; its people, timeline, tags, contacts and
 * addresses go to the survivor.
 */
export async function mergeCompanies(
  db: AppDb,
  request: MergeRequest,
  env: ServiceEnv,
): Promise<{ mergeId: number; company: Company }> {
  return db.transaction().execute(async (trx) => {
    const mergeId = await mergeInside(companyKind, trx, request, env);
    return { mergeId, company: await getCompany(trx, request.survivorId) };
  });
}

const isOverLimit = (error: unknown) =>
  error instanceof AppError &&
  error.code === 'InvalidInput' &&
  String(error.details?.['reason'] ?? '').startsWith('tooMany');

/**
 * Merges many pairs of one entity in one transaction (the bulk merge of exact duplicates); a pair
 * that together holds more than a record may is skipped. How many were merged.
 */
export async function mergeMany(
  db: AppDb,
  entity: MergeEntity,
  requests: MergeRequest[],
  env: ServiceEnv,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let merged = 0;
    for (const request of requests) {
      try {
        if (entity === 'person') await mergeInside(personKind, trx, request, env);
        else await mergeInside(companyKind, trx, request, env);
        merged += 1;
      } catch (error) {
        // Refused before anything was written: that pair is left for the user to look at.
        if (!isOverLimit(error)) throw error;
      }
    }
    return merged;
  });
}

export async function unmergePeople(db: AppDb, mergeId: number, force: boolean, env: ServiceEnv): Promise<Person> {
  return db.transaction().execute((trx) => unmergeInside(personKind, trx, mergeId, force, env));
}

export async function unmergeCompanies(db: AppDb, mergeId: number, force: boolean, env: ServiceEnv): Promise<Company> {
  return db.transaction().execute((trx) => unmergeInside(companyKind, trx, mergeId, force, env));
}

const unmergedByForce = <R extends KindRecord, V>(
  kind: MergeKind<R, V>,
  trx: Executor,
  mergeId: number,
  env: ServiceEnv,
): Promise<boolean> =>
  unmergeInside(kind, trx, mergeId, true, env).then(
    () => true,
    (error: unknown) => {
      if (error instanceof AppError) return false;
      throw error;
    },
  );

/** The record merged in goes to the trash as itself, with the timeline the merge moved. */
async function letOutOfMerge<R extends KindRecord, V>(
  kind: MergeKind<R, V>,
  trx: Executor,
  merge: { survivor_id: number; merged_id: number; snapshot: string },
): Promise<void> {
  const { rows } = await sql<{ id: number }>`
    UPDATE ${sql.table(kind.table)} SET merged_into_id = NULL, version = version + 1
     WHERE id = ${merge.merged_id} AND merged_into_id = ${merge.survivor_id} AND erased_at IS NULL
    RETURNING id`.execute(trx);
  if (rows.length === 0) return;
  const moved = (JSON.parse(merge.snapshot) as MergeSnapshot).moved ?? {};
  for (const move of kind.moves) {
    await moveRows(trx, move, merge.survivor_id, merge.merged_id, moved[moveKey(move)] ?? []);
  }
  await kind.reindex(trx, [merge.merged_id]);
}

/**
 * Before records are removed for good by an import's undo: the merges they take part in are undone
 * or let go, so nothing that was never the import's goes with them. A merge into one of them is
 * undone, newest first (the record merged in comes back with its timeline); where that can't be
 * (the survivor is in the trash), the record merged in is let out of the merge into the trash,
 * with its timeline. A merge of one of them into another record is forgotten: that record keeps
 * what it took, as the user chose it.
 */
export async function releaseMergesOf(
  trx: Executor,
  entity: MergeEntity,
  ids: readonly number[],
  env: ServiceEnv,
): Promise<void> {
  if (ids.length === 0) return;
  if (entity === 'person') await releaseMerges(personKind, trx, ids, env);
  else await releaseMerges(companyKind, trx, ids, env);
}

async function releaseMerges<R extends KindRecord, V>(
  kind: MergeKind<R, V>,
  trx: Executor,
  ids: readonly number[],
  env: ServiceEnv,
): Promise<void> {
  const entity = kind.entity;
  const removed = new Set(ids);
  const { rows } = await sql<{ id: number; survivor_id: number; merged_id: number; snapshot: string }>`
    SELECT id, survivor_id, merged_id, snapshot FROM merges
     WHERE entity = ${entity} AND undone_at IS NULL
       AND (survivor_id IN (${idList(ids)}) OR merged_id IN (${idList(ids)}))
     ORDER BY id DESC`.execute(trx);
  for (const merge of rows) {
    if (!removed.has(merge.merged_id) && !(await unmergedByForce(kind, trx, merge.id, env))) {
      await letOutOfMerge(kind, trx, merge);
    }
    await sql`DELETE FROM merges WHERE id = ${merge.id}`.execute(trx);
  }
}

/** Merges into this person or company that can still be undone, newest first. */
export async function listMerges(db: Executor, entity: MergeEntity, survivorId: number): Promise<MergeRecord[]> {
  const kind = entity === 'person' ? personKind : companyKind;
  const { rows } = await sql<{
    id: number;
    survivor_id: number;
    merged_id: number;
    merged_at: string;
    snapshot: string;
    merged_name: string;
    version: number;
  }>`
    SELECT m.id, m.survivor_id, m.merged_id, m.merged_at, m.snapshot,
           merged.${sql.ref(kind.nameColumn)} AS merged_name, survivor.version
      FROM merges m
      JOIN ${sql.table(kind.table)} merged ON merged.id = m.merged_id
      JOIN ${sql.table(kind.table)} survivor ON survivor.id = m.survivor_id
     WHERE m.entity = ${entity} AND m.survivor_id = ${survivorId} AND m.undone_at IS NULL
     ORDER BY m.id DESC`.execute(db);
  return rows.map((row, index) => ({
    id: row.id,
    survivorId: row.survivor_id,
    mergedId: row.merged_id,
    mergedName: row.merged_name,
    mergedAt: row.merged_at,
    cleanlyReversible: (JSON.parse(row.snapshot) as MergeSnapshot).survivorVersionAfter === row.version,
    // Newest first: every merge but the first has a later one in place.
    laterMergeFirst: index > 0,
  }));
}
