import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRecords } from '../../main/export/export-service';
import { listCompaniesPage } from '../../main/services/lists/companies-list-service';
import { listPeoplePage } from '../../main/services/lists/people-list-service';
import type { ExportRequestInput } from '../../shared/domain/imports';
import type { ListFilter, SortOrder } from '../../shared/domain/list-query';
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
    const ids = exportedIds(file);
    const live = database.connection
      .prepare('SELECT id FROM people WHERE deleted_at IS NULL ORDER BY id')
      .pluck()
      .all() as number[];
    expect(live).toHaveLength(2494);
    expect(ids).toEqual(live);
    expect(rows).toBe(live.length);
  });

  /** The first column (the id) of every row of an exported CSV. */
  function exportedIds(file: string): number[] {
    return fs
      .readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(1)
      .filter((line) => line !== '')
      .map((line) => Number(line.split(',')[0]));
  }

  async function exportIds(request: Pick<ExportRequestInput, 'entity' | 'target' | 'sort'>): Promise<number[]> {
    const file = path.join(tempDir(), `sorted-${request.entity}.csv`);
    await exportRecords(
      database.db,
      {
        ...request,
        columns: request.entity === 'person' ? ['id', 'lastName'] : ['id', 'name'],
        format: { kind: 'csv', encoding: 'utf-8' },
        forEditing: false,
        path: file,
        language: 'en',
      },
      env,
    );
    return exportedIds(file);
  }

  /** The ids the list screen shows, page after page. */
  async function listedIds(entity: 'person' | 'company', filter: ListFilter, sort: SortOrder): Promise<number[]> {
    const ids: number[] = [];
    for (let offset = 0; ; offset += 500) {
      const query = { filter, sort, offset, limit: 500 };
      const page =
        entity === 'person'
          ? await listPeoplePage(database.db, query, env)
          : await listCompaniesPage(database.db, query, env);
      ids.push(...page.map((row) => row.id));
      if (page.length < 500) return ids;
    }
  }

  const everyone: ListFilter = { conditions: [], text: '', trash: false };

  it.each<SortOrder>([
    { field: 'name', direction: 'desc' },
    { field: 'company', direction: 'asc' },
    { field: 'owner', direction: 'desc' },
    { field: 'city', direction: 'asc' },
  ])('lists a whole list in the order the screen shows it (%o)', async (sort) => {
    const listed = await listedIds('person', everyone, sort);
    expect(listed).toHaveLength(2494);
    // Not the id order by chance.
    expect(listed).not.toEqual([...listed].sort((a, b) => a - b));
    expect(await exportIds({ entity: 'person', target: null, sort })).toEqual(listed);
  });

  it('sorts a filtered list and a selection as the list does, computed sorts too', async () => {
    const filter: ListFilter = { conditions: [{ field: 'company', operator: 'isNotEmpty' }], text: '', trash: false };
    const byPhone: SortOrder = { field: 'phone', direction: 'asc' };
    const listed = await listedIds('person', filter, byPhone);
    expect(listed.length).toBeGreaterThan(100);
    expect(listed.length).toBeLessThan(2494);
    expect(await exportIds({ entity: 'person', target: { filter }, sort: byPhone })).toEqual(listed);

    const byOwner: SortOrder = { field: 'owner', direction: 'asc' };
    const companies = await listedIds('company', everyone, byOwner);
    const picked = [companies[5]!, companies[0]!, companies[12]!, companies[3]!];
    expect(await exportIds({ entity: 'company', target: { ids: picked }, sort: byOwner })).toEqual(
      companies.filter((id) => picked.includes(id)),
    );
  });

  it('without a sort, keeps the id order of a selection', async () => {
    expect(await exportIds({ entity: 'person', target: { ids: [40, 7, 300] }, sort: null })).toEqual([7, 40, 300]);
  });
});
