import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  archiveCustomField,
  createCustomField,
  listCustomFields,
  updateCustomField,
} from '../../main/services/custom-fields-service';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { insertCustomFieldDefinition } from '../../main/db/repositories/custom-fields';
import { ImportSessions, suggestedSetup } from '../../main/services/import-service';
import { createPerson, getPerson } from '../../main/services/people-service';
import { exportRecords } from '../../main/export/export-service';
import { ExportRequest } from '../../shared/domain/imports';
import { writeCsv } from '../support/import-fixtures';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { expectAppError } from '../support/shared-test-database';
import { useTempDir } from '../support/temp-dir';

describe('custom field labels', () => {
  const tempDir = useTempDir();
  const env = testEnv();
  let database: OpenDatabase;

  beforeEach(async () => {
    database = await openTestDatabase(tempDir());
  });
  afterEach(async () => {
    await database.close();
  });

  const field = (label: string, entity: 'person' | 'company' = 'person') =>
    createCustomField(database.db, { entity, label, type: 'text' }, env);

  it('are told apart, case and ё aside, within a record type', async () => {
    const region = await field('Регион');
    const error = await expectAppError(field('  РЕГИОН '), 'InvalidInput');
    expect(error.details).toMatchObject({ field: 'label', reason: 'labelTaken' });
    await field('Счет');
    await expectAppError(field('счёт'), 'InvalidInput');
    // A company's field may share a person's label; an archived field's label is free again.
    await field('Регион', 'company');
    const budget = await field('Бюджет');
    await archiveCustomField(database.db, budget.id, env);
    await field('Бюджет');

    // Renaming onto another field's label is refused; a field's own label in other case is fine.
    await expectAppError(updateCustomField(database.db, budget.id + 1, 'регион', []), 'InvalidInput');
    expect((await updateCustomField(database.db, region.id, 'РЕГИОН', [])).label).toBe('РЕГИОН');
  });

  it('an import asked to make a field of a label that exists fills that field instead', async () => {
    await field('Регион');
    const sessions = new ImportSessions();
    const file = writeCsv(tempDir(), 'клиенты.csv', [
      ['ФИО', 'регион'],
      ['Иванов Иван', 'Юг'],
    ]);
    const opened = await sessions.open(database.db, { path: file });
    const { sheets } = suggestedSetup(opened);
    const columns = sheets[0]!.columns.map((column) =>
      column.index === 1 ? { ...column, targets: [], newField: { label: 'регион', type: 'text' as const } } : column,
    );
    const report = await sessions.run(
      database.db,
      opened.sessionId,
      { sheets: [{ ...sheets[0]!, entity: 'person', columns }], options: { mode: 'upsert', matchKeys: ['name'] } },
      env,
    );
    expect(report.summary.people.create).toBe(1);
    const fields = await listCustomFields(database.db, 'person');
    expect(fields.map((definition) => definition.label)).toEqual(['Регион']);
    const id = database.connection.prepare('SELECT id FROM people').pluck().get() as number;
    const person = await getPerson(database.db, id);
    expect(person.customFields).toEqual({ [fields[0]!.key]: 'Юг' });

    // Of another type, that field is not the one meant: the import says so instead of dropping values.
    const numbers = await sessions.open(database.db, { path: file });
    const numbersSetup = suggestedSetup(numbers).sheets[0]!;
    const asNumber = numbersSetup.columns.map((column) =>
      column.index === 1 ? { ...column, targets: [], newField: { label: 'Регион', type: 'number' as const } } : column,
    );
    const refused = await expectAppError(
      sessions.dryRun(
        database.db,
        numbers.sessionId,
        { sheets: [{ ...numbersSetup, entity: 'person', columns: asNumber }] },
        env,
      ),
      'InvalidInput',
    );
    expect(refused.details).toMatchObject({ reason: 'labelTaken' });
  });

  it('are told apart as an import tells headers apart: spacing and punctuation aside, currency and % signs not', async () => {
    await field('Скидка');
    const error = await expectAppError(field('Скидка.'), 'InvalidInput');
    expect(error.details).toMatchObject({ field: 'label', reason: 'labelTaken' });
    await field('Скидка, %');
    await field('VIP клиент');
    await expectAppError(field('vip-клиент'), 'InvalidInput');
    const dollars = await createCustomField(
      database.db,
      { entity: 'person', label: 'Цена, $', type: 'select', options: ['до 100'] },
      env,
    );
    await field('Цена, €');
    // A field keeps its label through an edit of its options, whatever labels are alike.
    expect((await updateCustomField(database.db, dollars.id, 'Цена, $', ['до 100', 'свыше 100'])).options).toEqual([
      'до 100',
      'свыше 100',
    ]);
  });

  it('keeps options stored before the limits, and renames such a field', async () => {
    const long = 'Д'.repeat(120);
    const segment = await insertCustomFieldDefinition(
      database.db,
      { entity: 'person', key: 'segment', label: 'Сегмент', type: 'select', options: [long] },
      env.now().toISOString(),
    );
    expect((await updateCustomField(database.db, segment.id, 'Сегмент клиента', [long])).label).toBe('Сегмент клиента');
    await expectAppError(
      updateCustomField(database.db, segment.id, 'Сегмент', [long, 'Е'.repeat(101)]),
      'InvalidInput',
    );
  });

  it('a renamed field keeps the limits a new one has: 200 options of up to 100 characters', async () => {
    const segment = await createCustomField(
      database.db,
      { entity: 'person', label: 'Сегмент', type: 'select', options: ['A'] },
      env,
    );
    const many = Array.from({ length: 201 }, (_, index) => `Вариант ${index + 1}`);
    await expectAppError(updateCustomField(database.db, segment.id, 'Сегмент', many), 'InvalidInput');
    await expectAppError(updateCustomField(database.db, segment.id, 'Сегмент', ['A', 'Б'.repeat(101)]), 'InvalidInput');
    await expect(updateCustomField(database.db, segment.id, 'С'.repeat(101), ['A'])).rejects.toMatchObject({
      name: 'ZodError',
    });
    expect((await updateCustomField(database.db, segment.id, ' Сегмент ', many.slice(0, 200))).options).toHaveLength(
      200,
    );
  });

  it('a CSV export with a custom «Регион» beside the address’s «Регион» re-imports both apart', async () => {
    const region = await field('Регион');
    await createPerson(
      database.db,
      {
        firstName: 'Анна',
        lastName: 'Смирнова',
        addresses: [{ label: 'work', region: 'Московская область', city: 'Химки' }],
        customFields: { [region.key]: 'Центр' },
      },
      env,
    );
    const file = path.join(tempDir(), 'people.csv');
    await exportRecords(
      database.db,
      ExportRequest.parse({
        entity: 'person',
        columns: null,
        format: { kind: 'csv', encoding: 'utf-8' },
        path: file,
        language: 'ru',
      }),
      env,
    );
    const target = await openTestDatabase(tempDir());
    try {
      const targetRegion = await createCustomField(target.db, { entity: 'person', label: 'Регион', type: 'text' }, env);
      const sessions = new ImportSessions();
      const opened = await sessions.open(target.db, { path: file });
      const setup = suggestedSetup(opened);
      const regionTargets = setup.sheets[0]!.columns.map((column) => column.targets ?? []).filter(
        (targets) => targets.includes('address.region') || targets.includes(`custom.${targetRegion.key}`),
      );
      expect(regionTargets).toEqual([['address.region'], [`custom.${targetRegion.key}`]]);
      await sessions.run(target.db, opened.sessionId, setup, env);
      const id = target.connection.prepare('SELECT id FROM people').pluck().get() as number;
      const imported = await getPerson(target.db, id);
      expect(imported.customFields).toEqual({ [targetRegion.key]: 'Центр' });
      expect(imported.addresses.map((address) => address.region)).toEqual(['Московская область']);
    } finally {
      await target.close();
    }
  });
});
