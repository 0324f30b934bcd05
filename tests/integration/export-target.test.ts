/** Where an export may write: never over the database, nor over a file nobody agreed to replace. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDatabase, exportRecords } from '../../main/export/export-service';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { createPerson } from '../../main/services/people-service';
import { createXlsxWriter } from '../../main/spreadsheets/xlsx-writer';
import { createCsvWriter } from '../../main/spreadsheets/csv-writer';
import type { ExportRequestInput } from '../../shared/domain/imports';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

describe('the file an export writes', () => {
  const tempDir = useTempDir();
  const env = testEnv();
  let database: OpenDatabase;
  let dir: string;

  beforeEach(async () => {
    dir = tempDir();
    database = await openTestDatabase(dir);
    await createPerson(database.db, { lastName: 'Выгрузкина', firstName: 'Ольга' }, env);
  });
  afterEach(async () => {
    await database.close();
  });

  const people = (file: string, replace?: boolean): ExportRequestInput => ({
    entity: 'person',
    format: { kind: 'csv', encoding: 'utf-8' },
    path: file,
    language: 'ru',
    ...(replace === undefined ? {} : { replace }),
  });
  const leftovers = () => fs.readdirSync(dir).filter((name) => name.endsWith('.part'));

  it('never writes over the open database: a target without the format’s extension is refused', async () => {
    const before = fs.readFileSync(database.path);
    await expect(
      exportDatabase(database.db, { path: database.path, replace: true, language: 'ru' }),
    ).rejects.toMatchObject({ code: 'InvalidInput', details: { reason: 'fileExtension' } });
    await expect(exportRecords(database.db, people(database.path, true), env)).rejects.toMatchObject({
      code: 'InvalidInput',
    });
    expect(fs.readFileSync(database.path).equals(before)).toBe(true);
    expect((await database.db.selectFrom('people').select('id').execute()).length).toBe(1);
  });

  it('refuses an existing file unless asked to replace it, and then replaces it', async () => {
    const file = path.join(dir, 'Контакты.csv');
    fs.writeFileSync(file, 'мой старый файл');
    await expect(exportRecords(database.db, people(file), env)).rejects.toMatchObject({ code: 'FileExists' });
    expect(fs.readFileSync(file, 'utf8')).toBe('мой старый файл');

    await exportRecords(database.db, people(file, true), env);
    expect(fs.readFileSync(file, 'utf8')).toContain('Выгрузкина');
    expect(leftovers()).toEqual([]);
  });

  it('says which folder is missing or is a folder, in codes the screen translates', async () => {
    await expect(exportRecords(database.db, people(path.join(dir, 'нет', 'x.csv')), env)).rejects.toMatchObject({
      code: 'FileNotFound',
    });
    fs.mkdirSync(path.join(dir, 'папка.csv'));
    await expect(exportRecords(database.db, people(path.join(dir, 'папка.csv'), true), env)).rejects.toMatchObject({
      code: 'InvalidInput',
    });
  });

  it.each([
    ['xlsx', (file: string) => createXlsxWriter(file)],
    ['csv', (file: string) => createCsvWriter(file, { encoding: 'utf-8' })],
  ])('a cancelled %s export leaves the file that was there as it was, and nothing beside it', async (kind, open) => {
    const file = path.join(dir, `старый.${kind}`);
    fs.writeFileSync(file, 'прежнее содержимое');
    const writer = open(file);
    await writer.addSheet('Лист', [{ key: 'name', header: 'Имя', type: 'text' }]);
    await writer.addRow(['Выгрузкина']);
    await writer.abort();
    expect(fs.readFileSync(file, 'utf8')).toBe('прежнее содержимое');
    expect(leftovers()).toEqual([]);
  });
});
