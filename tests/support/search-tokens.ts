import type { OpenDatabase } from '../../main/services/encrypted-database';

/** Every token the full-text index holds, with where it stands (fts5vocab reads a contentless index too). */
export function searchTokens(database: OpenDatabase, table: 'people_search' | 'companies_search'): unknown[] {
  database.connection.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.${table}_tokens USING fts5vocab(main, ${table}, instance)`,
  );
  return database.connection
    .prepare(`SELECT term, doc, col, offset FROM temp.${table}_tokens ORDER BY doc, col, offset`)
    .all();
}
