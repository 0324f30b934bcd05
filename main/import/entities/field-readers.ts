/**
 * How each flat field of a record type is read from the database: from the record's own row (the
 * columns it names, so a load selects no others) or from its side rows. The full load that import
 * merges and compares against and an export's load of a few columns both read through these.
 */
import type { CustomFieldDefinition } from '../../../shared/domain/custom-fields';
import type { Executor } from '../../db/repositories/executor';
import { loadRelationsBatch, type BatchRelations, type RelationOwner } from '../../db/repositories/record-batches';
import type { FlatRecord, FlatValue } from '../flat-record';
import type { LoadedRecord, RecordAdapter } from './record-adapter';

export type FieldReader<Row> = {
  /** The record row's columns the value is made from. */
  columns: readonly (keyof Row)[];
  /** Reads the side rows: phones, e-mails, addresses, tags, custom values. */
  related: boolean;
  read(row: Row, relations: BatchRelations): FlatValue;
};

/** A field key and how it is read. */
export type FieldEntry<Row> = [key: string, reader: FieldReader<Row>];

/** A record type's fields in flat-record order, by field key. */
export type FieldTable<Row> = ReadonlyMap<string, FieldReader<Row>>;

/** A field that is one column as stored. */
export function columnField<Row extends { [K in Name]: FlatValue }, Name extends keyof Row>(
  name: Name,
): FieldReader<Row> {
  return { columns: [name], related: false, read: (row) => row[name] };
}

/** A field made from the side rows alone. */
export function relatedField(read: (relations: BatchRelations) => FlatValue): FieldReader<unknown> {
  return { columns: [], related: true, read: (_row, relations) => read(relations) };
}

const noRelations: BatchRelations = { points: [], addresses: [], tags: [], customRows: [] };

type LoaderSpec<Row extends { id: number }> = {
  owner: RelationOwner;
  fields(definitions: CustomFieldDefinition[]): FieldTable<Row>;
  /** The rows of these ids (those a load may see), with these columns and `id`. */
  selectRows(db: Executor, ids: readonly number[], columns: ReadonlySet<keyof Row>): Promise<Row[]>;
  /** The columns `toLoaded` reads besides the fields. */
  recordColumns: readonly (keyof Row)[];
  toLoaded(row: Row, flat: FlatRecord): LoadedRecord;
};

/** A record type's two load paths, both reading through its field table. */
export function recordLoader<Row extends { id: number }>(
  spec: LoaderSpec<Row>,
): Pick<RecordAdapter<unknown>, 'load' | 'loadColumns'> {
  /** The rows with their side rows; those are read only if a field needs them. */
  const read = async (db: Executor, ids: readonly number[], fields: FieldReader<Row>[], extra: (keyof Row)[]) => {
    if (ids.length === 0) return [];
    const columns = new Set<keyof Row>(['id', ...extra, ...fields.flatMap((field) => field.columns)]);
    const rows = await spec.selectRows(db, ids, columns);
    const ownIds = rows.map((row) => row.id);
    const relations = fields.some((field) => field.related) ? await loadRelationsBatch(db, spec.owner, ownIds) : null;
    return rows.map((row) => ({ row, relations: relations?.get(row.id) ?? noRelations }));
  };

  return {
    async load(db, ids, definitions) {
      const fields = spec.fields(definitions);
      const loaded = new Map<number, LoadedRecord>();
      for (const { row, relations } of await read(db, ids, [...fields.values()], [...spec.recordColumns])) {
        const flat: FlatRecord = {};
        for (const [key, field] of fields) flat[key] = field.read(row, relations);
        loaded.set(row.id, spec.toLoaded(row, flat));
      }
      return loaded;
    },

    async loadColumns(db, ids, keys, definitions) {
      const fields = spec.fields(definitions);
      const wanted = keys.map((key) => {
        const field = fields.get(key);
        if (!field) throw new Error(`A ${spec.owner} has no field "${key}"`);
        return field;
      });
      const records = await read(db, ids, wanted, []);
      return new Map(records.map(({ row, relations }) => [row.id, wanted.map((field) => field.read(row, relations))]));
    },
  };
}
