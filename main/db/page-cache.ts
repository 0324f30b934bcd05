import { sql } from 'kysely';
import type { Executor } from './repositories/executor';

/** Runs `action` with SQLite's page cache at `kib` KiB, then puts the connection's own size back. */
export async function withPageCache<T>(db: Executor, kib: number, action: () => Promise<T>): Promise<T> {
  const { rows } = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db);
  const saved = rows[0]?.cache_size;
  await sql.raw(`PRAGMA cache_size = -${Math.round(kib)}`).execute(db);
  const restore = async () => {
    if (saved !== undefined) await sql.raw(`PRAGMA cache_size = ${saved}`).execute(db);
  };
  // A pragma is no part of the transaction: put back on success, failure and cancel alike.
  let result: T;
  try {
    result = await action();
  } catch (error) {
    // The action's error is the one to report, even if the connection can't take the pragma now.
    await restore().catch(() => undefined);
    throw error;
  }
  await restore();
  return result;
}
