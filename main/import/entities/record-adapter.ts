import type { CustomFieldDefinition } from '../../../shared/domain/custom-fields';
import type { ImportEntity, ImportFieldSpec } from '../../../shared/domain/import-fields';
import type { Executor } from '../../db/repositories/executor';
import type { ServiceEnv } from '../../services/service-env';
import type { FlatRecord, FlatValue } from '../flat-record';

/** Ids the engine resolved from names in the flat record ("owner", "company"). */
export type RecordRefs = { ownerId: number | null; companyId: number | null };

export type LoadedRecord = { id: number; version: number; name: string; flat: FlatRecord; refs: RecordRefs };

/**
 * One record type as import and export see it. People and companies implement it now; deals,
 * tasks and activities add theirs with their own field lists.
 */
export type RecordAdapter<Values> = {
  entity: ImportEntity;
  fields: readonly ImportFieldSpec[];
  /** The name a row is known by (matching, reports); empty when the row has none. */
  nameOf(flat: FlatRecord): string;
  /** Flat values into the service's values; throws a ZodError when they can't be stored. */
  toValues(flat: FlatRecord, refs: RecordRefs, definitions: CustomFieldDefinition[]): Values;
  /** Every field of each record; records a load may not see (erased people) are left out. */
  load(db: Executor, ids: readonly number[], definitions: CustomFieldDefinition[]): Promise<Map<number, LoadedRecord>>;
  /** Only these fields' values, in their order: an export reads no more than it writes. */
  loadColumns(
    db: Executor,
    ids: readonly number[],
    keys: readonly string[],
    definitions: CustomFieldDefinition[],
  ): Promise<Map<number, FlatValue[]>>;
  /** Creates the records with their search documents; returns their ids in order. */
  createMany(db: Executor, values: Values[], definitions: CustomFieldDefinition[], env: ServiceEnv): Promise<number[]>;
  update(db: Executor, id: number, version: number, values: Values, env: ServiceEnv): Promise<void>;
  reindex(db: Executor, ids: readonly number[]): Promise<void>;
};
