/**
 * A full-database export re-imports into an empty database with nothing lost: generated people
 * and companies (Cyrillic and Latin, formula-like text, every custom field type, several
 * addresses, consents, owners) go out as one workbook and come back field for field.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { createDatabase } from '../../main/services/encrypted-database';
import { exportDatabase } from '../../main/export/export-service';
import { ImportSessions, suggestedSetup } from '../../main/services/import-service';
import { listCustomFieldDefinitions } from '../../main/db/repositories/custom-fields';
import { peopleRecords } from '../../main/import/entities/people-records';
import { companiesRecords } from '../../main/import/entities/companies-records';
import type { FlatRecord } from '../../main/import/flat-record';
import { base, fill } from '../support/generated-records';
import { TEST_PASSPHRASE, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

/** Every record as flat values, without the ids a new database gives out afresh. */
async function contents(database: OpenDatabase): Promise<FlatRecord[][]> {
  const { db } = database;
  const all = [];
  for (const [adapter, table] of [
    [companiesRecords, 'companies'],
    [peopleRecords, 'people'],
  ] as const) {
    const ids = (await db.selectFrom(table).select('id').orderBy('id').execute()).map((row) => row.id);
    const definitions = await listCustomFieldDefinitions(db, adapter.entity);
    const loaded = await adapter.load(db, ids, definitions);
    all.push(
      ids.map((id) => {
        const { id: _id, companyId: _companyId, ...flat } = loaded.get(id)!.flat;
        return flat;
      }),
    );
  }
  return all;
}

describe('full-database export and re-import', () => {
  const tempDir = useTempDir();

  it('re-imports into an empty database with nothing lost', async () => {
    await fc.assert(
      fc.asyncProperty(base, async (data) => {
        const dir = tempDir();
        const source = await createDatabase(path.join(dir, 'a.kartoteka'), 'A', TEST_PASSPHRASE);
        const target = await createDatabase(path.join(dir, 'b.kartoteka'), 'B', TEST_PASSPHRASE);
        try {
          await fill(source, data);
          const workbook = path.join(dir, 'all.xlsx');
          await exportDatabase(source.db, { path: workbook, language: 'ru' });
          const sessions = new ImportSessions();
          const file = await sessions.open(target.db, { path: workbook });
          expect(file.ownWorkbook).toBe(true);
          const report = await sessions.run(target.db, file.sessionId, suggestedSetup(file), testEnv());
          expect(report.summary.people.skip + report.summary.companies.skip).toBe(0);
          expect(await contents(target)).toEqual(await contents(source));
        } finally {
          await source.close();
          await target.close();
        }
      }),
      { numRuns: 8 },
    );
  });
});
