import type { Selectable } from 'kysely';
import { PersonInput, type PersonValues } from '../../../shared/domain/people';
import { personImportFields } from '../../../shared/domain/import-fields';
import { composeDisplayName } from '../../../shared/text/person-name';
import type { Executor } from '../../db/repositories/executor';
import type { PeopleTable } from '../../db/schema';
import { reindexPeople } from '../../db/search-index';
import { createPeopleBatch } from '../../services/bulk-create';
import { writePersonUpdate } from '../../services/people-service';
import type { FlatRecord, FlatValue } from '../flat-record';
import { columnField, recordLoader, type FieldEntry } from './field-readers';
import type { RecordAdapter } from './record-adapter';
import { flatText, relationFields, relationsFromFlat } from './relations-flat';

/** A person's row as the loads read it: the people columns, its company's name and its owner's name. */
type PersonRow = Selectable<PeopleTable> & { company_name: string | null; owner_name: string | null };

const ownFields: Array<FieldEntry<PersonRow>> = [
  ['id', columnField('id')],
  ['lastName', columnField('last_name')],
  ['firstName', columnField('first_name')],
  ['middleName', columnField('middle_name')],
  [
    'displayName',
    {
      columns: ['display_name', 'last_name', 'first_name', 'middle_name'],
      related: false,
      // A name made from the parts isn't stored as a value of its own.
      read: (row) =>
        row.display_name ===
        composeDisplayName({ lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name })
          ? null
          : row.display_name,
    },
  ],
  ['company', columnField('company_name')],
  ['companyId', columnField('company_id')],
  ['position', columnField('position')],
  ['website', columnField('website')],
  ['birthday', columnField('birthday')],
  ['source', columnField('source')],
  ['owner', columnField('owner_name')],
  ['preferredChannel', columnField('preferred_channel')],
  ['language', columnField('language')],
  ['notes', columnField('notes')],
];

const consent = (key: string, column: 'contact_consent' | 'marketing_consent'): Array<FieldEntry<PersonRow>> => [
  [key, { columns: [column], related: false, read: (row) => (row[column] === null ? null : row[column] === 1) }],
  [`${key}At`, columnField(`${column}_at`)],
  [`${key}Source`, columnField(`${column}_source`)],
];
const consentFields = [
  ...consent('contactConsent', 'contact_consent'),
  ...consent('marketingConsent', 'marketing_consent'),
];

function selectPeople(db: Executor, ids: readonly number[], columns: ReadonlySet<keyof PersonRow>) {
  const selection = [...columns].map((name) =>
    name === 'company_name'
      ? 'companies.name as company_name'
      : name === 'owner_name'
        ? 'users.display_name as owner_name'
        : (`people.${name}` as const),
  );
  // SQLite drops a left join on a primary key whose table no selected column reads.
  return db
    .selectFrom('people')
    .leftJoin('companies', 'companies.id', 'people.company_id')
    .leftJoin('users', 'users.id', 'people.owner_id')
    .select(selection)
    .where('people.id', 'in', [...ids])
    .where('people.erased_at', 'is', null)
    .execute();
}

function consentFromFlat(granted: FlatValue | undefined, at: FlatValue | undefined, source: FlatValue | undefined) {
  if (typeof granted !== 'boolean') return null;
  return { granted, at: flatText(at), source: flatText(source) };
}

function nameParts(flat: FlatRecord) {
  return {
    lastName: flatText(flat['lastName']),
    firstName: flatText(flat['firstName']),
    middleName: flatText(flat['middleName']),
  };
}

export const peopleRecords: RecordAdapter<PersonValues> = {
  entity: 'person',
  fields: personImportFields,
  nameOf: (flat) => flatText(flat['displayName']) ?? composeDisplayName(nameParts(flat)),
  toValues: (flat, refs, definitions) =>
    // Fields spelled out, not spread in from nameParts(): a literal that starts with a spread gets a
    // slow property layout, and zod then reads it ~3× slower (measured on a 20k-row import).
    PersonInput.parse({
      lastName: flatText(flat['lastName']),
      firstName: flatText(flat['firstName']),
      middleName: flatText(flat['middleName']),
      displayName: flatText(flat['displayName']),
      companyId: refs.companyId,
      position: flatText(flat['position']),
      website: flatText(flat['website']),
      birthday: flatText(flat['birthday']),
      source: flatText(flat['source']),
      ownerId: refs.ownerId,
      preferredChannel: flatText(flat['preferredChannel']),
      language: flatText(flat['language']),
      notes: flatText(flat['notes']),
      ...relationsFromFlat(flat, definitions),
      contactConsent: consentFromFlat(flat['contactConsent'], flat['contactConsentAt'], flat['contactConsentSource']),
      marketingConsent: consentFromFlat(
        flat['marketingConsent'],
        flat['marketingConsentAt'],
        flat['marketingConsentSource'],
      ),
    }),
  ...recordLoader<PersonRow>({
    owner: 'person',
    fields: (definitions) => new Map([...ownFields, ...relationFields(definitions), ...consentFields]),
    selectRows: selectPeople,
    recordColumns: ['version', 'display_name', 'owner_id', 'company_id'],
    toLoaded: (row, flat) => ({
      id: row.id,
      version: row.version,
      name: row.display_name,
      flat,
      refs: { ownerId: row.owner_id, companyId: row.company_id },
    }),
  }),
  createMany: createPeopleBatch,
  update: writePersonUpdate,
  reindex: reindexPeople,
};
