import type { ImportEntity } from '../../../shared/domain/import-fields';
import { companiesRecords } from './companies-records';
import { peopleRecords } from './people-records';
import type { RecordAdapter } from './record-adapter';

/** Every record type import and export know, by entity. */
export const recordAdapters: Record<ImportEntity, RecordAdapter<unknown>> = {
  person: peopleRecords as RecordAdapter<unknown>,
  company: companiesRecords as RecordAdapter<unknown>,
};
