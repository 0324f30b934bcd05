import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type OpenDatabase } from '../../main/services/encrypted-database';
import { prefixMatchQuery, rebuildSearchIndex } from '../../main/db/search-index';
import { searchTokens } from '../support/search-tokens';
import { seedDatabase, type SeedOptions, type SeedSummary } from '../../main/seed/seed-database';
import { russianFirstNames, russianLastNames, russianPatronymics } from '../../main/seed/pools';
import { HEAVY_PEOPLE, HEAVY_PERSON_ACTIVITIES } from '../../main/seed/activities';
import { digitsOf, foldText, sortKey } from '../../shared/text/fold';
import { composeDisplayName } from '../../shared/text/person-name';
import { normaliseEmail } from '../../shared/text/email';
import { useTempDir } from '../support/temp-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PASSPHRASE = 'correct horse battery';
const NOW = new Date('2026-03-01T00:00:00Z');
const SMALL: SeedOptions = { people: 2000, companies: 400, activities: 25_000, now: NOW, seed: 'test' };

type PersonRow = {
  id: number;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  display_name: string;
  sort_key: string;
  language: string;
  birthday: string | null;
  created_at: string;
  updated_at: string;
};
type ContactPointRow = {
  person_id: number | null;
  kind: string;
  value: string;
  search_key: string;
  reversed_key: string;
};

async function seededDatabase(dir: string, options: SeedOptions): Promise<[OpenDatabase, SeedSummary]> {
  const database = await createDatabase(path.join(dir, `${options.seed ?? 'default'}.kartoteka`), 'Seed', PASSPHRASE);
  return [database, await seedDatabase(database, options)];
}

function all<T>(database: OpenDatabase, sql: string, ...params: unknown[]): T[] {
  return database.connection.prepare(sql).all(...params) as T[];
}

function count(database: OpenDatabase, sql: string): number {
  return database.connection.prepare(sql).pluck().get() as number;
}

