import { CompanyInput, type CompanyValues } from '../../../shared/domain/companies';
import { companyImportFields } from '../../../shared/domain/import-fields';
import { loadRelationsBatch } from '../../db/repositories/record-batches';
import { reindexCompanies } from '../../db/search-index';
import { createCompaniesBatch } from '../../services/bulk-create';
import { writeCompanyUpdate } from '../../services/companies-service';
import type { FlatRecord } from '../flat-record';
import type { LoadedRecord, RecordAdapter } from './record-adapter';
import { flatText, relationsFromFlat, relationsToFlat } from './relations-flat';

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
  async load(db, ids, definitions) {
    const loaded = new Map<number, LoadedRecord>();
    if (ids.length === 0) return loaded;
    const rows = await db
      .selectFrom('companies')
      .leftJoin('users', 'users.id', 'companies.owner_id')
      .selectAll('companies')
      .select('users.display_name as owner_name')
      .where('companies.id', 'in', [...ids])
      .execute();
    const relations = await loadRelationsBatch(
      db,
      'company',
      rows.map((row) => row.id),
    );
    for (const row of rows) {
      const flat: FlatRecord = {
        id: row.id,
        name: row.name,
        legalName: row.legal_name,
        website: row.website,
        industry: row.industry,
        source: row.source,
        owner: row.owner_name,
        notes: row.notes,
        ...relationsToFlat(relations.get(row.id)!, definitions),
      };
      loaded.set(row.id, {
        id: row.id,
        version: row.version,
        name: row.name,
        flat,
        refs: { ownerId: row.owner_id, companyId: null },
      });
    }
    return loaded;
  },
  createMany: createCompaniesBatch,
  update: writeCompanyUpdate,
  reindex: reindexCompanies,
};
