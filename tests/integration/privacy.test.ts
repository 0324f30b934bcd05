import fs from 'node:fs';
import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteConnection } from '../../main/db/open';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { logActivity, timeline } from '../../main/services/activities-service';
import { createCompany, trashCompanies } from '../../main/services/companies-service';
import { runBulk } from '../../main/services/bulk-service';
import { archiveCustomField, createCustomField } from '../../main/services/custom-fields-service';
import { listPeoplePage } from '../../main/services/lists/people-list-service';
import { ImportSessions, suggestedSetup, undoImport } from '../../main/services/import-service';
import { mergePeople, unmergePeople } from '../../main/services/merge-service';
import { createPerson, getPerson, restorePeople, trashPeople, updatePerson } from '../../main/services/people-service';
import {
  ERASED_PERSON_LABEL,
  erasePerson,
  exportPersonalData,
  safeFileName,
} from '../../main/services/privacy-service';
import { search } from '../../main/services/search-service';
import { transliterate } from '../../shared/text/transliterate';
import { createUser } from '../../main/services/users-service';
import { openTestDatabase, TEST_PASSPHRASE, testEnv } from '../support/open-test-database';
import { expectAppError } from '../support/shared-test-database';
import { writeCsv } from '../support/import-fixtures';
import { useTempDir } from '../support/temp-dir';

/**
 * Every page of a SQLCipher 4 file decrypted with node:crypto from the published format
 * (PBKDF2-HMAC-SHA512 256,000 iterations, AES-256-CBC, per-page HMAC-SHA512 over the ciphertext,
 * the IV and the page number), free pages included: what someone holding the passphrase could
 * read from the file with any tool, not just what SQL still returns.
 */
function decryptWholeFile(filePath: string, passphrase: string, pageSize = 4096): Buffer {
  const file = fs.readFileSync(filePath);
  const salt = file.subarray(0, 16);
  const key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, 256_000, 32, 'sha512');
  const hmacKey = pbkdf2Sync(
    key,
    salt.map((byte) => byte ^ 0x3a),
    2,
    32,
    'sha512',
  );
  const reserve = 16 + 64;
  const pages: Buffer[] = [];
  for (let offset = 0, number = 1; offset < file.length; offset += pageSize, number += 1) {
    const page = file.subarray(offset, offset + pageSize);
    const encrypted = page.subarray(number === 1 ? 16 : 0, pageSize - reserve);
    const iv = page.subarray(pageSize - reserve, pageSize - 64);
    const pageNumber = Buffer.alloc(4);
    pageNumber.writeUInt32LE(number);
    const hmac = createHmac('sha512', hmacKey).update(encrypted).update(iv).update(pageNumber).digest();
    if (!hmac.equals(page.subarray(pageSize - 64))) throw new Error(`Page ${number} does not authenticate`);
    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    pages.push(decipher.update(encrypted), decipher.final());
  }
  return Buffer.concat(pages);
}

/** Strings only this person has; tags and the company are shared vocabulary and stay. */
const MARKERS = {
  lastName: 'Уникальнофамильный',
  oldLastName: 'Старофамильный',
  middleName: 'Ксаверьевич',
  note: 'секретная заметка 7731',
  oldNote: 'прежняя заметка 5519',
  email: 'zz.marker7731@example.ru',
  secondEmail: 'personal.marker5519@example.com',
  oldEmail: 'old.address4242@example.org',
  phone: '79167773131',
  secondPhone: '74957317731',
  street: 'ул. Потайная, д. 7731',
  position: 'Хранитель секретов',
  website: 'https://marker-7731.example',
  consentSource: 'Договор №7731-П',
  customValue: 'пароль-маркер-5521',
  archivedValue: 'архивное-значение-6613',
  callSubject: 'Звонок о проекте Сапфир',
  callBody: 'Обсудили тайный проект Сапфир, бюджет 7731',
  callOutcome: 'Перезвонить после Сапфира',
  meetingBody: 'Встреча в кафе Изумруд',
  noteBody: 'Любит чай с бергамотом 7731',
};

