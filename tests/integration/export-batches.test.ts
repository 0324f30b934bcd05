import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRecords } from '../../main/export/export-service';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { trashPeople } from '../../main/services/people-service';
import { seedDatabase } from '../../main/seed/seed-database';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

describe('export of a whole list', () => {
  const tempDir = useTempDir();
  const env = testEnv();
  let database: OpenDatabase;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir();
    database = await openTestDatabase(dir);
    await seedDatabase(database, { people: 2500, companies: 20, activities: 0, now: new Date('2026-01-01') });
    // On both sides of the batch boundaries, and the very last one.
    await trashPeople(database.db, [1, 999, 1000, 1001, 2000, 2500], env);
  });
  afterAll(async () => {
    await database.close();
  });

  it('writes every live record once, in id order, across batches of ids', async () => {
    const file = path.join(dir, 'people.csv');
    const { rows } = await exportRecords(
      database.db,
      {
        entity: 'person',
        target: null,
        columns: ['id', 'lastName'],
        format: { kind: 'csv', encoding: 'utf-8' },
        forEditing: false,
        path: file,
        language: 'en',
      },
      env,
    );
    const ids = fs
      .readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(1)
      .filter((line) => line !== '')
      .map((line) => Number(line.split(',')[0]));
    const live = database.connection
      .prepare('SELECT id FROM people WHERE deleted_at IS NULL ORDER BY id')
      .pluck()
      .all() as number[];
    expect(live).toHaveLength(2494);
    expect(ids).toEqual(live);
    expect(rows).toBe(live.length);
  });
});