/** A fingerprint of everything a seed writes, row by row in id order. */
function fingerprint(database: OpenDatabase): string {
  const hash = createHash('sha256');
  for (const table of ['users', 'companies', 'people', 'contact_points', 'addresses', 'person_tags', 'activities']) {
    for (const row of all<unknown>(database, `SELECT * FROM ${table} ORDER BY 1, 2`)) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

function indexDefinitions(database: OpenDatabase): unknown[] {
  return all(database, `SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name`);
}

describe('seed data', () => {
  let dir: string;
  let database: OpenDatabase;
  let summary: SeedSummary;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-seed-'));
    [database, summary] = await seededDatabase(dir, SMALL);
  });

  afterAll(async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the asked counts, consistent with the summary, and a sound file', () => {
    expect(summary).toMatchObject({ people: 2000, companies: 400, activities: 25_000, users: 8 });
    expect(count(database, 'SELECT count(*) FROM people')).toBe(2000);
    expect(count(database, 'SELECT count(*) FROM companies')).toBe(400);
    expect(count(database, 'SELECT count(*) FROM activities')).toBe(25_000);
    expect(count(database, 'SELECT count(*) FROM users')).toBe(8);
    expect(count(database, 'SELECT count(*) FROM contact_points')).toBe(summary.contactPoints);
    expect(count(database, 'SELECT count(*) FROM addresses')).toBe(summary.addresses);
    expect(summary.phases).toHaveProperty('searchIndex');
    expect(database.connection.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(database.connection.pragma('foreign_key_check')).toEqual([]);
    // Turned off for the load only.
    expect(database.connection.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('puts back exactly the indexes it dropped for the load', async () => {
    const fresh = await createDatabase(path.join(dir, 'fresh.kartoteka'), 'Fresh', PASSPHRASE);
    try {
      expect(indexDefinitions(database)).toEqual(indexDefinitions(fresh));
    } finally {
      await fresh.close();
    }
  });

  it('gives every person the display name and sort key the app would', () => {
    const people = all<PersonRow>(database, 'SELECT * FROM people');
    for (const person of people) {
      const expected = composeDisplayName({
        firstName: person.first_name,
        middleName: person.middle_name,
        lastName: person.last_name,
      });
      expect(person.display_name).toBe(expected);
      expect(person.sort_key).toBe(sortKey(expected));
      expect(person.created_at <= person.updated_at && person.updated_at <= NOW.toISOString()).toBe(true);
      if (person.birthday !== null) expect(new Date(person.birthday).toISOString().slice(0, 10)).toBe(person.birthday);
    }
    expect(people.filter((person) => person.language === 'ru').length / people.length).toBeCloseTo(0.75, 1);
  });

  it('keeps Russian surnames and patronymics in the gender of the first name', () => {
    for (const [male, female] of russianLastNames) expect(female).toMatch(new RegExp(`^${male}а$|ая$`));
    for (const [male, female] of [...russianPatronymics.common, ...russianPatronymics.all]) {
      expect(male).toMatch(/ич$/);
      expect(female).toMatch(/на$/);
    }
    const female = new Set([...russianFirstNames.female.common, ...russianFirstNames.female.all]);
    const male = new Set([...russianFirstNames.male.common, ...russianFirstNames.male.all]);
    const russians = all<PersonRow>(database, `SELECT * FROM people WHERE language = 'ru'`);
    let women = 0;
    for (const person of russians) {
      if (female.has(person.first_name)) {
        women += 1;
        expect(person.last_name).toMatch(/(а|ая)$/);
        if (person.middle_name !== null) expect(person.middle_name).toMatch(/на$/);
      } else {
        expect(male.has(person.first_name)).toBe(true);
        expect(person.last_name).not.toMatch(/а$/);
        if (person.middle_name !== null) expect(person.middle_name).toMatch(/ич$/);
      }
    }
    expect(women / russians.length).toBeCloseTo(0.5, 1);
  });

  it('stores valid phones in E.164 and lower-case valid e-mails, with matching search keys', () => {
    const points = all<ContactPointRow>(database, 'SELECT * FROM contact_points');
    const countries = new Set<string>();
    for (const point of points) {
      if (point.kind === 'phone') {
        const parsed = parsePhoneNumberFromString(point.value);
        expect(parsed?.isValid(), point.value).toBe(true);
        expect(parsed?.number).toBe(point.value);
        countries.add(parsed?.country ?? '');
        expect(point.search_key).toBe(digitsOf(point.value));
      } else {
        expect(normaliseEmail(point.value)).toBe(point.value);
        expect(point.search_key).toBe(point.value);
      }
      expect(point.reversed_key).toBe([...point.search_key].reverse().join(''));
    }
    expect([...countries].sort()).toEqual(['GB', 'RU', 'US']);
    expect(
      count(
        database,
        'SELECT count(*) FROM people p WHERE NOT EXISTS (SELECT 1 FROM contact_points cp WHERE cp.person_id = p.id)',
      ),
    ).toBe(0);
  });

  it('plants a few duplicates: a shared phone or e-mail, or the same name at the same company', () => {
    const sharedContacts = count(
      database,
      `SELECT count(*) FROM (SELECT value FROM contact_points WHERE person_id IS NOT NULL
                              GROUP BY value HAVING count(DISTINCT person_id) > 1)`,
    );
    const sameNameAndCompany = count(
      database,
      `SELECT count(*) FROM (SELECT 1 FROM people WHERE company_id IS NOT NULL
                              GROUP BY display_name, company_id HAVING count(*) > 1)`,
    );
    expect(sharedContacts).toBeGreaterThan(0);
    expect(sameNameAndCompany).toBeGreaterThan(0);
    expect(sharedContacts + sameNameAndCompany).toBeLessThan(2000 * 0.02);
  });

  it('indexes every person for search, found by a prefix of the surname', () => {
    expect(count(database, 'SELECT count(*) FROM people_search')).toBe(
      count(database, 'SELECT count(*) FROM people WHERE deleted_at IS NULL'),
    );
    expect(count(database, 'SELECT count(*) FROM companies_search')).toBe(400);
    for (const id of [1, 777, 2000]) {
      const lastName = database.connection
        .prepare('SELECT last_name FROM people WHERE id = ?')
        .pluck()
        .get(id) as string;
      const match = prefixMatchQuery(foldText(lastName).slice(0, 4))!;
      const ids = all<{ rowid: number }>(
        database,
        'SELECT rowid FROM people_search WHERE people_search MATCH ?',
        match,
      );
      expect(ids.map((row) => row.rowid)).toContain(id);
    }
  });

  it('writes the very search documents a rebuild from the rows would, and leaves the index settings as they were', async () => {
    const seeded = {
      people: searchTokens(database, 'people_search'),
      companies: searchTokens(database, 'companies_search'),
    };
    expect(seeded.people.length).toBeGreaterThan(2000 * 5);
    expect(seeded.companies.length).toBeGreaterThan(400 * 3);
    await database.db.transaction().execute((transaction) => rebuildSearchIndex(transaction));
    expect(searchTokens(database, 'people_search')).toEqual(seeded.people);
    expect(searchTokens(database, 'companies_search')).toEqual(seeded.companies);
    expect(
      all(database, `SELECT k, v FROM people_search_config WHERE k IN ('automerge', 'hashsize') ORDER BY k`),
    ).toEqual([
      { k: 'automerge', v: 4 },
      { k: 'hashsize', v: 1024 * 1024 },
    ]);
  });

  it('gives the first people a long activity history, and ids in time order', () => {
    const heavy = all<{ person_id: number; n: number }>(
      database,
      'SELECT person_id, count(*) AS n FROM activities WHERE person_id <= ? GROUP BY person_id',
      HEAVY_PEOPLE,
    );
    expect(heavy).toHaveLength(HEAVY_PEOPLE);
    for (const row of heavy) expect(row.n).toBe(HEAVY_PERSON_ACTIVITIES);
    expect(
      count(
        database,
        'SELECT count(*) FROM activities a JOIN activities b ON b.id = a.id + 1 WHERE b.occurred_at < a.occurred_at',
      ),
    ).toBe(0);
    expect(count(database, `SELECT count(*) FROM activities WHERE occurred_at > '${NOW.toISOString()}'`)).toBe(0);
  });
});

describe('seed runs', () => {
  const tempDir = useTempDir();

  it('gives the same data for the same seed, and other data for another', async () => {
    const dir = tempDir();
    const options: SeedOptions = { people: 300, now: NOW, seed: 'same' };
    const fingerprints: string[] = [];
    for (const [name, seed] of [
      ['a', 'same'],
      ['b', 'same'],
      ['c', 'other'],
    ] as const) {
      const [database] = await seededDatabase(path.join(dir, name), { ...options, seed });
      fingerprints.push(fingerprint(database));
      await database.close();
    }
    expect(fingerprints[1]).toBe(fingerprints[0]);
    expect(fingerprints[2]).not.toBe(fingerprints[0]);
  });

  it('appends to a database that already has data, with new ids and new people', async () => {
    const [database] = await seededDatabase(tempDir(), { people: 200, now: NOW });
    try {
      const before = all<PersonRow>(database, 'SELECT * FROM people WHERE id <= 5');
      const second = await seedDatabase(database, { people: 100, users: 2, now: NOW });
      expect(second).toMatchObject({ people: 100, users: 2, companies: 20, activities: 300 });
      expect(count(database, 'SELECT max(id) FROM people')).toBe(300);
      expect(count(database, 'SELECT count(*) FROM people_search')).toBe(300);
      const appended = all<PersonRow>(database, 'SELECT * FROM people WHERE id BETWEEN 201 AND 205');
      expect(appended.map((person) => person.display_name)).not.toEqual(before.map((person) => person.display_name));
      expect(database.connection.pragma('foreign_key_check')).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('runs from the command line, creating the file, with a JSON summary as the last line', () => {
    const file = path.join(tempDir(), 'cli.kartoteka');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'main/cli/index.ts', 'seed', '--db', file, '--people', '50', '--seed', 'cli', '--json'],
      { cwd: ROOT, env: { ...process.env, KARTOTEKA_PASSPHRASE: PASSPHRASE }, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout.trimEnd().split('\n').at(-1) ?? '') as Record<string, unknown>;
    expect(summary).toMatchObject({
      ok: true,
      command: 'seed',
      users: 8,
      companies: 10,
      people: 50,
      activities: 150,
      contactPoints: expect.any(Number),
      elapsedMs: expect.any(Number),
      phases: expect.objectContaining({ people: expect.any(Number), searchIndex: expect.any(Number) }),
    });
    expect(fs.existsSync(file)).toBe(true);

    const invalid = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'main/cli/index.ts', 'seed', '--db', file, '--people', 'many', '--json'],
      { cwd: ROOT, env: { ...process.env, KARTOTEKA_PASSPHRASE: PASSPHRASE }, encoding: 'utf8' },
    );
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('--people');
  });
});
