import { AppError } from '../../shared/errors';
import { PersonInput, type Person, type PersonValues } from '../../shared/domain/people';
import { sortKey } from '../../shared/text/fold';
import { composeDisplayName } from '../../shared/text/person-name';
import type { AppDb } from '../db/kysely';
import type { Executor } from '../db/repositories/executor';
import { companyExists } from '../db/repositories/companies';
import { findPerson, insertPerson, type PersonRow, type PersonWrite } from '../db/repositories/people';
import { userExists } from '../db/repositories/users';
import { restoreFromTrash, moveToTrash, updateVersioned } from '../db/repositories/versioned';
import { reindexPeople } from '../db/search-index';
import { primaryCity, readRelations, writeRelations } from './record-relations';
import type { ServiceEnv } from './service-env';

/** `linkedCompanyId`: the company the person is linked to now, kept even while it is in the trash. */
async function checkReferences(
  db: Executor,
  values: PersonValues,
  linkedCompanyId: number | null = null,
): Promise<void> {
  const keepsLink = values.companyId === linkedCompanyId;
  if (values.companyId !== null && !keepsLink && !(await companyExists(db, values.companyId))) {
    throw new AppError('NotFound', 'The company does not exist', { companyId: values.companyId });
  }
  if (values.ownerId !== null && !(await userExists(db, values.ownerId))) {
    throw new AppError('NotFound', 'The owner does not exist', { ownerId: values.ownerId });
  }
}

/** A day of clock difference between the computers sharing a file. */
const CLOCK_SLACK_MS = 24 * 60 * 60 * 1000;

/**
 * A consent given or withdrawn later than today is a mistyped year: refused, unless it is the
 * date already stored (an import may have brought it; an edit of another field keeps it).
 */
function checkConsentDates(values: PersonValues, now: Date, stored: ReadonlyArray<string | null> = [null, null]): void {
  const latest = now.getTime() + CLOCK_SLACK_MS;
  (['contactConsent', 'marketingConsent'] as const).forEach((field, index) => {
    const at = values[field]?.at ?? null;
    if (at !== null && at !== stored[index] && Date.parse(at) > latest) {
      throw new AppError('InvalidInput', 'A consent cannot be dated in the future', { field, reason: 'futureConsent' });
    }
  });
}

/** The people row of these values (display name and sort key derived). */
export function personRow(values: PersonValues, updatedAt: string): PersonWrite {
  const displayName = values.displayName ?? composeDisplayName(values);
  if (displayName === '') {
    throw new AppError('InvalidInput', 'A person needs a name', { field: 'lastName' });
  }
  return {
    first_name: values.firstName,
    middle_name: values.middleName,
    last_name: values.lastName,
    display_name: displayName,
    sort_key: sortKey(displayName),
    company_id: values.companyId,
    position: values.position,
    website: values.website,
    birthday: values.birthday,
    source: values.source,
    city: primaryCity(values.addresses),
    owner_id: values.ownerId,
    preferred_channel: values.preferredChannel,
    language: values.language,
    notes: values.notes,
    contact_consent: values.contactConsent === null ? null : values.contactConsent.granted ? 1 : 0,
    contact_consent_at: values.contactConsent?.at ?? null,
    contact_consent_source: values.contactConsent?.source ?? null,
    marketing_consent: values.marketingConsent === null ? null : values.marketingConsent.granted ? 1 : 0,
    marketing_consent_at: values.marketingConsent?.at ?? null,
    marketing_consent_source: values.marketingConsent?.source ?? null,
    updated_at: updatedAt,
  };
}

function consent(granted: 0 | 1 | null, at: string | null, source: string | null) {
  return granted === null ? null : { granted: granted === 1, at, source };
}

async function toPerson(db: Executor, row: PersonRow): Promise<Person> {
  const relations = await readRelations(db, { personId: row.id });
  return {
    id: row.id,
    displayName: row.display_name,
    firstName: row.first_name,
    middleName: row.middle_name,
    lastName: row.last_name,
    company:
      row.company_id === null || row.company_name === null
        ? null
        : { id: row.company_id, name: row.company_name, inTrash: row.company_deleted_at !== null },
    position: row.position,
    website: row.website,
    birthday: row.birthday,
    source: row.source,
    owner: row.owner_id === null || row.owner_name === null ? null : { id: row.owner_id, name: row.owner_name },
    preferredChannel: row.preferred_channel,
    language: row.language,
    notes: row.notes,
    ...relations,
    contactConsent: consent(row.contact_consent, row.contact_consent_at, row.contact_consent_source),
    marketingConsent: consent(row.marketing_consent, row.marketing_consent_at, row.marketing_consent_source),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    mergedIntoId: row.merged_into_id,
    version: row.version,
  };
}

export async function getPerson(db: Executor, id: number): Promise<Person> {
  const row = await findPerson(db, id);
  if (!row || row.erased_at !== null) throw new AppError('NotFound', 'The person does not exist', { id });
  return toPerson(db, row);
}

export async function createPerson(db: AppDb, input: PersonInput, env: ServiceEnv): Promise<Person> {
  const values = PersonInput.parse(input);
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, values);
    checkConsentDates(values, env.now());
    const now = env.now().toISOString();
    const id = await insertPerson(trx, personRow(values, now), now);
    await writeRelations(trx, { personId: id }, values, env.defaultCountry);
    await reindexPeople(trx, [id]);
    return getPerson(trx, id);
  });
}

/**
 * Replaces a person's values inside the caller's transaction; `version` is the one the edit
 * started from. Used by updatePerson and by merges.
 */
export async function writePersonUpdate(
  trx: Executor,
  id: number,
  version: number,
  values: PersonValues,
  env: ServiceEnv,
): Promise<void> {
  const linked = await trx.selectFrom('people').select('company_id').where('id', '=', id).executeTakeFirst();
  await checkReferences(trx, values, linked?.company_id ?? null);
  const outcome = await updateVersioned(trx, 'people', id, version, personRow(values, env.now().toISOString()));
  if (outcome === 'missing') throw new AppError('NotFound', 'The person does not exist', { id });
  if (outcome === 'conflict') throw new AppError('Conflict', 'The person was changed elsewhere', { id });
  await writeRelations(trx, { personId: id }, values, env.defaultCountry);
}

/** Replaces a person's values; `version` is the one the edit started from. */
export async function updatePerson(
  db: AppDb,
  id: number,
  version: number,
  input: PersonInput,
  env: ServiceEnv,
): Promise<Person> {
  const values = PersonInput.parse(input);
  return db.transaction().execute(async (trx) => {
    // Here, not in writePersonUpdate: a merge or an import carries a date already stored.
    const stored = await trx
      .selectFrom('people')
      .select(['contact_consent_at', 'marketing_consent_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    checkConsentDates(values, env.now(), [stored?.contact_consent_at ?? null, stored?.marketing_consent_at ?? null]);
    await writePersonUpdate(trx, id, version, values, env);
    await reindexPeople(trx, [id]);
    return getPerson(trx, id);
  });
}

/** Moves people to the trash: hidden everywhere, restorable until the trash is emptied. */
export async function trashPeople(db: AppDb, ids: readonly number[], env: ServiceEnv): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const now = env.now().toISOString();
    const changed = await moveToTrash(trx, 'people', ids, now);
    await reindexPeople(trx, changed);
    return changed;
  });
}

export async function restorePeople(db: AppDb, ids: readonly number[], env: ServiceEnv): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const changed = await restoreFromTrash(trx, 'people', ids, env.now().toISOString());
    await reindexPeople(trx, changed);
    return changed;
  });
}
