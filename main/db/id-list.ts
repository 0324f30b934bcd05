import { sql } from 'kysely';

/**
 * Any number of ids as one bound parameter, for `IN (…)`: a parameter per id stops at SQLite's
 * limit of 32,766 variables (an undo of a bulk action on 40,000 records failed on it).
 */
export function idList(ids: readonly number[]) {
  return sql`SELECT value FROM json_each(${JSON.stringify(ids)})`;
}
