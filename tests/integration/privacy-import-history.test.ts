/**
 * Erasing a person leaves none of their name in the import history, nor in the undo copies imports
 * and merges keep of other people (a file named after the person is the person's data), and no
 * undo, forced or not, brings back a record that is only a tombstone now.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { ImportSessions, suggestedSetup, undoImport } from '../../main/services/import-service';
import { mergePeople, unmergePeople } from '../../main/services/merge-service';
import { createPerson, getPerson, updatePerson } from '../../main/services/people-service';
import { erasePerson } from '../../main/services/privacy-service';
import { search } from '../../main/services/search-service';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { expectAppError } from '../support/shared-test-database';
import { writeCsv } from '../support/import-fixtures';
import { useTempDir } from '../support/temp-dir';

const SURNAME = 'Уникальнофамильный';

describe('erase and the import history', () => {
  const tempDir = useTempDir();
  let database: OpenDatabase;
  const env = testEnv();
  beforeEach(async () => {
    database = await openTestDatabase(tempDir());
  });
  afterEach(async () => {
    await database.close();
  });

  async function importCsv(name: string, rows: string[][], mode: 'update' | 'upsert') {
    const sessions = new ImportSessions();
    const opened = await sessions.open(database.db, { path: writeCsv(tempDir(), name, rows) });
    const { sheets } = suggestedSetup(opened);
    return sessions.run(
      database.db,
      opened.sessionId,
      {
        sheets: sheets.map((sheet) => ({ ...sheet, entity: 'person' as const })),
        options: { mode, matchKeys: ['email', 'phone'] },
      },
      env,
    );
  }
  const personNamed = async (name: string) =>
    (await search(database.db, name, { limit: 5, types: ['person'], defaultCountry: 'RU' }))[0]!.id;
  /** Rows of `table` whose `column` holds `text`. */
  const holding = (table: string, column: string, text: string) =>
    database.connection.prepare(`SELECT count(*) FROM ${table} WHERE instr(${column}, ?) > 0`).pluck().get(text);
  const fileNames = () => database.connection.prepare('SELECT file_name FROM imports ORDER BY id').pluck().all();

  it('cuts the name out of imports of a file named after the person that changed nothing or skipped them, and leaves other people’s files alone', async () => {
    const card = [
      ['Фамилия', 'Имя', 'Телефон'],
      [SURNAME, 'Пётр', '8 916 777-31-31'],
    ];
    await importCsv(`${SURNAME} Пётр.csv`, card, 'upsert');
    // The same card again: the person is matched, nothing changes, nothing is journalled.
    const again = await importCsv(`${SURNAME} Пётр (2).csv`, card, 'upsert');
    expect(again.summary.people.unchanged).toBe(1);
    // A card with a new phone in update mode finds no one: the row is skipped.
    const skipped = await importCsv(
      `petr_${SURNAME.toLowerCase()}.csv`,
      [card[0]!, [SURNAME, 'Пётр', '8 916 777-00-00']],
      'update',
    );
    expect(skipped.summary.people.create + skipped.summary.people.update).toBe(0);
    // Another Пётр's card, and a file that names only the first name: not the person's to cut.
    await importCsv(
      'Иванов Пётр.csv',
      [
        ['Фамилия', 'Имя', 'Телефон'],
        ['Иванов', 'Пётр', '8 916 000-11-22'],
      ],
      'upsert',
    );

    await erasePerson(database.db, await personNamed(SURNAME), `${SURNAME} Пётр`, env);

    expect(holding('imports', 'file_name', SURNAME)).toBe(0);
    expect(fileNames()).toEqual(['….csv', '2.csv', '….csv', 'Иванов Пётр.csv']);
  });

  it('leaves the name in no copy of a colleague whose consent the file stamped, and no undo brings it back', async () => {
    await importCsv(
      `${SURNAME} Пётр.csv`,
      [
        ['Фамилия', 'Имя', 'Телефон', 'Согласие на связь', 'Согласие на рассылку'],
        [SURNAME, 'Пётр', '8 916 777-31-31', 'да', 'да'],
        ['Иванов', 'Иван', '8 916 000-11-22', 'да', 'да'],
      ],
      'upsert',
    );
    const colleague = await personNamed('Иванов');
    expect((await getPerson(database.db, colleague)).marketingConsent?.source).toBe(`${SURNAME} Пётр.csv`);
    // A duplicate merged into the colleague: the merge's snapshot holds the colleague as it was.
    const duplicate = await createPerson(database.db, { lastName: 'Иванов', firstName: 'И.' }, env);
    const merge = await mergePeople(database.db, { survivorId: colleague, mergedId: duplicate.id }, env);
    // A later import updates the colleague: its undo copy holds the consent sources as they were.
    const later = await importCsv(
      'должности.csv',
      [
        ['Телефон', 'Должность'],
        ['8 916 000-11-22', 'Снабженец'],
      ],
      'update',
    );
    expect(later.summary.people.update).toBe(1);
    const shown = await getPerson(database.db, colleague);

    await erasePerson(database.db, await personNamed(SURNAME), `${SURNAME} Пётр`, env);

    const erasedFrom = await getPerson(database.db, colleague);
    expect(erasedFrom.contactConsent?.source).toBe('….csv');
    expect(erasedFrom.marketingConsent?.source).toBe('….csv');
    // A form opened before the erase can't write the name back.
    expect(erasedFrom.version).toBeGreaterThan(shown.version);
    await expectAppError(
      updatePerson(
        database.db,
        colleague,
        shown.version,
        { lastName: 'Иванов', firstName: 'Иван', contactConsent: shown.contactConsent },
        env,
      ),
      'Conflict',
    );
    expect(holding('import_records', 'before', SURNAME)).toBe(0);
    expect(holding('merges', 'snapshot', SURNAME)).toBe(0);
    // The erase changed the colleague and the undo copy alike: the undo asks nothing, and puts back
    // a copy without the name.
    const check = await undoImport(database.db, { importId: later.importId, force: [], check: true }, env);
    expect(check.conflicts).toEqual([]);
    await undoImport(database.db, { importId: later.importId, force: [], check: false }, env);
    const undone = await getPerson(database.db, colleague);
    expect(undone.position).toBeNull();
    expect(undone.contactConsent?.source).toBe('….csv');
    await unmergePeople(database.db, merge.mergeId, true, env);
    expect((await getPerson(database.db, colleague)).marketingConsent?.source).toBe('….csv');
  });

  it('keeps a person an undone import deleted a tombstone, whatever later undo is forced', async () => {
    await createPerson(database.db, { lastName: 'Старожилов', firstName: 'Олег' }, env);
    const created = await importCsv(
      'новые.csv',
      [
        ['Фамилия', 'Имя', 'Телефон'],
        ['Пропадающий', 'Глеб', '8 916 555-44-33'],
      ],
      'upsert',
    );
    const gone = await personNamed('Пропадающий');
    const updated = await importCsv(
      'должности.csv',
      [
        ['Телефон', 'Должность'],
        ['8 916 555-44-33', 'Снабженец'],
      ],
      'update',
    );
    // Undone with the update in it: the person goes for good, their id stays as a tombstone (the highest id).
    await undoImport(
      database.db,
      { importId: created.importId, force: [{ entity: 'person', id: gone }], check: false },
      env,
    );
    const tombstone = () =>
      database.db.selectFrom('people').selectAll().where('id', '=', gone).executeTakeFirstOrThrow();
    expect((await tombstone()).erased_at).not.toBeNull();
    // Gone for good: no later import keeps a copy of them to restore.
    expect(holding('import_records', 'before', 'Пропадающий')).toBe(0);

    const result = await undoImport(
      database.db,
      { importId: updated.importId, force: [{ entity: 'person', id: gone }], check: false },
      env,
    );
    expect(result).toMatchObject({ restored: 0, conflicts: [], done: true });
    expect((await tombstone()).erased_at).not.toBeNull();
    expect(holding('people', 'display_name', 'Пропадающий')).toBe(0);
    expect(holding('contact_points', 'value', '79165554433')).toBe(0);
  });
  it('undoing the import of a file named after an erased person removes the colleagues it created without asking to force', async () => {
    const imported = await importCsv(
      `${SURNAME} Пётр.csv`,
      [
        ['Фамилия', 'Имя', 'Телефон', 'Согласие на связь'],
        [SURNAME, 'Пётр', '8 916 777-31-31', 'да'],
        ['Иванов', 'Иван', '8 916 000-11-22', 'да'],
      ],
      'upsert',
    );
    await erasePerson(database.db, await personNamed(SURNAME), `${SURNAME} Пётр`, env);
    // Nobody touched the colleague; the erase only renamed the stamped consent source.
    const check = await undoImport(database.db, { importId: imported.importId, force: [], check: true }, env);
    expect(check.conflicts.map((conflict) => conflict.id)).toEqual([]);
  });
});
