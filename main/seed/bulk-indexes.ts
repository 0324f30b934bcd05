/**
 * Bulk loading without the tables' secondary indexes: building an index once by sorting is several
 * times faster than keeping it up to date row by row. The indexes are re-created from their own SQL
 * in sqlite_schema, so the schema ends up exactly as the migrations left it.
 */
import type { SqliteConnection } from '../db/open';

type IndexDefinition = { name: string; sql: string };

/** Drops the indexes of these tables (not the automatic ones behind keys) and returns how to re-create them. */
export function dropIndexes(connection: SqliteConnection, tables: readonly string[]): IndexDefinition[] {
  const indexes = connection
    .prepare(
      `SELECT name, sql FROM sqlite_schema
        WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))
        ORDER BY name`,
    )
    .all(JSON.stringify(tables)) as IndexDefinition[];
  for (const index of indexes) connection.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  return indexes;
}

export function createIndexes(connection: SqliteConnection, indexes: readonly IndexDefinition[]): void {
  for (const index of indexes) connection.exec(index.sql);
}
