/**
 * A record type's two loads agree: the export's load of a few columns gives, for every record,
 * exactly the values the full load (what import merges and compares against) has for those fields —
 * custom fields of every type, tags, phones and e-mails, addresses, company, owner, consents.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomFieldDefinition } from '../../shared/domain/custom-fields';
import { customFieldTarget, type ImportEntity } from '../../shared/domain/import-fields';
import { listCustomFieldDefinitions } from '../../main/db/repositories/custom-fields';
import { recordAdapters } from '../../main/import/entities/record-adapters';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { erasePerson } from '../../main/services/privacy-service';
import { createPerson } from '../../main/services/people-service';
import { base, fill } from '../support/generated-records';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

const tables = { person: 'people', company: 'companies' } as const;

/** Every field an export can ask for. */
function fieldKeys(entity: ImportEntity, definitions: CustomFieldDefinition[]): string[] {
  return [
    ...recordAdapters[entity].fields.map((field) => field.key).filter((key) => key !== 'fullName'),
    ...definitions.map((definition) => customFieldTarget(definition.key)),
  ];
}

describe('record loads', () => {
  const tempDir = useTempDir();

  it("restricted to some columns, give the full load's values for them, in their order", async () => {
    // Picks index into the field list: any subset, in any order, repeats included.
    const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(base, picks, picks, async (data, personPicks, companyPicks) => {
        const database = await openTestDatabase(tempDir());
        try {
          await fill(database, data);
          for (const [entity, indexes] of [
            ['person', personPicks],
            ['company', companyPicks],
          ] as const) {
            const { db } = database;
            const adapter = recordAdapters[entity];
            const definitions = await listCustomFieldDefinitions(db, entity);
            const all = fieldKeys(entity, definitions);
            const keys = indexes.map((index) => all[index % all.length]!);
            const rows = await db.selectFrom(tables[entity]).select('id').execute();
            const ids = [...rows.map((row) => row.id), 999_999];
            const full = await adapter.load(db, ids, definitions);
            const restricted = await adapter.loadColumns(db, ids, keys, definitions);
            expect([...restricted.keys()].sort()).toEqual([...full.keys()].sort());
            for (const [id, record] of full) {
              expect(restricted.get(id)).toEqual(keys.map((key) => record.flat[key]));
            }
          }
        } finally {
          await database.close();
        }
      }),
      { numRuns: 6 },
    );
  });

  describe('on one database', () => {
    const env = testEnv();
    let database: OpenDatabase;

    beforeEach(async () => {
      database = await openTestDatabase(tempDir());
    });
    afterEach(async () => {
      await database.close();
    });

    it('leave erased people out, as the full load does', async () => {
      const kept = await createPerson(database.db, { lastName: 'Оставшийся' }, env);
      const erased = await createPerson(database.db, { lastName: 'Забытый' }, env);
      await erasePerson(database.db, erased.id, 'Забытый', env);
      const loaded = await recordAdapters.person.loadColumns(database.db, [kept.id, erased.id], ['lastName'], []);
      expect([...loaded]).toEqual([[kept.id, ['Оставшийся']]]);
    });

    it('read own and side columns alike, and refuse fields the record type lacks', async () => {
      const person = await createPerson(
        database.db,
        { lastName: 'Телефонов', phones: [{ value: '+79161234567', label: 'mobile' }], tags: ['VIP'] },
        env,
      );
      const ids = [person.id];
      expect(
        (await recordAdapters.person.loadColumns(database.db, ids, ['lastName', 'id'], [])).get(person.id),
      ).toEqual(['Телефонов', person.id]);
      expect(
        (await recordAdapters.person.loadColumns(database.db, ids, ['phone.mobile', 'tags'], [])).get(person.id),
      ).toEqual([['+79161234567'], ['VIP']]);
      await expect(recordAdapters.person.loadColumns(database.db, ids, ['name'], [])).rejects.toThrow('"name"');
      expect(await recordAdapters.company.loadColumns(database.db, [], ['name'], [])).toEqual(new Map());
    });
  });
});
