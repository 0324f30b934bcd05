/**
 * Migration 0011: saved views naming a custom field archived before archiving took fields out of
 * views. Such a view lost its condition only when shown, so its badge, list and bulk actions took
 * in more records than it said; the migration takes the field out of the view itself.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { createDatabase, openDatabase } from '../../main/services/encrypted-database';
import { createCustomField } from '../../main/services/custom-fields-service';
import { createView, listViews } from '../../main/services/saved-views-service';
import { TEST_PASSPHRASE, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

const before = Object.fromEntries(
  Object.entries(migrations).filter(([name]) => name < '0011_views_without_archived_fields'),
) as typeof migrations;

describe('migration 0011: views without archived fields', () => {
  const tempDir = useTempDir();

  it('takes fields archived earlier out of the views, per record type, and leaves live fields be', async () => {
    const file = path.join(tempDir(), 'old.kartoteka');
    const env = testEnv();
    const old = await createDatabase(file, 'Old', TEST_PASSPHRASE, { migrations: before });
    const region = await createCustomField(old.db, { entity: 'person', label: 'Регион', type: 'text' }, env);
    await createCustomField(old.db, { entity: 'person', label: 'Отдел', type: 'text' }, env);
    // A company field of the same key: archived for companies, it says nothing of people's views.
    const companyRegion = await createCustomField(old.db, { entity: 'company', label: 'Регион', type: 'text' }, env);
    const north = await createView(
      old.db,
      {
        entity: 'person',
        name: 'Север',
        filter: {
          conditions: [
            { field: 'custom.region', operator: 'is', value: 'Север' },
            { field: 'custom.otdel', operator: 'isNotEmpty' },
          ],
          text: 'ив',
        },
        sort: { field: 'custom.region', direction: 'desc' },
        columns: ['name', 'custom.region'],
      },
      env,
    );
    const companies = await createView(
      old.db,
      {
        entity: 'company',
        name: 'Все',
        filter: { conditions: [{ field: 'city', operator: 'is', value: 'Москва' }] },
        sort: { field: 'city', direction: 'asc' },
        columns: ['name', 'custom.region'],
      },
      env,
    );
    // Rows the app reads but didn't write so: a filter leaving its conditions to their default, and
    // one of another shape. Neither may stop the file from opening.
    for (const [name, filter] of [
      ['Без условий', '{"text":"","trash":false}'],
      ['Испорченный', '[1, 2]'],
    ]) {
      await sql`INSERT INTO saved_views (entity, name, filter, sort, columns, created_at, updated_at)
                VALUES ('person', ${name}, ${filter}, '{"field":"custom.region","direction":"asc"}', '[]',
                        ${env.now().toISOString()}, ${env.now().toISOString()})`.execute(old.db);
    }
    // What archiving did then: the definition only.
    await sql`UPDATE custom_field_definitions SET archived_at = ${env.now().toISOString()}
               WHERE id IN (${region.id}, ${companyRegion.id})`.execute(old.db);
    await old.close();

    const database = await openDatabase(file, TEST_PASSPHRASE);
    try {
      expect(database.migration.applied[0]).toBe('0011_views_without_archived_fields');
      const rows = await database.db
        .selectFrom('saved_views')
        .select(['name', 'filter', 'sort'])
        .where('name', 'in', ['Без условий', 'Испорченный'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        {
          name: 'Без условий',
          filter: '{"text":"","trash":false,"conditions":[]}',
          sort: '{"field":"name","direction":"asc"}',
        },
        { name: 'Испорченный', filter: '[1, 2]', sort: '{"field":"custom.region","direction":"asc"}' },
      ]);
      await sql`DELETE FROM saved_views WHERE name = 'Испорченный'`.execute(database.db);
      expect((await listViews(database.db, 'person')).filter((view) => view.name !== 'Без условий')).toEqual([
        {
          ...north,
          filter: {
            conditions: [{ field: 'custom.otdel', operator: 'isNotEmpty', value: null }],
            text: 'ив',
            trash: false,
          },
          sort: { field: 'name', direction: 'asc' },
          columns: ['name'],
          version: north.version + 1,
        },
      ]);
      expect(await listViews(database.db, 'company')).toEqual([
        { ...companies, columns: ['name'], version: companies.version + 1 },
      ]);
    } finally {
      await database.close();
    }
  });
});
