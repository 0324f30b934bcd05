import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDatabase } from '../../main/export/export-service';
import {
  archiveCustomField,
  createCustomField,
  listCustomFields,
  updateCustomField,
} from '../../main/services/custom-fields-service';
import { createDatabase, type OpenDatabase } from '../../main/services/encrypted-database';
import { ImportSessions, suggestedSetup } from '../../main/services/import-service';
import { createPerson, getPerson } from '../../main/services/people-service';
import { TEST_PASSPHRASE, testEnv } from '../support/open-test-database';
import { expectAppError } from '../support/shared-test-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const env = testEnv();

/** The custom fields of people, as label → key. */
async function fieldKeys(database: OpenDatabase): Promise<Record<string, string>> {
  const fields = await listCustomFields(database.db, 'person');
  return Object.fromEntries(fields.map((field) => [field.label, field.key]));
}

async function importWorkbook(database: OpenDatabase, workbook: string) {
  const sessions = new ImportSessions();
  const file = await sessions.open(database.db, { path: workbook });
  await sessions.run(database.db, file.sessionId, suggestedSetup(file), env);
}

async function onlyPerson(database: OpenDatabase) {
  const [person] = await database.db.selectFrom('people').select('id').execute();
  return getPerson(database.db, person!.id);
}

describe('a full export re-imported into its own base', () => {
  let dir: string;
  let database: OpenDatabase;
  beforeEach(async () => {
    dir = tempDir();
    database = await createDatabase(path.join(dir, 'base.kartoteka'), 'База', TEST_PASSPHRASE);
  });
  afterEach(async () => {
    await database.close();
  });

  it('gives a field archived since a new field for its column, and a renamed one keeps its values', async () => {
    const region = await createCustomField(database.db, { entity: 'person', label: 'Регион', type: 'text' }, env);
    const note = await createCustomField(database.db, { entity: 'person', label: 'Скидка', type: 'text' }, env);
    const anna = await createPerson(
      database.db,
      { firstName: 'Анна', lastName: 'Смирнова', customFields: { [region.key]: 'Юг', [note.key]: 'постоянная' } },
      env,
    );
    const workbook = path.join(dir, 'all.xlsx');
    await exportDatabase(database.db, { path: workbook, language: 'ru' });
    await archiveCustomField(database.db, region.id, env);
    await updateCustomField(database.db, note.id, 'Скидка клиента', []);

    await importWorkbook(database, workbook);

    const keys = await fieldKeys(database);
    expect(Object.keys(keys)).toEqual(['Скидка клиента', 'Регион']);
    expect(keys['Регион']).not.toBe(region.key);
    expect((await getPerson(database.db, anna.id)).customFields).toEqual({
      [note.key]: 'постоянная',
      [keys['Регион']!]: 'Юг',
    });
  });

  it('fills the field made since of the archived field’s label and type', async () => {
    const region = await createCustomField(database.db, { entity: 'person', label: 'Регион', type: 'text' }, env);
    const anna = await createPerson(
      database.db,
      { firstName: 'Анна', lastName: 'Смирнова', customFields: { [region.key]: 'Юг' } },
      env,
    );
    const workbook = path.join(dir, 'all.xlsx');
    await exportDatabase(database.db, { path: workbook, language: 'ru' });
    await archiveCustomField(database.db, region.id, env);
    const again = await createCustomField(database.db, { entity: 'person', label: 'регион', type: 'text' }, env);

    await importWorkbook(database, workbook);

    expect(await fieldKeys(database)).toEqual({ регион: again.key });
    expect((await getPerson(database.db, anna.id)).customFields).toEqual({ [again.key]: 'Юг' });
  });
});

describe('a full export imported into another base', () => {
  let dir: string;
  let source: OpenDatabase;
  let target: OpenDatabase;
  beforeEach(async () => {
    dir = tempDir();
    source = await createDatabase(path.join(dir, 'a.kartoteka'), 'A', TEST_PASSPHRASE);
    target = await createDatabase(path.join(dir, 'b.kartoteka'), 'B', TEST_PASSPHRASE);
  });
  afterEach(async () => {
    await source.close();
    await target.close();
  });

  /** Exports A with «Регион» under the key region_2 (an English «Region» had region first). */
  async function exportRegion2(type: 'text' | 'number' = 'text'): Promise<string> {
    const old = await createCustomField(source.db, { entity: 'person', label: 'Region', type: 'text' }, env);
    await archiveCustomField(source.db, old.id, env);
    const region = await createCustomField(source.db, { entity: 'person', label: 'Регион', type }, env);
    expect(region.key).toBe('region_2');
    const value = type === 'text' ? 'Юг' : 77;
    await createPerson(source.db, { firstName: 'Анна', lastName: 'Смирнова', customFields: { region_2: value } }, env);
    const workbook = path.join(dir, 'all.xlsx');
    await exportDatabase(source.db, { path: workbook, language: 'ru' });
    return workbook;
  }

  it('fills the field of the same label and type, whatever its key', async () => {
    const workbook = await exportRegion2();
    await createCustomField(target.db, { entity: 'person', label: 'РЕГИОН', type: 'text' }, env);

    await importWorkbook(target, workbook);

    expect(await fieldKeys(target)).toEqual({ РЕГИОН: 'region' });
    expect((await onlyPerson(target)).customFields).toEqual({ region: 'Юг' });
  });

  it('does not fill a field of another label that has the file field’s key', async () => {
    const workbook = await exportRegion2();
    const old = await createCustomField(target.db, { entity: 'person', label: 'Region', type: 'text' }, env);
    await archiveCustomField(target.db, old.id, env);
    const renamed = await createCustomField(target.db, { entity: 'person', label: 'Регион', type: 'text' }, env);
    await updateCustomField(target.db, renamed.id, 'Скидка', []);
    expect(await fieldKeys(target)).toEqual({ Скидка: 'region_2' });

    await importWorkbook(target, workbook);

    const keys = await fieldKeys(target);
    expect(Object.keys(keys)).toEqual(['Скидка', 'Регион']);
    expect((await onlyPerson(target)).customFields).toEqual({ [keys['Регион']!]: 'Юг' });
  });

  it('refuses a column whose field’s label is a field of another type here, and imports without it', async () => {
    const workbook = await exportRegion2('number');
    await createCustomField(target.db, { entity: 'person', label: 'Регион', type: 'text' }, env);
    const sessions = new ImportSessions();
    const file = await sessions.open(target.db, { path: workbook });
    const setup = suggestedSetup(file);

    const refused = await expectAppError(sessions.dryRun(target.db, file.sessionId, setup, env), 'InvalidInput');
    const people = setup.sheets.find((sheet) => sheet.entity === 'person')!;
    const column = people.columns.find((item) => item.targets?.includes('custom.region_2'))!;
    expect(refused.details).toMatchObject({ reason: 'labelTaken', sheet: people.sheet, column: column.index });

    column.targets = [];
    await sessions.run(target.db, file.sessionId, setup, env);
    expect(await fieldKeys(target)).toEqual({ Регион: 'region' });
    expect((await onlyPerson(target)).customFields).toEqual({});
  });
});
