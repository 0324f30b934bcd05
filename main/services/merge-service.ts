import { AppError } from '../../shared/errors';
import { MergeRequest, mergeableFields, type MergeRecord } from '../../shared/domain/duplicates';
import type { Person, PersonValues } from '../../shared/domain/people';
import type { AppDb } from '../db/kysely';
import type { Executor } from '../db/repositories/executor';
import { restorePersonSnapshot, takePersonSnapshot, type PersonSnapshot } from '../db/repositories/person-snapshot';
import { reindexPeople } from '../db/search-index';
import { getPerson, writePersonUpdate } from './people-service';
import type { ServiceEnv } from './service-env';

/** What a merge stores to be undone. */
type MergeSnapshot = {
  survivor: PersonSnapshot;
  merged: PersonSnapshot;
  movedActivityIds: number[];
  /** The survivor's version right after the merge: a later one means it was edited since. */
  survivorVersionAfter: number;
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

/** The survivor's values after the merge: chosen scalars, and phones, e-mails, addresses and tags of both. */
export function mergedValues(
  survivor: Person,
  merged: Person,
  choices: Record<string, 'survivor' | 'merged'>,
): PersonValues {
  const asValues = (person: Person) => ({
    lastName: person.lastName,
    firstName: person.firstName,
    middleName: person.middleName,
    displayName: person.displayName,
    companyId: person.company?.id ?? null,
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
  const a = asValues(survivor);
  const b = asValues(merged);
  const pick = <K extends keyof typeof a>(field: K): (typeof a)[K] => {
    const choice = choices[field] ?? (isEmpty(a[field]) && !isEmpty(b[field]) ? 'merged' : 'survivor');
    return choice === 'merged' ? b[field] : a[field];
  };
  const scalars = Object.fromEntries(mergeableFields.map((field) => [field, pick(field)])) as typeof a;
  const customFields = { ...survivor.customFields };
  for (const [key, value] of Object.entries(merged.customFields)) {
    const choice = choices[`custom.${key}`] ?? (isEmpty(customFields[key]) ? 'merged' : 'survivor');
    if (choice === 'merged') customFields[key] = value;
  }
  return {
    ...scalars,
    phones: uniqueBy([...survivor.phones, ...merged.phones], (phone) => phone.value).map((phone) => ({
      value: phone.value,
      label: phone.label,
    })),
    emails: uniqueBy([...survivor.emails, ...merged.emails], (email) => email.value),
    addresses: uniqueBy([...survivor.addresses, ...merged.addresses], (address) =>
      JSON.stringify({ ...address, label: '' }),
    ),
    tags: uniqueBy([...survivor.tags, ...merged.tags], (tag) => tag.toLocaleLowerCase('ru')),
    customFields,
  };
}

async function mergeInside(trx: Executor, request: MergeRequest, env: ServiceEnv): Promise<number> {
  const { survivorId, mergedId, choices } = MergeRequest.parse(request);
  if (survivorId === mergedId) throw new AppError('InvalidInput', 'A person cannot be merged with themselves');
  const survivor = await getPerson(trx, survivorId);
  const merged = await getPerson(trx, mergedId);
  if (survivor.deletedAt !== null || merged.deletedAt !== null) {
    throw new AppError('InvalidInput', 'Only people who are not in the trash can be merged');
  }
  const survivorBefore = (await takePersonSnapshot(trx, survivorId))!;
  const mergedBefore = (await takePersonSnapshot(trx, mergedId))!;

  await writePersonUpdate(trx, survivorId, survivor.version, mergedValues(survivor, merged, choices), env);
  const moved = await trx
    .updateTable('activities')
    .set({ person_id: survivorId })
    .where('person_id', '=', mergedId)
    .returning('id')
    .execute();
  const now = env.now().toISOString();
  await trx
    .updateTable('people')
    .set((eb) => ({ deleted_at: now, merged_into_id: survivorId, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', mergedId)
    .execute();
  const { version } = await trx
    .selectFrom('people')
    .select('version')
    .where('id', '=', survivorId)
    .executeTakeFirstOrThrow();
  const snapshot: MergeSnapshot = {
    survivor: survivorBefore,
    merged: mergedBefore,
    movedActivityIds: moved.map((row) => row.id),
    survivorVersionAfter: version,
  };
  const { id } = await trx
    .insertInto('merges')
    .values({
      entity: 'person',
      survivor_id: survivorId,
      merged_id: mergedId,
      snapshot: JSON.stringify(snapshot),
      merged_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await reindexPeople(trx, [survivorId, mergedId]);
  return id;
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
    const mergeId = await mergeInside(trx, request, env);
    return { mergeId, person: await getPerson(trx, request.survivorId) };
  });
}

/** Merges many pairs in one transaction (the bulk merge of exact duplicates). */
export async function mergeMany(db: AppDb, requests: MergeRequest[], env: ServiceEnv): Promise<number> {
  return db.transaction().execute(async (trx) => {
    for (const request of requests) await mergeInside(trx, request, env);
    return requests.length;
  });
}

/**
 * Puts both people back as they were before the merge. If the survivor was edited after the
 * merge, those edits would be lost: that is refused with Conflict unless `force` is given.
 */
export async function unmergePeople(db: AppDb, mergeId: number, force: boolean, env: ServiceEnv): Promise<Person> {
  return db.transaction().execute(async (trx) => {
    const merge = await trx
      .selectFrom('merges')
      .selectAll()
      .where('id', '=', mergeId)
      .where('undone_at', 'is', null)
      .executeTakeFirst();
    if (!merge) throw new AppError('NotFound', 'This merge does not exist or was already undone', { mergeId });
    const snapshot = JSON.parse(merge.snapshot) as MergeSnapshot;
    const survivor = await trx
      .selectFrom('people')
      .select(['version', 'deleted_at'])
      .where('id', '=', merge.survivor_id)
      .executeTakeFirst();
    if (!survivor || survivor.deleted_at !== null) {
      throw new AppError('InvalidInput', 'The merged person is in the trash or merged again; restore that first', {
        mergeId,
      });
    }
    if (survivor.version !== snapshot.survivorVersionAfter && !force) {
      throw new AppError('Conflict', 'The person was edited after the merge; unmerging would undo those edits', {
        mergeId,
        editedSince: true,
      });
    }
    await restorePersonSnapshot(trx, snapshot.survivor);
    await restorePersonSnapshot(trx, snapshot.merged);
    if (snapshot.movedActivityIds.length > 0) {
      await trx
        .updateTable('activities')
        .set({ person_id: merge.merged_id })
        .where('id', 'in', snapshot.movedActivityIds)
        .where('person_id', '=', merge.survivor_id)
        .execute();
    }
    await trx.updateTable('merges').set({ undone_at: env.now().toISOString() }).where('id', '=', mergeId).execute();
    await reindexPeople(trx, [merge.survivor_id, merge.merged_id]);
    return getPerson(trx, merge.survivor_id);
  });
}

/** Merges into this person that can still be undone, newest first. */
export async function listMerges(db: Executor, personId: number): Promise<MergeRecord[]> {
  const rows = await db
    .selectFrom('merges')
    .innerJoin('people as merged', 'merged.id', 'merges.merged_id')
    .innerJoin('people as survivor', 'survivor.id', 'merges.survivor_id')
    .select([
      'merges.id',
      'merges.survivor_id',
      'merges.merged_id',
      'merges.merged_at',
      'merges.snapshot',
      'merged.display_name',
      'survivor.version',
    ])
    .where('merges.entity', '=', 'person')
    .where('merges.survivor_id', '=', personId)
    .where('merges.undone_at', 'is', null)
    .orderBy('merges.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    survivorId: row.survivor_id,
    mergedId: row.merged_id,
    mergedName: row.display_name,
    mergedAt: row.merged_at,
    cleanlyReversible: (JSON.parse(row.snapshot) as MergeSnapshot).survivorVersionAfter === row.version,
  }));
}
