/**
 * How a row finds the record it describes: by id, e-mail, phone, or name (+ company for people).
 * Keys are looked up a batch at a time; rows of the same file are matched to each other by a
 * 53-bit hash of the same keys, so a million-row file keeps numbers, not strings, in memory.
 */
import { sql } from 'kysely';
import type { ImportEntity } from '../../shared/domain/import-fields';
import type { MatchKey } from '../../shared/domain/imports';
import { sortKey } from '../../shared/text/fold';
import { textHash } from '../../shared/text/text-hash';
import { contactPointSearchKey } from '../db/contact-point-keys';
import type { Executor } from '../db/repositories/executor';
import { isEmptyValue, type FlatRecord } from './flat-record';

export type RowKeys = Array<{ key: MatchKey; value: string }>;

function listValues(flat: FlatRecord, prefix: string): string[] {
  const values: string[] = [];
  for (const field in flat) {
    const value = flat[field];
    if (field.startsWith(prefix) && Array.isArray(value)) values.push(...value);
  }
  return values;
}

/** The keys of a row, in the order the user ranked them. */
export function rowKeys(flat: FlatRecord, entity: ImportEntity, name: string, keys: readonly MatchKey[]): RowKeys {
  const found: RowKeys = [];
  for (const key of keys) {
    if (key === 'id' && typeof flat['id'] === 'number') found.push({ key, value: String(flat['id']) });
    if (key === 'email') for (const email of listValues(flat, 'email.')) found.push({ key, value: email });
    if (key === 'phone') {
      for (const phone of listValues(flat, 'phone.')) {
        const digits = contactPointSearchKey('phone', phone);
        // Short numbers (extensions, "112") would join unrelated people.
        if (digits.length >= 7) found.push({ key, value: digits });
      }
    }
    if (key === 'name' && name !== '') {
      const company = entity === 'person' && !isEmptyValue(flat['company']) ? sortKey(String(flat['company'])) : '';
      found.push({ key, value: `${sortKey(name)}\u0001${company}` });
    }
  }
  return found;
}

/** The key's 53-bit hash (textHash), its kind included. */
export function keyHash(key: MatchKey, value: string): number {
  return textHash(`${key}:${value}`);
}

const ids = (values: Iterable<string>) => JSON.stringify([...new Set(values)]);

/**
 * Existing live records for each key value of a batch: "email:a@b.c" → [ids]. Only records with ids
 * up to `lastIdBefore` count, the ones there before the import: what earlier rows of the file created
 * is found through the file's own key table, as in the dry run, which creates nothing.
 */
export type ExistingMatches = {
  /** "email:a@b.c" → ids of the records holding it. */
  byKey: Map<string, number[]>;
  /** The names of the records found by id, e-mail or phone: a shared office phone must not join two people. */
  names: Map<number, string>;
};

export async function findExisting(
  db: Executor,
  entity: ImportEntity,
  keys: RowKeys,
  lastIdBefore: number,
): Promise<ExistingMatches> {
  const found = new Map<string, number[]>();
  const names = new Map<number, string>();
  const add = (key: MatchKey, value: string, id: number) => {
    const name = `${key}:${value}`;
    const list = found.get(name) ?? [];
    if (!list.includes(id)) list.push(id);
    found.set(name, list);
  };
  const byKey = (key: MatchKey) => keys.filter((item) => item.key === key).map((item) => item.value);
  const table = entity === 'person' ? sql`people` : sql`companies`;
  const ownerColumn = entity === 'person' ? sql`person_id` : sql`company_id`;
  const live =
    entity === 'person'
      ? sql`r.deleted_at IS NULL AND r.erased_at IS NULL AND r.id <= ${lastIdBefore}`
      : sql`r.deleted_at IS NULL AND r.id <= ${lastIdBefore}`;

  const nameColumn = entity === 'person' ? sql`r.display_name` : sql`r.name`;
  const idValues = byKey('id');
  if (idValues.length > 0) {
    const { rows } = await sql<{ id: number; name: string }>`
      SELECT r.id, ${nameColumn} AS name FROM ${table} r
       WHERE r.id IN (SELECT value FROM json_each(${ids(idValues)})) AND ${live}`.execute(db);
    for (const row of rows) {
      add('id', String(row.id), row.id);
      names.set(row.id, row.name);
    }
  }
  for (const kind of ['email', 'phone'] as const) {
    const values = byKey(kind);
    if (values.length === 0) continue;
    const { rows } = await sql<{ id: number; search_key: string; name: string }>`
      SELECT cp.${ownerColumn} AS id, cp.search_key, ${nameColumn} AS name
        FROM contact_points cp JOIN ${table} r ON r.id = cp.${ownerColumn}
       WHERE cp.kind = ${kind} AND cp.search_key IN (SELECT value FROM json_each(${ids(values)})) AND ${live}`.execute(
      db,
    );
    for (const row of rows) {
      add(kind, row.search_key, row.id);
      names.set(row.id, row.name);
    }
  }
  const nameValues = byKey('name');
  if (nameValues.length > 0) {
    const nameKeys = nameValues.map((value) => value.split('\u0001')[0] ?? '');
    const { rows } =
      entity === 'person'
        ? await sql<{ id: number; sort_key: string; company_key: string | null }>`
            SELECT r.id, r.sort_key, c.sort_key AS company_key FROM people r
              LEFT JOIN companies c ON c.id = r.company_id AND c.deleted_at IS NULL
             WHERE r.sort_key IN (SELECT value FROM json_each(${ids(nameKeys)})) AND ${live}`.execute(db)
        : await sql<{ id: number; sort_key: string; company_key: string | null }>`
            SELECT r.id, r.sort_key, NULL AS company_key FROM companies r
             WHERE r.sort_key IN (SELECT value FROM json_each(${ids(nameKeys)})) AND ${live}`.execute(db);
    for (const row of rows) add('name', `${row.sort_key}\u0001${row.company_key ?? ''}`, row.id);
  }
  return { byKey: found, names };
}
