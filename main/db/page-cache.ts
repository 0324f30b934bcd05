import { sql } from 'kysely';
import type { Executor } from './repositories/executor';

/** Runs `action` with SQLite's page cache at `kib` KiB, then puts the connection's own size back. */
export async function withPageCache<T>(db: Executor, kib: number, action: () => Promise<T>): Promise<T> {
  const { rows } = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db);
  const saved = rows[0]?.cache_size;
  await sql.raw(`PRAGMA cache_size = -${Math.round(kib)}`).execute(db);
  try {
    return await action();
  } finally {
    // A pragma is no part of the transaction: put back on success, failure and cancel alike.
    if (saved !== undefined) await sql.raw(`PRAGMA cache_size = ${saved}`).execute(db);
  }
}
