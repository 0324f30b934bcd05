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
import { exportDatabase, exportRecords } from '../../main/export/export-service';
import { ExportRequest } from '../../shared/domain/imports';
import { ImportSessions, suggestedSetup } from '../../main/services/import-service';
import { listCustomFieldDefinitions } from '../../main/db/repositories/custom-fields';
import { peopleRecords } from '../../main/import/entities/people-records';
import { companiesRecords } from '../../main/import/entities/companies-records';
import type { FlatRecord } from '../../main/import/flat-record';
import { MAX_ADDRESSES } from '../../shared/domain/contact-points';
import { createCompany } from '../../main/services/companies-service';
import { createPerson, getPerson } from '../../main/services/people-service';
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

  /** Exports `source` whole and imports the workbook into a new database. */
  async function roundTrip(source: OpenDatabase, dir: string): Promise<OpenDatabase> {
    const target = await createDatabase(path.join(dir, 'b.kartoteka'), 'B', TEST_PASSPHRASE);
    const workbook = path.join(dir, 'all.xlsx');
    await exportDatabase(source.db, { path: workbook, language: 'ru' });
    const sessions = new ImportSessions();
    const file = await sessions.open(target.db, { path: workbook });
    expect(file.ownWorkbook).toBe(true);
    const report = await sessions.run(target.db, file.sessionId, suggestedSetup(file), testEnv());
    expect(report.summary.people.skip + report.summary.companies.skip).toBe(0);
    return target;
  }

  it('carries every address a record may have, past the three groups a workbook shows by default', async () => {
    const dir = tempDir();
    const source = await createDatabase(path.join(dir, 'a.kartoteka'), 'A', TEST_PASSPHRASE);
    const addresses = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        label: index % 2 === 0 ? ('work' as const) : ('postal' as const),
        city: `Город ${index + 1}`,
        street: `ул. Ленина, д. ${index + 1}`,
        postalCode: String(101000 + index),
      }));
    const env = testEnv();
    const company = await createCompany(source.db, { name: 'ООО «Десять адресов»', addresses: addresses(4) }, env);
    await createPerson(
      source.db,
      { firstName: 'Анна', lastName: 'Адресова', companyId: company.id, addresses: addresses(MAX_ADDRESSES) },
      env,
    );
    const target = await roundTrip(source, dir);
    try {
      const [companies, people] = await contents(target);
      expect(people?.[0]?.['address10.city']).toBe('Город 10');
      expect(companies?.[0]?.['address4.street']).toBe('ул. Ленина, д. 4');
      expect(await contents(target)).toEqual(await contents(source));
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('brings every address of a CSV export back by its numbered headers, with no meta sheet to say', async () => {
    const dir = tempDir();
    const source = await createDatabase(path.join(dir, 'a.kartoteka'), 'A', TEST_PASSPHRASE);
    const target = await createDatabase(path.join(dir, 'b.kartoteka'), 'B', TEST_PASSPHRASE);
    try {
      const addresses = [
        { label: 'work' as const, city: 'Москва', street: 'ул. Тверская, д. 1', postalCode: '125009' },
        { label: 'home' as const, city: 'Тверь', street: 'ул. Советская, д. 5' },
        { label: 'postal' as const, city: 'Клин', postalCode: '141600' },
      ];
      const person = await createPerson(source.db, { firstName: 'Анна', lastName: 'Адресова', addresses }, testEnv());
      const file = path.join(dir, 'people.csv');
      const request = {
        entity: 'person',
        columns: null,
        format: { kind: 'csv', encoding: 'windows-1251' },
        path: file,
        language: 'ru',
      };
      await exportRecords(source.db, ExportRequest.parse(request), testEnv());
      const sessions = new ImportSessions();
      const opened = await sessions.open(target.db, { path: file });
      expect(opened.ownWorkbook).toBe(false);
      await sessions.run(target.db, opened.sessionId, suggestedSetup(opened), testEnv());
      const [imported] = await target.db.selectFrom('people').select('id').execute();
      const [before, after] = [await getPerson(source.db, person.id), await getPerson(target.db, imported!.id)];
      expect(after.addresses).toEqual(before.addresses);
      expect(after.addresses.map((address) => address.label)).toEqual(['work', 'home', 'postal']);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('re-imports into an empty database with nothing lost', async () => {
    await fc.assert(
      fc.asyncProperty(base, async (data) => {
        const dir = tempDir();
        const source = await createDatabase(path.join(dir, 'a.kartoteka'), 'A', TEST_PASSPHRASE);
        let target: OpenDatabase | undefined;
        try {
          await fill(source, data);
          target = await roundTrip(source, dir);
          expect(await contents(target)).toEqual(await contents(source));
        } finally {
          await source.close();
          await target?.close();
        }
      }),
      { numRuns: 8 },
    );
  });
});
