import type { Selectable } from 'kysely';
import { CompanyInput, type CompanyValues } from '../../../shared/domain/companies';
import { companyImportFields } from '../../../shared/domain/import-fields';
import type { Executor } from '../../db/repositories/executor';
import type { CompaniesTable } from '../../db/schema';
import { reindexCompanies } from '../../db/search-index';
import { createCompaniesBatch } from '../../services/bulk-create';
import { writeCompanyUpdate } from '../../services/companies-service';
import { columnField, recordLoader, type FieldEntry } from './field-readers';
import type { RecordAdapter } from './record-adapter';
import { flatText, relationFields, relationsFromFlat } from './relations-flat';

/** A company's row as the loads read it: the companies columns and its owner's name. */
type CompanyRow = Selectable<CompaniesTable> & { owner_name: string | null };

const ownFields: Array<FieldEntry<CompanyRow>> = [
  ['id', columnField('id')],
  ['name', columnField('name')],
  ['legalName', columnField('legal_name')],
  ['website', columnField('website')],
  ['industry', columnField('industry')],
  ['source', columnField('source')],
  ['owner', columnField('owner_name')],
  ['notes', columnField('notes')],
];

function selectCompanies(db: Executor, ids: readonly number[], columns: ReadonlySet<keyof CompanyRow>) {
  const selection = [...columns].map((name) =>
    name === 'owner_name' ? 'users.display_name as owner_name' : (`companies.${name}` as const),
  );
  return db
    .selectFrom('companies')
    .leftJoin('users', 'users.id', 'companies.owner_id')
    .select(selection)
    .where('companies.id', 'in', [...ids])
    .execute();
}

export const companiesRecords: RecordAdapter<CompanyValues> = {
  entity: 'company',
  fields: companyImportFields,
  nameOf: (flat) => flatText(flat['name']) ?? '',
  toValues: (flat, refs, definitions) =>
    CompanyInput.parse({
      name: flatText(flat['name']) ?? '',
      legalName: flatText(flat['legalName']),
      website: flatText(flat['website']),
      industry: flatText(flat['industry']),
      source: flatText(flat['source']),
      ownerId: refs.ownerId,
      notes: flatText(flat['notes']),
      ...relationsFromFlat(flat, definitions),
    }),
  ...recordLoader<CompanyRow>({
    owner: 'company',
    fields: (definitions) => new Map([...ownFields, ...relationFields(definitions)]),
    selectRows: selectCompanies,
    recordColumns: ['version', 'name', 'owner_id'],
    toLoaded: (row, flat) => ({
      id: row.id,
      version: row.version,
      name: row.name,
      flat,
      refs: { ownerId: row.owner_id, companyId: null },
    }),
  }),
  createMany: createCompaniesBatch,
  update: writeCompanyUpdate,
  reindex: reindexCompanies,
};
