/**
 * Deleting a row makes SQLite look up the rows that point at it through each foreign key (to
 * cascade, null or refuse). Without an index it can use, every deletion scans the child table:
 * 20 people deleted from a base with 3,000,000 activities took 162 s. Each child column must have
 * an index that serves `column = ?` (a partial index of live rows does not). Users are exempt:
 * they are never deleted.
 */
import { describe, expect, it } from 'vitest';
import { listUserTables } from '../../main/db/open';
import { useSharedTestDatabase } from '../support/shared-test-database';

type ForeignKey = { table: string; from: string; to: string };

describe('foreign keys', () => {
  const database = useSharedTestDatabase();

  it('each child column has an index the lookup on a parent delete can use', () => {
    const { connection } = database();
    const keys: ForeignKey[] = listUserTables(connection).flatMap((table) =>
      (
        connection
          .prepare(`SELECT "table" AS parent, "from", "to" FROM pragma_foreign_key_list(?)`)
          .all(table) as Array<{
          parent: string;
          from: string;
          to: string;
        }>
      ).map((key) => ({ table, from: key.from, to: key.parent })),
    );
    expect(keys.length).toBeGreaterThan(10);
    const scanned = keys.filter(({ table, from, to }) => {
      if (to === 'users') return false;
      const plan = connection
        .prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM "${table}" WHERE "${from}" = ?`)
        .all(1) as Array<{ detail: string }>;
      return plan.some((step) => step.detail.startsWith('SCAN'));
    });
    expect(scanned.map((key) => `${key.table}.${key.from} → ${key.to}`)).toEqual([]);
  });
});
