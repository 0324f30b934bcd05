import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/domain/imports';
import type { Person } from '../../shared/domain/people';
import { AppError } from '../../shared/errors';
import { deleteRecords, takeRecordSnapshot, type RecordSnapshot } from '../../main/db/repositories/record-snapshot';
import { logActivity, timeline } from '../../main/services/activities-service';
import { listMerges, mergePeople, unmergePeople } from '../../main/services/merge-service';
import { createCompany } from '../../main/services/companies-service';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { ImportSessions, importHistory, undoImport } from '../../main/services/import-service';
import { runBulk } from '../../main/services/bulk-service';
import { createPerson, getPerson, trashPeople, updatePerson } from '../../main/services/people-service';
import { search } from '../../main/services/search-service';
import { erasePerson } from '../../main/services/privacy-service';
import { writeCsv } from '../support/import-fixtures';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

/** A snapshot as stored, apart from the version (a restore moves it forward, never back). */
const comparable = (snapshot: RecordSnapshot | undefined) => {
  if (!snapshot) return snapshot;
  const { version: _version, ...row } = snapshot.row;
  return { ...snapshot, row };
};
const withoutVersion = ({ version: _version, ...rest }: Person) => rest;

describe('undoing an import', () => {
  const env = testEnv();
  let database: OpenDatabase;
  /** Ids of the people rows that are records, not tombstones. */
  const livePeopleIds = async () =>
    (await database.db.selectFrom('people').select('id').where('erased_at', 'is', null).orderBy('id').execute()).map(
      (row) => row.id,
    );
  let sessions: ImportSessions;
  let existing: Person;
  let bystander: Person;
  let before: RecordSnapshot | undefined;
  let report: ImportReport;
  let created: Map<string, number>;

  beforeEach(async () => {
    const dir = tempDir();
    database = await openTestDatabase(dir);
    sessions = new ImportSessions();
    const oldCompany = await createCompany(database.db, { name: 'ООО «Старая»' }, env);
    existing = await createPerson(
      database.db,
      {
        lastName: 'Иванов',
        firstName: 'Иван',
        companyId: oldCompany.id,
        position: 'Менеджер',
        notes: 'Старая заметка',
        phones: [{ value: '8 916 111-11-11' }, { value: '+7 495 000-00-00', label: 'work' }],
        emails: [{ value: 'ivan@romashka.ru' }],
        addresses: [{ city: 'Москва' }],
        tags: ['VIP'],
      },
      env,
    );
    bystander = await createPerson(database.db, { lastName: 'Посторонний', firstName: 'Павел' }, env);
    await logActivity(
      database.db,
      { kind: 'call', occurredAt: '2026-01-01T10:00:00.000Z', subject: 'Звонок', personId: existing.id },
      env,
    );
    existing = await getPerson(database.db, existing.id);
    before = await takeRecordSnapshot(database.db, 'person', existing.id);

    const file = writeCsv(dir, 'импорт.csv', [
      ['ФИО', 'E-mail', 'Телефон', 'Организация', 'Должность', 'Теги', 'Комментарий'],
      ['Иванов Иван', 'ivan@romashka.ru', '8 916 222-22-22', 'ООО «Новая»', 'Директор', 'Опт', 'Новая заметка'],
      ['Петров Пётр', 'petrov@example.ru', '8 916 333-33-33', 'ООО «Новая»', 'Инженер', 'Опт', ''],
      ['Сидоров Сидор', 'sidorov@example.ru', '', '', '', '', ''],
      ['Кузнецова Анна', '', '8 916 444-44-44', '', '', 'Новые', ''],
    ]);
    const opened = await sessions.open(database.db, { path: file });
    const [sheet] = opened.sheets;
    report = await sessions.run(
      database.db,
      opened.sessionId,
      {
        sheets: [
          {
            sheet: sheet!.name,
            entity: 'person',
            headerRow: sheet!.headerRow,
            columns: sheet!.columns.map((column) => ({ index: column.index, targets: column.targets })),
          },
        ],
        options: { mode: 'upsert', matchKeys: ['email', 'phone'] },
      },
      env,
    );
    const rows = await database.db
      .selectFrom('people')
      .select(['id', 'display_name'])
      .where('id', 'not in', [existing.id, bystander.id])
      .execute();
    created = new Map(rows.map((row) => [row.display_name, row.id]));
  });
  afterEach(async () => {
    sessions.closeAll();
    await database.close();
  });

  it('the import created three people and a company and updated one person', async () => {
    expect(report.summary).toMatchObject({
      people: { create: 3, update: 1, skip: 0 },
      linkedCompaniesCreated: 1,
    });
    expect([...created.keys()].sort()).toEqual(['Кузнецова Анна', 'Петров Пётр', 'Сидоров Сидор']);
    const updated = await getPerson(database.db, existing.id);
    expect(updated).toMatchObject({
      position: 'Директор',
      notes: 'Новая заметка',
      company: { name: 'ООО «Новая»' },
      tags: ['VIP', 'Опт'],
    });
    expect(updated.phones.map((phone) => phone.value)).toEqual(['+79161111111', '+79162222222', '+74950000000']);
  });

  it('restores the updated person exactly and removes what it created', async () => {
    const check = await undoImport(database.db, { importId: report.importId, force: [], check: true }, env);
    expect(check).toEqual({ removed: 0, restored: 0, conflicts: [], done: false });

    const result = await undoImport(database.db, { importId: report.importId, force: [], check: false }, env);
    expect(result).toEqual({ removed: 4, restored: 1, conflicts: [], done: true });

    expect(comparable(await takeRecordSnapshot(database.db, 'person', existing.id))).toEqual(comparable(before));
    const restored = await getPerson(database.db, existing.id);
    expect(withoutVersion(restored)).toEqual(withoutVersion(existing));
    expect(restored.version).toBeGreaterThan(existing.version);

    expect(await livePeopleIds()).toEqual([existing.id, bystander.id]);
    const companies = await database.db.selectFrom('companies').select('name').where('erased_at', 'is', null).execute();
    expect(companies.map((row) => row.name)).toEqual(['ООО «Старая»']);
    const orphanPoints = await database.db
      .selectFrom('contact_points')
      .select('id')
      .where('person_id', 'not in', [existing.id, bystander.id])
      .execute();
    expect(orphanPoints).toEqual([]);

    const options = { limit: 5, types: ['person', 'company'] as const, defaultCountry: 'RU' };
    expect(await search(database.db, 'Петров', { ...options, types: ['person'] })).toEqual([]);
    expect(await search(database.db, 'Новая', { ...options, types: ['company'] })).toEqual([]);
    expect(await search(database.db, '8 916 222-22-22', { ...options, types: ['person'] })).toEqual([]);
    expect((await search(database.db, 'Иванов', { ...options, types: ['person'] })).map((hit) => hit.id)).toEqual([
      existing.id,
    ]);

    const [history] = await importHistory(database.db);
    expect(history).toMatchObject({ id: report.importId, fileName: 'импорт.csv', mode: 'upsert' });
    expect(history!.summary).toEqual(report.summary);
    expect(history!.undoneAt).not.toBeNull();

    const again = await undoImport(database.db, { importId: report.importId, force: [], check: false }, env).catch(
      (error: unknown) => error,
    );
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).code).toBe('Conflict');
  });

  describe('a created person edited after the import', () => {
    let sidorov: Person;

    beforeEach(async () => {
      const id = created.get('Сидоров Сидор')!;
      const current = await getPerson(database.db, id);
      sidorov = await updatePerson(
        database.db,
        id,
        current.version,
        { lastName: 'Сидоров', firstName: 'Сидор', position: 'Бухгалтер', emails: [{ value: 'sidorov@example.ru' }] },
        env,
      );
    });

    it('is reported as a conflict and kept unless forced', async () => {
      const conflict = { entity: 'person', id: sidorov.id, name: 'Сидоров Сидор', action: 'created' };
      const check = await undoImport(database.db, { importId: report.importId, force: [], check: true }, env);
      expect(check).toEqual({ removed: 0, restored: 0, conflicts: [conflict], done: false });
      expect((await importHistory(database.db))[0]!.undoneAt).toBeNull();
      expect(await database.db.selectFrom('people').select('id').execute()).toHaveLength(5);

      const result = await undoImport(database.db, { importId: report.importId, force: [], check: false }, env);
      expect(result).toEqual({ removed: 3, restored: 1, conflicts: [conflict], done: true });
      expect(await getPerson(database.db, sidorov.id)).toEqual(sidorov);
      expect(await livePeopleIds()).toEqual([existing.id, bystander.id, sidorov.id]);
      expect((await importHistory(database.db))[0]!.undoneAt).not.toBeNull();
    });

    it('is removed when forced', async () => {
      const result = await undoImport(
        database.db,
        { importId: report.importId, force: [{ entity: 'person', id: sidorov.id }], check: false },
        env,
      );
      expect(result).toEqual({ removed: 4, restored: 1, conflicts: [], done: true });
      expect(await livePeopleIds()).toEqual([existing.id, bystander.id]);
      expect(comparable(await takeRecordSnapshot(database.db, 'person', existing.id))).toEqual(comparable(before));
    });
  });

  it('forgets its snapshot of a person who is erased, so an undo cannot bring their data back', async () => {
    const stored = () =>
      database.db
        .selectFrom('import_records')
        .select('before')
        .where('record_id', '=', existing.id)
        .where('entity', '=', 'person')
        .execute();
    expect((await stored())[0]?.before).toContain('Старая заметка');
    await erasePerson(database.db, existing.id, existing.displayName, env);
    expect(await stored()).toEqual([]);
    await undoImport(database.db, { importId: report.importId, force: [], check: false }, env);
    const tombstone = await database.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', existing.id)
      .executeTakeFirstOrThrow();
    expect(tombstone.erased_at).not.toBeNull();
    expect(JSON.stringify(tombstone)).not.toContain('Иванов');
  });

  it('undoes the rest of the import after some of its people were deleted for good from the trash', async () => {
    const gone = created.get('Петров Пётр')!;
    await trashPeople(database.db, [gone, existing.id], env);
    await runBulk(
      database.db,
      'person',
      { target: { ids: [gone, existing.id] }, action: { type: 'deleteForever' } },
      env,
    );

    const result = await undoImport(database.db, { importId: report.importId, force: [], check: false }, env);
    expect(result).toEqual({ removed: 3, restored: 0, conflicts: [], done: true });
    expect(await livePeopleIds()).toEqual([bystander.id]);
  });

  it('removes the tags, owners and custom fields the import made, unless something uses them since', async () => {
    const tagNames = async () =>
      (await database.db.selectFrom('tags').select('name').orderBy('name').execute()).map((row) => row.name);
    expect(await tagNames()).toEqual(['VIP', 'Новые', 'Опт']);
    // A second import makes an owner and a custom field too.
    const dir = tempDir();
    const file = writeCsv(dir, 'ответственные.csv', [
      ['ФИО', 'E-mail', 'Ответственный', 'Любимый чай', 'Теги'],
      ['Чайкин Пётр', 'tea@example.ru', 'Мария Новикова', 'Пуэр', 'Чайные'],
    ]);
    const opened = await sessions.open(database.db, { path: file });
    const [sheet] = opened.sheets;
    const second = await sessions.run(
      database.db,
      opened.sessionId,
      {
        sheets: [
          {
            sheet: sheet!.name,
            entity: 'person',
            headerRow: sheet!.headerRow,
            columns: sheet!.columns.map((column) =>
              column.index === 3
                ? { index: 3, targets: [], newField: { label: 'Любимый чай', type: 'text' as const } }
                : { index: column.index, targets: column.targets },
            ),
          },
        ],
        options: { mode: 'upsert', matchKeys: ['email'], createMissingOwners: true },
      },
      env,
    );
    const users = async () =>
      (await database.db.selectFrom('users').select('display_name').execute()).map((row) => row.display_name);
    const fields = async () =>
      (await database.db.selectFrom('custom_field_definitions').select('label').execute()).map((row) => row.label);
    expect(await users()).toContain('Мария Новикова');
    expect(await fields()).toContain('Любимый чай');
    await undoImport(database.db, { importId: second.importId, force: [], check: false }, env);
    expect(await users()).not.toContain('Мария Новикова');
    expect(await fields()).not.toContain('Любимый чай');
    expect(await tagNames()).toEqual(['VIP', 'Новые', 'Опт']);
    // Someone outside the first import takes one of its tags: that one stays.
    await runBulk(
      database.db,
      'person',
      { target: { ids: [bystander.id] }, action: { type: 'tag', tags: ['Новые'] } },
      env,
    );
    await undoImport(database.db, { importId: report.importId, force: [], check: false }, env);
    expect(await tagNames()).toEqual(['VIP', 'Новые']);
  });

  describe('a merge with a person the import created', () => {
    /** Undoes the import, forcing every record it reports as changed since. */
    async function undoForcingAll() {
      const check = await undoImport(database.db, { importId: report.importId, force: [], check: true }, env);
      const force = check.conflicts.map(({ entity, id }) => ({ entity, id }));
      return undoImport(database.db, { importId: report.importId, force, check: false }, env);
    }

    it('gives back a person merged into the created one, with the timeline, when the undo removes it', async () => {
      const petrov = created.get('Петров Пётр')!;
      await logActivity(
        database.db,
        { kind: 'note', occurredAt: '2026-02-01T10:00:00.000Z', subject: 'Записка Павлу', personId: bystander.id },
        env,
      );
      const bystanderBefore = await takeRecordSnapshot(database.db, 'person', bystander.id);
      await mergePeople(database.db, { survivorId: petrov, mergedId: bystander.id }, env);

      const result = await undoForcingAll();
      expect(result).toMatchObject({ removed: 4, restored: 1, done: true });
      expect(await livePeopleIds()).toEqual([existing.id, bystander.id]);
      expect((await getPerson(database.db, bystander.id)).deletedAt).toBeNull();
      expect(comparable(await takeRecordSnapshot(database.db, 'person', bystander.id))).toEqual(
        comparable(bystanderBefore),
      );
      const notes = await timeline(database.db, { personId: bystander.id }, 10, null);
      expect(notes.activities.map((item) => item.subject)).toEqual(['Записка Павлу']);
      expect(await database.db.selectFrom('merges').select('id').execute()).toEqual([]);
    });

    it('lets a person keep what it took from a created one merged into it, and forgets that merge', async () => {
      const sidorov = created.get('Сидоров Сидор')!;
      await mergePeople(database.db, { survivorId: bystander.id, mergedId: sidorov }, env);

      const result = await undoForcingAll();
      expect(result).toMatchObject({ removed: 4, restored: 1, done: true });
      expect(await livePeopleIds()).toEqual([existing.id, bystander.id]);
      const kept = await getPerson(database.db, bystander.id);
      expect(kept.emails.map((email) => email.value)).toEqual(['sidorov@example.ru']);
      expect(await listMerges(database.db, 'person', bystander.id)).toEqual([]);
      expect(await database.db.selectFrom('merges').select('id').execute()).toEqual([]);
    });

    it('refuses to unmerge a merge whose copy is gone, with a typed error', async () => {
      const sidorov = created.get('Сидоров Сидор')!;
      const { mergeId } = await mergePeople(database.db, { survivorId: bystander.id, mergedId: sidorov }, env);
      await deleteRecords(database.db, 'person', [sidorov], env.now().toISOString());
      await expect(unmergePeople(database.db, mergeId, true, env)).rejects.toMatchObject({ code: 'NotFound' });
    });
  });

  it('keeps a company the import created when a person outside the import joined it', async () => {
    const company = (await getPerson(database.db, existing.id)).company!;
    const current = await getPerson(database.db, bystander.id);
    await updatePerson(
      database.db,
      bystander.id,
      current.version,
      { lastName: 'Посторонний', firstName: 'Павел', companyId: company.id },
      env,
    );
    const result = await undoImport(database.db, { importId: report.importId, force: [], check: false }, env);
    expect(result.conflicts).toEqual([{ entity: 'company', id: company.id, name: 'ООО «Новая»', action: 'created' }]);
    expect(result).toMatchObject({ removed: 3, restored: 1, done: true });
    expect((await getPerson(database.db, bystander.id)).company).toEqual(company);
  });
});