/** Marker spellings to look for in raw bytes: as typed, and folded as the search index stores words. */
function byteNeedles(): string[] {
  return [...new Set(Object.values(MARKERS).flatMap((marker) => [marker, marker.toLocaleLowerCase('ru')]))];
}

/**
 * Every column of every table (the search index's shadow tables included) that holds one of the
 * strings, as "table.column: string". Compared as bytes, so blobs such as index segments count.
 */
function tablesContaining(connection: SqliteConnection, needles: string[]): string[] {
  const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
  const tables = connection
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`)
    .all() as Array<{ name: string }>;
  expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['people', 'people_search_data']));
  const found: string[] = [];
  for (const { name } of tables) {
    const columns = connection.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as Array<{ name: string }>;
    for (const column of columns) {
      const count = connection.prepare(
        `SELECT count(*) AS n FROM ${quoted(name)} WHERE instr(CAST(${quoted(column.name)} AS BLOB), CAST(? AS BLOB)) > 0`,
      );
      for (const needle of needles) {
        if ((count.get(needle) as { n: number }).n > 0) found.push(`${name}.${column.name}: ${needle}`);
      }
    }
  }
  return found;
}

describe('personal data: export and erasure', () => {
  const tempDir = useTempDir();
  let database: OpenDatabase;
  const env = testEnv();
  const options = { defaultCountry: 'RU' };

  beforeEach(async () => {
    database = await openTestDatabase(tempDir());
  });
  afterEach(async () => {
    await database.close();
  });

  /** A person with everything the app can hold, edited once (so old values sit in freed space), and a bystander. */
  async function seedPerson() {
    const db = database.db;
    const owner = await createUser(db, { displayName: 'Менеджер Ольга' }, env);
    const company = await createCompany(db, { name: 'ООО «Ромашка»' }, env);
    const codeWord = await createCustomField(db, { entity: 'person', label: 'Кодовое слово', type: 'text' }, env);
    const oldField = await createCustomField(db, { entity: 'person', label: 'Старое поле', type: 'text' }, env);
    const bystander = await createPerson(
      db,
      { lastName: 'Иванов', firstName: 'Иван', phones: [{ value: '8 916 000-11-22' }], companyId: company.id },
      env,
    );
    const created = await createPerson(
      db,
      {
        lastName: MARKERS.oldLastName,
        firstName: 'Пётр',
        emails: [{ value: MARKERS.oldEmail }],
        notes: MARKERS.oldNote,
        customFields: { [oldField.key]: MARKERS.archivedValue },
      },
      env,
    );
    await archiveCustomField(db, oldField.id, env);
    const person = await updatePerson(
      db,
      created.id,
      created.version,
      {
        lastName: MARKERS.lastName,
        firstName: 'Пётр',
        middleName: MARKERS.middleName,
        companyId: company.id,
        ownerId: owner.id,
        position: MARKERS.position,
        website: MARKERS.website,
        birthday: '1980-05-17',
        source: 'Выставка',
        language: 'ru',
        preferredChannel: 'email',
        notes: MARKERS.note,
        phones: [
          { value: '8 916 777-31-31', label: 'mobile' },
          { value: '+7 495 731-77-31', label: 'work' },
        ],
        emails: [
          { value: MARKERS.email, label: 'work' },
          { value: MARKERS.secondEmail, label: 'personal' },
        ],
        addresses: [{ label: 'home', city: 'Тверь', street: MARKERS.street, postalCode: '170000' }],
        tags: ['VIP', 'Опт'],
        customFields: { [codeWord.key]: MARKERS.customValue },
        contactConsent: { granted: true, at: '2026-03-01T10:00:00.000Z', source: MARKERS.consentSource },
        marketingConsent: { granted: false, at: '2026-04-02T12:30:00.000Z', source: 'Отписался по телефону' },
      },
      env,
    );
    await logActivity(
      db,
      {
        kind: 'call',
        occurredAt: '2026-05-01T09:00:00.000Z',
        durationMinutes: 15,
        direction: 'outbound',
        subject: MARKERS.callSubject,
        body: MARKERS.callBody,
        outcome: MARKERS.callOutcome,
        personId: person.id,
        companyId: company.id,
      },
      env,
    );
    await logActivity(
      db,
      { kind: 'meeting', occurredAt: '2026-06-10T14:00:00.000Z', body: MARKERS.meetingBody, personId: person.id },
      env,
    );
    await logActivity(
      db,
      { kind: 'note', occurredAt: '2026-07-20T08:00:00.000Z', body: MARKERS.noteBody, personId: person.id },
      env,
    );
    await logActivity(
      db,
      { kind: 'call', occurredAt: '2026-05-02T09:00:00.000Z', subject: 'Звонок Иванову', personId: bystander.id },
      env,
    );
    return { person, bystander, company, owner, codeWord, oldField };
  }

  const find = (query: string) =>
    search(database.db, query, { limit: 20, types: ['person', 'company'], defaultCountry: 'RU' });
  const listIds = async (trash: boolean) =>
    (await listPeoplePage(database.db, { filter: { trash }, limit: 500 }, options)).map((row) => row.id);

  it('exports everything stored about a person as one JSON document', async () => {
    const { person, company, owner, codeWord, oldField } = await seedPerson();
    const exported = await exportPersonalData(database.db, person.id, env);

    expect(exported.mimeType).toBe('application/json');
    expect(exported.fileName).toMatch(/^Уникальнофамильный Пётр Ксаверьевич — данные \d{4}-\d{2}-\d{2}\.json$/);
    // Named in the language of the screen it was asked from.
    expect((await exportPersonalData(database.db, person.id, env, 'en')).fileName).toMatch(
      /^Уникальнофамильный Пётр Ксаверьевич — data \d{4}-\d{2}-\d{2}\.json$/,
    );
    const document = JSON.parse(exported.content);
    expect(document).toMatchObject({
      application: 'Kartoteka',
      format: 'kartoteka-personal-data',
      activitiesOrder: 'oldest first',
    });
    expect(Date.parse(document.exportedAt)).not.toBeNaN();
    expect(document.person).toMatchObject({
      id: person.id,
      displayName: 'Уникальнофамильный Пётр Ксаверьевич',
      lastName: MARKERS.lastName,
      firstName: 'Пётр',
      middleName: MARKERS.middleName,
      company: { id: company.id, name: 'ООО «Ромашка»' },
      owner: { id: owner.id, name: 'Менеджер Ольга' },
      position: MARKERS.position,
      website: MARKERS.website,
      birthday: '1980-05-17',
      source: 'Выставка',
      city: 'Тверь',
      language: 'ru',
      preferredChannel: 'email',
      notes: MARKERS.note,
      contactConsent: { granted: true, at: '2026-03-01T10:00:00.000Z', source: MARKERS.consentSource },
      marketingConsent: { granted: false, at: '2026-04-02T12:30:00.000Z', source: 'Отписался по телефону' },
      createdAt: person.createdAt,
      updatedAt: person.updatedAt,
      deletedAt: null,
    });
    expect(document.person.phones.map((phone: { value: string }) => phone.value)).toEqual([
      `+${MARKERS.phone}`,
      `+${MARKERS.secondPhone}`,
    ]);
    expect(document.person.emails).toEqual([
      { value: MARKERS.email, label: 'work' },
      { value: MARKERS.secondEmail, label: 'personal' },
    ]);
    expect(document.person.addresses).toEqual([
      { label: 'home', country: null, region: null, city: 'Тверь', street: MARKERS.street, postalCode: '170000' },
    ]);
    expect([...document.person.tags].sort()).toEqual(['VIP', 'Опт']);
    // Custom fields by key with their labels; an archived field's value is still stored, so it is exported.
    expect(document.person.customFields).toEqual([
      { key: codeWord.key, label: 'Кодовое слово', type: 'text', value: MARKERS.customValue, archived: false },
      { key: oldField.key, label: 'Старое поле', type: 'text', value: MARKERS.archivedValue, archived: true },
    ]);
    expect(document.activities).toHaveLength(3);
    expect(document.activities.map((activity: { kind: string }) => activity.kind)).toEqual(['call', 'meeting', 'note']);
    expect(document.activities[0]).toMatchObject({
      occurredAt: '2026-05-01T09:00:00.000Z',
      durationMinutes: 15,
      direction: 'outbound',
      subject: MARKERS.callSubject,
      body: MARKERS.callBody,
      outcome: MARKERS.callOutcome,
      company: { id: company.id, name: 'ООО «Ромашка»' },
      deletedAt: null,
    });
    expect(document.activities[1].body).toBe(MARKERS.meetingBody);
    expect(document.activities[2].body).toBe(MARKERS.noteBody);
    expect(exported.content).not.toContain('Звонок Иванову');
    // Pretty-printed, so a person can read it.
    expect(exported.content).toContain('\n  "person": {\n');
  });

  it('makes file names safe for every file system and keeps Cyrillic', () => {
    expect(safeFileName('Соловьёв Пётр — данные 2026-11-23', 'json')).toBe('Соловьёв Пётр — данные 2026-11-23.json');
    expect(safeFileName('ООО "Рога/Копыта": <Иван>\\|?*\u0007 Петров.', 'json')).toBe(
      'ООО Рога Копыта Иван Петров.json',
    );
    expect(safeFileName(' ... ', 'json')).toBe('export.json');
    expect(safeFileName('Я'.repeat(300), 'json')).toBe(`${'Я'.repeat(100)}.json`);
  });

  it('refuses to erase without the exact name and changes nothing', async () => {
    const { person } = await seedPerson();
    const before = await exportPersonalData(database.db, person.id, env);
    for (const wrong of ['', 'Уникальнофамильный', 'уникальнофамильный пётр ксаверьевич']) {
      const error = await expectAppError(erasePerson(database.db, person.id, wrong, env), 'InvalidInput');
      expect(error.details).toEqual({ field: 'confirmation' });
    }
    const after = await exportPersonalData(database.db, person.id, env);
    expect(JSON.parse(after.content).person).toEqual(JSON.parse(before.content).person);
    expect(JSON.parse(after.content).activities).toEqual(JSON.parse(before.content).activities);
    await expectAppError(erasePerson(database.db, 999_999, 'Кто-то', env), 'NotFound');
    await expectAppError(exportPersonalData(database.db, 999_999, env), 'NotFound');
  });

  it('erases a person for good: a tombstone stays, their data is gone everywhere', async () => {
    const { person, bystander, company } = await seedPerson();
    expect(await listIds(false)).toContain(person.id);

    // Surrounding spaces don't matter; the name must be exact otherwise.
    await erasePerson(database.db, person.id, '  Уникальнофамильный Пётр Ксаверьевич ', env);

    await expectAppError(getPerson(database.db, person.id), 'NotFound');
    await expectAppError(exportPersonalData(database.db, person.id, env), 'NotFound');
    await expectAppError(erasePerson(database.db, person.id, ERASED_PERSON_LABEL, env), 'NotFound');
    for (const query of [MARKERS.lastName, 'Уникальноф', '8 916 777-31-31', '7317731', MARKERS.email, 'Ксаверьевич']) {
      expect(
        (await find(query)).map((hit) => hit.id),
        query,
      ).not.toContain(person.id);
    }
    expect(await listIds(false)).not.toContain(person.id);
    expect(await listIds(false)).toContain(bystander.id);

    // The tombstone: a neutral label and the date, nothing else.
    const tombstone = await database.db.selectFrom('people').selectAll().where('id', '=', person.id).executeTakeFirst();
    expect(tombstone).toMatchObject({
      display_name: ERASED_PERSON_LABEL,
      first_name: null,
      middle_name: null,
      last_name: null,
      company_id: null,
      owner_id: null,
      position: null,
      website: null,
      birthday: null,
      source: null,
      city: null,
      notes: null,
      language: null,
      preferred_channel: null,
      contact_consent: null,
      contact_consent_at: null,
      contact_consent_source: null,
      marketing_consent: null,
      marketing_consent_at: null,
      marketing_consent_source: null,
      version: person.version + 1,
    });
    expect(tombstone!.erased_at).not.toBeNull();
    expect(tombstone!.deleted_at).toBe(tombstone!.erased_at);
    for (const table of ['contact_points', 'addresses', 'person_tags', 'person_custom_values'] as const) {
      const { count } = await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('person_id', '=', person.id)
        .executeTakeFirstOrThrow();
      expect(count, table).toBe(0);
    }

    // Activities still count for statistics, with no text left.
    const activities = await database.db
      .selectFrom('activities')
      .select(['kind', 'occurred_at', 'duration_minutes', 'direction', 'subject', 'body', 'outcome', 'company_id'])
      .where('person_id', '=', person.id)
      .orderBy('occurred_at')
      .execute();
    expect(activities).toEqual([
      {
        kind: 'call',
        occurred_at: '2026-05-01T09:00:00.000Z',
        duration_minutes: 15,
        direction: 'outbound',
        subject: null,
        body: null,
        outcome: null,
        company_id: company.id,
      },
      {
        kind: 'meeting',
        occurred_at: '2026-06-10T14:00:00.000Z',
        duration_minutes: null,
        direction: null,
        subject: null,
        body: null,
        outcome: null,
        company_id: null,
      },
      {
        kind: 'note',
        occurred_at: '2026-07-20T08:00:00.000Z',
        duration_minutes: null,
        direction: null,
        subject: null,
        body: null,
        outcome: null,
        company_id: null,
      },
    ]);

    // The bystander is untouched.
    expect((await getPerson(database.db, bystander.id)).phones).toHaveLength(1);
    expect((await timeline(database.db, { personId: bystander.id }, 10, null)).activities[0]?.subject).toBe(
      'Звонок Иванову',
    );
    expect((await find('Иванов')).map((hit) => hit.id)).toContain(bystander.id);
  });

  it('erases the duplicates merged into the person and the merge history that copies them', async () => {
    const db = database.db;
    const survivor = await createPerson(
      db,
      { lastName: 'Дублёв', firstName: 'Андрей', phones: [{ value: '8 903 111-22-33' }] },
      env,
    );
    const duplicate = await createPerson(
      db,
      {
        lastName: 'Дублёв',
        firstName: 'Андрей',
        emails: [{ value: 'merged.marker3391@example.ru' }],
        notes: 'заметка дубля 3391',
      },
      env,
    );
    await mergePeople(db, { survivorId: survivor.id, mergedId: duplicate.id }, env);
    // The merged-away copy can't be erased on its own: its data lives on in the survivor.
    await expectAppError(erasePerson(db, duplicate.id, 'Дублёв Андрей', env), 'InvalidInput');

    const exported = JSON.parse((await exportPersonalData(db, survivor.id, env)).content);
    expect(exported.mergedRecords).toHaveLength(1);
    expect(exported.mergedRecords[0].person).toMatchObject({ id: duplicate.id, notes: 'заметка дубля 3391' });
    // The merge itself, with the copies it keeps for its undo: stored data about the person too.
    expect(exported.history.merges).toHaveLength(1);
    expect(exported.history.merges[0]).toMatchObject({
      survivorId: survivor.id,
      mergedId: duplicate.id,
      undoneAt: null,
    });
    expect(JSON.stringify(exported.history.merges[0].earlierValues)).toContain('merged.marker3391');

    // Erasing from the trash works the same.
    await trashPeople(db, [survivor.id], env);
    await erasePerson(db, survivor.id, 'Дублёв Андрей', env);

    const rows = await db
      .selectFrom('people')
      .select(['id', 'erased_at'])
      .where('id', 'in', [survivor.id, duplicate.id])
      .execute();
    expect(rows.every((row) => row.erased_at !== null)).toBe(true);
    expect(await db.selectFrom('merges').selectAll().execute()).toEqual([]);
    expect(
      tablesContaining(database.connection, ['merged.marker3391', 'заметка дубля 3391', '79031112233', 'Дублёв']),
    ).toEqual([]);
  });

  it('keeps the erased person out of the trash, and a restore does not bring the tombstone back', async () => {
    const { person } = await seedPerson();
    await erasePerson(database.db, person.id, 'Уникальнофамильный Пётр Ксаверьевич', env);
    expect(await listIds(true)).not.toContain(person.id);
    await restorePeople(database.db, [person.id], env);
    expect(await listIds(false)).not.toContain(person.id);
    await expectAppError(getPerson(database.db, person.id), 'NotFound');
  });

  it('leaves no trace of the person in any table, the search index, or the file’s free space', async () => {
    const { person } = await seedPerson();
    const connection = database.connection;

    // The scanner works: before the erasure every current value is in the decrypted file.
    const beforeBytes = decryptWholeFile(database.path, TEST_PASSPHRASE);
    const current = Object.entries(MARKERS).filter(([name]) => !name.startsWith('old'));
    const missingBefore = current.filter(([, marker]) => !beforeBytes.includes(Buffer.from(marker)));
    expect(missingBefore).toEqual([]);

    const settings = () => [
      connection.pragma('secure_delete', { simple: true }),
      connection.pragma('temp_store', { simple: true }),
    ];
    const settingsBefore = settings();
    await erasePerson(database.db, person.id, 'Уникальнофамильный Пётр Ксаверьевич', env);

    expect(connection.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // The connection's settings are back as they were.
    expect(settings()).toEqual(settingsBefore);
    // FTS5's own check: the index matches what it should hold.
    connection.exec(`INSERT INTO people_search (people_search, rank) VALUES ('integrity-check', 0)`);

    expect(tablesContaining(connection, byteNeedles())).toEqual([]);

    for (const word of ['уникальнофамильный', 'уникальноф', 'ксаверьевич', 'zz', 'marker7731']) {
      const hits = await sql<{
        rowid: number;
      }>`SELECT rowid FROM people_search WHERE people_search MATCH ${`"${word}"*`}`.execute(database.db);
      expect(hits.rows, word).toEqual([]);
    }

    // The strongest check: every page of the file, free ones too, decrypted and searched byte by byte.
    const afterBytes = decryptWholeFile(database.path, TEST_PASSPHRASE);
    const left = byteNeedles().filter((marker) => afterBytes.includes(Buffer.from(marker)));
    expect(left).toEqual([]);
    // The bystander's data is still readable in the file: the scan would have seen the person's.
    expect(afterBytes.includes(Buffer.from('Иванов'))).toBe(true);
  });

  it('empties the trash leaving none of the deleted records’ words in the file, the search index’s pages included', async () => {
    const db = database.db;
    const doomed = await createPerson(
      db,
      { lastName: 'Мусорофамилов', firstName: 'Зиновий', emails: [{ value: 'trashmarker991@example.ru' }] },
      env,
    );
    await createPerson(db, { lastName: 'Иванов', firstName: 'Иван' }, env);
    const company = await createCompany(
      db,
      { name: 'Секретпром', emails: [{ value: 'corpmarker77@example.ru' }] },
      env,
    );
    const needles = ['мусорофамилов', 'trashmarker991', 'секретпром', 'corpmarker77'];
    expect(needles.filter((word) => !decryptWholeFile(database.path, TEST_PASSPHRASE).includes(word))).toEqual([]);

    await trashPeople(db, [doomed.id], env);
    await trashCompanies(db, [company.id], env);
    const wholeTrash = { filter: { conditions: [], text: '', trash: true } };
    await runBulk(db, 'person', { target: wholeTrash, action: { type: 'deleteForever' } }, env);
    await runBulk(db, 'company', { target: wholeTrash, action: { type: 'deleteForever' } }, env);

    const bytes = decryptWholeFile(database.path, TEST_PASSPHRASE);
    expect(needles.filter((word) => bytes.includes(Buffer.from(word)))).toEqual([]);
    expect(bytes.includes(Buffer.from('иванов'))).toBe(true);
    database.connection.exec(`INSERT INTO people_search (people_search, rank) VALUES ('integrity-check', 0)`);
  });

  /** Imports a CSV of people the way the wizard does, with every column mapped as suggested. */
  async function importCsv(dir: string, name: string, rows: string[][], mode: 'update' | 'upsert') {
    const sessions = new ImportSessions();
    const opened = await sessions.open(database.db, { path: writeCsv(dir, name, rows) });
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

  it.each(['erased', 'deleted for good from the trash'])(
    'a person %s leaves no copy of what a merge put on another record in that record’s undo copies',
    async (how) => {
      const db = database.db;
      const survivor = await createPerson(
        db,
        { lastName: 'Сидоров', firstName: 'Семён', phones: [{ value: '8 916 111-22-33' }] },
        env,
      );
      const person = await createPerson(
        db,
        {
          lastName: MARKERS.lastName,
          firstName: 'Пётр',
          phones: [{ value: '8 916 777-31-31' }],
          emails: [{ value: MARKERS.email }],
        },
        env,
      );
      const third = await createPerson(
        db,
        { lastName: 'Сидоров', firstName: 'С.', emails: [{ value: 's@example.ru' }] },
        env,
      );
      // Merged in, then a second merge and an import while the survivor holds the person's phone and e-mail.
      const first = await mergePeople(db, { survivorId: survivor.id, mergedId: person.id }, env);
      const second = await mergePeople(db, { survivorId: survivor.id, mergedId: third.id }, env);
      const report = await importCsv(
        tempDir(),
        'обновление.csv',
        [
          ['Телефон', 'Должность'],
          ['8 916 111-22-33', 'Снабженец'],
        ],
        'update',
      );
      expect(report.summary.people.update).toBe(1);
      const holding = (table: string, column: string) =>
        database.connection
          .prepare(`SELECT count(*) FROM ${table} WHERE instr(${column}, ?) > 0 OR instr(${column}, ?) > 0`)
          .pluck()
          .get(MARKERS.phone, MARKERS.email) as number;
      expect(holding('import_records', 'before')).toBe(1);
      await unmergePeople(db, second.mergeId, true, env);
      await unmergePeople(db, first.mergeId, true, env);
      // An undone merge keeps no copy.
      expect(holding('merges', 'snapshot')).toBe(0);

      if (how === 'erased') {
        await erasePerson(db, person.id, `${MARKERS.lastName} Пётр`, env);
      } else {
        await trashPeople(db, [person.id], env);
        await runBulk(db, 'person', { target: { ids: [person.id] }, action: { type: 'deleteForever' } }, env);
      }
      expect(holding('import_records', 'before')).toBe(0);
      expect(tablesContaining(database.connection, [MARKERS.phone, MARKERS.email, MARKERS.lastName])).toEqual([]);
      // The import's undo can't bring the person's phone back onto the survivor.
      await undoImport(
        db,
        { importId: report.importId, force: [{ entity: 'person', id: survivor.id }], check: false },
        env,
      );
      const after = await getPerson(db, survivor.id);
      expect(after.phones.map((phone) => phone.value)).toEqual(['+79161112233']);
      expect(after.emails).toEqual([]);
    },
  );

  it('erases the tags only the person carried, keeps shared ones, and their name in the import history', async () => {
    const db = database.db;
    const report = await importCsv(
      tempDir(),
      `${MARKERS.lastName} Пётр (визитка).csv`,
      [
        ['Фамилия', 'Имя', 'Телефон', 'Теги'],
        [MARKERS.lastName, 'Пётр', '8 916 777-31-31', 'Жена Петрова, VIP'],
        ['Иванов', 'Иван', '8 916 000-11-22', 'VIP'],
      ],
      'upsert',
    );
    expect(report.summary.people.create).toBe(2);
    const person = (await find(MARKERS.lastName)).find((hit) => hit.type === 'person')!;
    await erasePerson(db, person.id, `${MARKERS.lastName} Пётр`, env);

    const tags = database.connection.prepare('SELECT name FROM tags ORDER BY name').pluck().all();
    expect(tags).toEqual(['VIP']);
    const files = database.connection.prepare('SELECT file_name FROM imports').pluck().all();
    expect(files).toEqual(['визитка.csv']);
  });

  it('cuts the name out of a file name in Latin letters, whole words only, and from the consents it stamped', async () => {
    const db = database.db;
    const latin = transliterate(MARKERS.lastName);
    const report = await importCsv(
      tempDir(),
      `Клиенты_${latin}_clients_list.csv`,
      [
        ['Фамилия', 'Имя', 'E-mail', 'Согласие на связь'],
        [MARKERS.lastName, 'Ли', MARKERS.email, 'да'],
        ['Иванов', 'Иван', 'ivanov@example.ru', 'да'],
      ],
      'upsert',
    );
    expect(report.summary.people.create).toBe(2);
    const person = (await find(MARKERS.lastName)).find((hit) => hit.type === 'person')!;
    const colleague = (await find('Иванов')).find((hit) => hit.type === 'person')!;
    expect((await getPerson(db, colleague.id)).contactConsent?.source).toContain(latin);
    await erasePerson(db, person.id, `${MARKERS.lastName} Ли`, env);

    // «Ли» is «li» in Latin letters: too short to cut, and no word of «clients_list» anyway.
    const left = 'Клиенты clients list.csv';
    expect(database.connection.prepare('SELECT file_name FROM imports').pluck().all()).toEqual([left]);
    expect((await getPerson(db, colleague.id)).contactConsent?.source).toBe(left);
    expect(tablesContaining(database.connection, [latin])).toEqual([]);
  });

  it('exports the imports that created or updated the person, and no copy an import kept', async () => {
    const db = database.db;
    const person = await createPerson(
      db,
      { lastName: 'Историев', firstName: 'Глеб', position: 'Кладовщик', phones: [{ value: '8 916 444-55-66' }] },
      env,
    );
    await importCsv(
      tempDir(),
      'должности.csv',
      [
        ['Телефон', 'Должность'],
        ['8 916 444-55-66', 'Снабженец'],
      ],
      'update',
    );
    const exported = JSON.parse((await exportPersonalData(db, person.id, env)).content);
    expect(exported.history.imports).toEqual([
      expect.objectContaining({ recordId: person.id, file: 'должности.csv', action: 'updated', undoneAt: null }),
    ]);
    // An import's undo copy may hold another person merged in at the time: not this person's to take.
    expect(exported.history.imports[0]).not.toHaveProperty('earlierValues');
    expect(exported.history.merges).toEqual([]);
  });

  it('dates a consent an import withdraws or grants without a date, and names the file as its source', async () => {
    const db = database.db;
    const granted = { granted: true, at: '2024-03-01T10:00:00.000Z', source: 'Веб-форма' };
    const person = await createPerson(
      db,
      { lastName: 'Согласова', firstName: 'Анна', phones: [{ value: '8 916 111-00-00' }], contactConsent: granted },
      env,
    );
    const other = await createPerson(db, { lastName: 'Новикова', phones: [{ value: '8 916 222-00-00' }] }, env);
    const report = await importCsv(
      tempDir(),
      'отписки.csv',
      [
        ['Телефон', 'Согласие на связь'],
        ['8 916 111-00-00', 'нет'],
        ['8 916 222-00-00', 'да'],
      ],
      'update',
    );
    expect(report.summary.people.update).toBe(2);
    const withdrawn = (await getPerson(db, person.id)).contactConsent!;
    expect(withdrawn).toMatchObject({ granted: false, source: 'отписки.csv' });
    expect(withdrawn.at! > granted.at).toBe(true);
    expect((await getPerson(db, other.id)).contactConsent).toMatchObject({ granted: true, source: 'отписки.csv' });
    expect((await getPerson(db, other.id)).contactConsent!.at).not.toBeNull();

    // The same decision again keeps the record's date and source.
    await importCsv(
      tempDir(),
      'ещё раз.csv',
      [
        ['Телефон', 'Согласие на связь'],
        ['8 916 111-00-00', 'нет'],
      ],
      'update',
    );
    expect((await getPerson(db, person.id)).contactConsent).toEqual(withdrawn);
  });
});
