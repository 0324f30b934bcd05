/**
 * The data subject's rights: a copy of everything stored about a person (export) and the right to
 * be forgotten (erase). An erased person leaves a tombstone row only: activities keep pointing at
 * it so counts and statistics stay right, but no name, contact or text survives, not even in the
 * file's free space.
 */
import { AppError } from '../../shared/errors';
import type { CustomFieldValue } from '../../shared/domain/custom-fields';
import type { PersonalDataExport } from '../../shared/domain/privacy';
import { sortKey } from '../../shared/text/fold';
import { forgetImportSnapshots } from '../db/repositories/imports';
import type { AppDb } from '../db/kysely';
import type { Executor } from '../db/repositories/executor';
import {
  anonymisePeople,
  blankActivityTexts,
  blankNameInImportFiles,
  deleteMergeSnapshots,
  deletePersonalRows,
  deleteTags,
  findPersonForPrivacy,
  forgetCopiesHoldingMergedData,
  listAllActivitiesOfPerson,
  listStoredCustomValues,
  importHistoryOf,
  mergeHistoryOf,
  purgeSearchIndex,
  tagsOnlyOf,
  type PrivacyActivityRow,
  type PrivacyPersonRow,
  type StoredCustomValue,
} from '../db/repositories/privacy';
import { reindexPeople } from '../db/search-index';
import { TOMBSTONE_NAMES } from '../db/repositories/record-snapshot';
import { mergedAwayIds } from '../db/repositories/trash';
import { rowsToCustomValues } from './custom-field-values';
import { readRelations } from './record-relations';
import type { ServiceEnv } from './service-env';

/**
 * What an erased person's row keeps as its name. A fixed neutral label, stored in Russian like the
 * rest of the data: the row never shows in lists, search or the trash, so it is only seen by
 * someone reading the file itself.
 */
export const ERASED_PERSON_LABEL = TOMBSTONE_NAMES.person;

const EXPORT_FORMAT = 'kartoteka-personal-data';
const EXPORT_FORMAT_VERSION = 1;

function notFound(id: number): AppError {
  return new AppError('NotFound', 'The person does not exist', { id });
}

function consent(granted: 0 | 1 | null, at: string | null, source: string | null) {
  return granted === null ? null : { granted: granted === 1, at, source };
}

function customFieldEntries(stored: StoredCustomValue[]) {
  const byField = new Map<number, StoredCustomValue[]>();
  for (const value of stored) byField.set(value.definition.id, [...(byField.get(value.definition.id) ?? []), value]);
  return [...byField.values()].map((values) => {
    const { definition } = values[0]!;
    const parsed = {
      ...definition,
      options: JSON.parse(definition.options) as string[],
    };
    const rows = values.map((value) => ({ fieldId: definition.id, text: value.text, number: value.number }));
    const value: CustomFieldValue = rowsToCustomValues([parsed], rows)[definition.key] ?? null;
    return {
      key: definition.key,
      label: definition.label,
      type: definition.type,
      value,
      archived: definition.archived_at !== null,
    };
  });
}

function activityEntry(row: PrivacyActivityRow) {
  return {
    id: row.id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    durationMinutes: row.duration_minutes,
    direction: row.direction,
    subject: row.subject,
    body: row.body,
    outcome: row.outcome,
    company: row.company_id === null ? null : { id: row.company_id, name: row.company_name },
    owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    /** Set when the activity was deleted from the timeline: still stored, so still exported. */
    deletedAt: row.deleted_at,
  };
}

/** One stored person record with everything hanging off it. */
async function describePerson(db: Executor, row: PrivacyPersonRow) {
  const [relations, customValues, activities] = await Promise.all([
    readRelations(db, { personId: row.id }),
    listStoredCustomValues(db, row.id),
    listAllActivitiesOfPerson(db, row.id),
  ]);
  return {
    person: {
      id: row.id,
      displayName: row.display_name,
      lastName: row.last_name,
      firstName: row.first_name,
      middleName: row.middle_name,
      company: row.company_id === null ? null : { id: row.company_id, name: row.company_name },
      position: row.position,
      website: row.website,
      birthday: row.birthday,
      source: row.source,
      city: row.city,
      owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name },
      preferredChannel: row.preferred_channel,
      language: row.language,
      notes: row.notes,
      phones: relations.phones,
      emails: relations.emails,
      addresses: relations.addresses,
      tags: relations.tags,
      customFields: customFieldEntries(customValues),
      contactConsent: consent(row.contact_consent, row.contact_consent_at, row.contact_consent_source),
      marketingConsent: consent(row.marketing_consent, row.marketing_consent_at, row.marketing_consent_source),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
    },
    activities: activities.map(activityEntry),
  };
}

/** The user's calendar day, as the file name shows it. */
function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Longest name part kept in a file name: Cyrillic takes two bytes a letter, and 255 bytes is the usual cap. */
const MAX_NAME_LENGTH = 100;

/**
 * A file name every common file system accepts: no characters Windows forbids (<>:"/\|?*), no
 * control characters, no trailing dots or spaces; Cyrillic and other letters stay.
 */
