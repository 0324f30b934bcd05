/**
 * Bulk loading without secondary indexes: building an index once by sorting is several times faster
 * than keeping it up to date row by row. Indexes are re-created from their own SQL in sqlite_schema,
 * so the schema ends up exactly as the migrations left it. Run both inside the loader's transaction:
 * a rollback brings the dropped indexes back.
 */
import { sql } from 'kysely';
import type { Executor } from './repositories/executor';

export type IndexDefinition = { name: string; sql: string };

/** Which indexes: every index of some tables, or some indexes by name (missing names are ignored). */
export type IndexSelection = { tables: readonly string[] } | { names: readonly string[] };

/** Drops the chosen indexes (never the automatic ones behind keys) and returns how to re-create them. */
export async function dropIndexes(db: Executor, selection: IndexSelection): Promise<IndexDefinition[]> {
  const [column, values] = 'tables' in selection ? ['tbl_name', selection.tables] : ['name', selection.names];
  const { rows } = await sql<IndexDefinition>`
    SELECT name, sql FROM sqlite_schema
     WHERE type = 'index' AND sql IS NOT NULL
       AND ${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(values)}))
     ORDER BY name`.execute(db);
  for (const index of rows) await sql`DROP INDEX ${sql.id(index.name)}`.execute(db);
  return rows;
}

export async function createIndexes(db: Executor, indexes: readonly IndexDefinition[]): Promise<void> {
  for (const index of indexes) await sql.raw(index.sql).execute(db);
}
