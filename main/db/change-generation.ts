import { sql } from 'kysely';
import type { Executor } from './repositories/executor';

/**
 * A token that changes whenever the database's rows may have changed: this connection's own row
 * changes (total_changes) and commits by other connections to the same file, a colleague's on a
 * LAN share (data_version). SQLite's; another dialect would need its own.
 */
export async function changeGeneration(db: Executor): Promise<string> {
  const { rows } = await sql<{ changes: number; version: number }>`
    SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version`.execute(db);
  const [row] = rows;
  return row === undefined ? '' : `${row.changes}:${row.version}`;
}