export function safeFileName(name: string, extension: string): string {
  const cleaned = [...name.replace(/[<>:"/\\|?*\p{Cc}]/gu, ' ').replace(/\s+/g, ' ')]
    .slice(0, MAX_NAME_LENGTH)
    .join('')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return `${cleaned === '' ? 'export' : cleaned}.${extension}`;
}

/**
 * Everything stored about a person as one JSON document: the record (consents with dates and
 * sources, custom fields with their labels, archived ones too), phones, e-mails, addresses, tags,
 * company and owner, every activity oldest first (deleted ones too, marked), and the records
 * merged into this person. Works for people in the trash; an erased person is NotFound.
 */
export async function exportPersonalData(
  db: AppDb,
  id: number,
  env: ServiceEnv,
  language: 'ru' | 'en' = 'ru',
): Promise<PersonalDataExport> {
  const row = await findPersonForPrivacy(db, id);
  if (!row || row.erased_at !== null) throw notFound(id);
  const main = await describePerson(db, row);
  const merged = [];
  const mergedIds = await mergedAwayIds(db, 'person', [id]);
  for (const mergedId of mergedIds) {
    const mergedRow = await findPersonForPrivacy(db, mergedId);
    if (mergedRow && mergedRow.erased_at === null) merged.push(await describePerson(db, mergedRow));
  }
  const everyone = [id, ...mergedIds];
  const history = {
    /**
     * Imports that created or updated the person. The copy an update keeps for its undo is left
     * out: taken while another record was merged into this one, it holds that person's data too.
     */
    imports: (await importHistoryOf(db, everyone)).map((entry) => ({
      recordId: entry.record_id,
      file: entry.file_name,
      at: entry.started_at,
      undoneAt: entry.undone_at,
      action: entry.action,
    })),
    /** Merges the person took part in, with the copies of both records kept for undoing them. */
    merges: (await mergeHistoryOf(db, everyone)).map((entry) => ({
      survivorId: entry.survivor_id,
      mergedId: entry.merged_id,
      at: entry.merged_at,
      undoneAt: entry.undone_at,
      earlierValues: entry.snapshot === '' ? null : (JSON.parse(entry.snapshot) as unknown),
    })),
  };
  const now = env.now();
  const document = {
    application: 'Kartoteka',
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    activitiesOrder: 'oldest first',
    ...main,
    /** Duplicates that were merged into this person: kept so the merge can be undone. */
    mergedRecords: merged,
    history,
  };
  return {
    fileName: safeFileName(`${row.display_name} — ${language === 'ru' ? 'данные' : 'data'} ${localDate(now)}`, 'json'),
    mimeType: 'application/json',
    content: `${JSON.stringify(document, null, 2)}\n`,
  };
}

/** Compares a typed name as people type it: outer spaces and Unicode composition of ё/й don't matter. */
function sameName(typed: string, stored: string): boolean {
  return typed.trim().normalize('NFC') === stored.trim().normalize('NFC');
}

/**
 * Irreversibly anonymises a person once `confirmation` is their display name: the row becomes a
 * tombstone (ERASED_PERSON_LABEL, erased and deleted now), phones, e-mails, addresses, tags and
 * custom values are deleted, activities lose their subject, text and outcome but keep kind, time,
 * duration and direction. Records merged into the person and merge snapshots holding their data
 * go too. All in one transaction, with the search index rewritten without the person's words.
 */
export function erasePerson(db: AppDb, id: number, confirmation: string, env: ServiceEnv): Promise<void> {
  return eraseLeavingNoTrace(db, id, confirmation, env);
}

/**
 * Every connection runs with secure_delete = ON (freed cells and pages are zeroed) and
 * temp_store = MEMORY (the cipher writes temporary files unencrypted; see main/db/open.ts), so
 * neither the file's free space nor a temporary file keeps the erased text.
 */
async function eraseLeavingNoTrace(db: AppDb, id: number, confirmation: string, env: ServiceEnv): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findPersonForPrivacy(trx, id);
    if (!row || row.erased_at !== null) throw notFound(id);
    if (row.merged_into_id !== null) {
      // The copy's data lives on in the record it was merged into: erasing the copy erases nothing.
      throw new AppError('InvalidInput', 'Erase the record this one was merged into', {
        field: 'mergedIntoId',
        mergedIntoId: row.merged_into_id,
      });
    }
    if (!sameName(confirmation, row.display_name)) {
      throw new AppError('InvalidInput', 'Type the name of the person to erase them', { field: 'confirmation' });
    }
    const ids = [id, ...(await mergedAwayIds(trx, 'person', [id]))];
    const now = env.now().toISOString();
    // Read before the rows they come from go.
    const ownTags = await tagsOnlyOf(trx, ids);
    await blankNameInImportFiles(trx, ids, now);
    await forgetCopiesHoldingMergedData(trx, ids);
    await anonymisePeople(trx, ids, { displayName: ERASED_PERSON_LABEL, sortKey: sortKey(ERASED_PERSON_LABEL) }, now);
    await deletePersonalRows(trx, ids);
    await deleteTags(trx, ownTags);
    await blankActivityTexts(trx, ids, now);
    await deleteMergeSnapshots(trx, ids);
    // An import's undo snapshot copies the whole person too; that import can no longer restore them.
    await forgetImportSnapshots(trx, 'person', ids);
    // Deleted people are not re-added, so this only removes them; the optimize then drops their words.
    await reindexPeople(trx, ids);
    await purgeSearchIndex(trx, 'person');
  });
}
