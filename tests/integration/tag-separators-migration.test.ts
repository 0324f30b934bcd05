/**
 * Migration 0009: tags made before a tag could not hold a comma, a semicolon or a line break.
 * Such a record could not be saved any more, and an export split the tag in two. The migration
 * joins the words with " / ", folds a tag that then equals another into it, and keeps the saved
 * views that name it.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { createDatabase, openDatabase } from '../../main/services/encrypted-database';
import { createPerson, getPerson, updatePerson } from '../../main/services/people-service';
import { createView, countViews, listViews } from '../../main/services/saved-views-service';
import { reindexPeople } from '../../main/db/search-index';
import { search } from '../../main/services/search-service';
import { restoreRecordSnapshot, takeRecordSnapshot } from '../../main/db/repositories/record-snapshot';
import { openTestDatabase, TEST_PASSPHRASE, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

const before = Object.fromEntries(
  Object.entries(migrations).filter(([name]) => name < '0009_tags_without_separators'),
) as typeof migrations;

describe('migration 0009: tags without separators', () => {
  const tempDir = useTempDir();

  it('rejoins the words of old tags, merges a tag that becomes another, and keeps views and search', async () => {
    const file = path.join(tempDir(), 'old.kartoteka');
    const env = testEnv();
    const old = await createDatabase(file, 'Old', TEST_PASSPHRASE, { migrations: before });
    const anna = await createPerson(old.db, { firstName: 'Анна', lastName: 'Окнова', tags: ['Крыши / фасады'] }, env);
    const boris = await createPerson(old.db, { firstName: 'Борис', lastName: 'Дверев' }, env);
    // What an older version let in, written the way it wrote tags.
    for (const [name, key] of [
      ['Окна, двери', 'окна, двери'],
      ['Крыши; фасады', 'крыши; фасады'],
      ['Опт\nРозница', 'опт\nрозница'],
      [', ;', ', ;'],
    ]) {
      await sql`INSERT INTO tags (name, name_key) VALUES (${name}, ${key})`.execute(old.db);
    }
    const tagId = async (name: string) =>
      (await old.db.selectFrom('tags').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const link = async (name: string, personId: number) =>
      sql`INSERT INTO person_tags (tag_id, person_id) VALUES (${await tagId(name)}, ${personId})`.execute(old.db);
    await link('Окна, двери', anna.id);
    await link('Крыши; фасады', anna.id);
    await link('Крыши; фасады', boris.id);
    await link('Опт\nРозница', boris.id);
    await link(', ;', boris.id);
    await reindexPeople(old.db, [anna.id, boris.id]);
    await createView(
      old.db,
      {
        entity: 'person',
        name: 'Окна',
        filter: { conditions: [{ field: 'tags', operator: 'hasAny', value: ['Окна, двери', 'VIP'] }] },
        sort: { field: 'name', direction: 'asc' },
      },
      env,
    );
    await old.close();

    const database = await openDatabase(file, TEST_PASSPHRASE);
    try {
      expect(database.migration.applied[0]).toBe('0009_tags_without_separators');
      const tags = await database.db.selectFrom('tags').select(['name', 'name_key']).orderBy('name_key').execute();
      const lastTag = tags.find((tag) => tag.name.startsWith('#'));
      expect(tags.map((tag) => tag.name)).toEqual([lastTag?.name, 'Крыши / фасады', 'Окна / двери', 'Опт / Розница']);
      expect(tags.map((tag) => tag.name_key)).toEqual([
        lastTag?.name,
        'крыши / фасады',
        'окна / двери',
        'опт / розница',
      ]);
      expect((await getPerson(database.db, anna.id)).tags).toEqual(['Крыши / фасады', 'Окна / двери']);
      const borisNow = await getPerson(database.db, boris.id);
      expect(borisNow.tags).toEqual([lastTag?.name, 'Крыши / фасады', 'Опт / Розница']);
      // The record can be saved again with the tags it carries.
      const saved = await updatePerson(
        database.db,
        boris.id,
        borisNow.version,
        { ...borisNow, position: 'Прораб' },
        env,
      );
      expect(saved.tags).toEqual(borisNow.tags);
      const [view] = await listViews(database.db, 'person');
      expect(view?.filter.conditions).toEqual([{ field: 'tags', operator: 'hasAny', value: ['Окна / двери', 'VIP'] }]);
      expect(await countViews(database.db, 'person', { defaultCountry: 'RU' })).toEqual([{ id: view!.id, count: 1 }]);
      const found = await search(database.db, 'двери', { limit: 5, types: ['person'], defaultCountry: 'RU' });
      expect(found.map((hit) => hit.id)).toEqual([anna.id]);
    } finally {
      await database.close();
    }
  });

  it('restores an undo copy that names a tag folded away since, without that link', async () => {
    const env = testEnv();
    const database = await openTestDatabase(tempDir());
    try {
      const person = await createPerson(
        database.db,
        { firstName: 'Анна', lastName: 'Снимкова', position: 'Инженер', tags: ['Окна', 'VIP'] },
        env,
      );
      const copy = (await takeRecordSnapshot(database.db, 'person', person.id))!;
      await updatePerson(database.db, person.id, person.version, { ...person, position: 'Прораб', tags: [] }, env);
      // What the migration does to a tag that becomes another: its row goes.
      await sql`DELETE FROM tags WHERE name = 'Окна'`.execute(database.db);
      await database.db.transaction().execute((trx) => restoreRecordSnapshot(trx, 'person', copy));
      const restored = await getPerson(database.db, person.id);
      expect(restored.position).toBe('Инженер');
      expect(restored.tags).toEqual(['VIP']);
    } finally {
      await database.close();
    }
  });
});
