import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Company } from '../../shared/domain/companies';
import { createCompany } from '../../main/services/companies-service';
import { similarKeyClusters } from '../../main/services/duplicate-keys';
import { findDuplicates } from '../../main/services/duplicates-service';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { createPerson, trashPeople } from '../../main/services/people-service';
import { seedDatabase } from '../../main/seed/seed-database';
import { openTestDatabase, testEnv } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

describe('duplicate finder: same name at the same company', () => {
  const tempDir = useTempDir();
  const env = testEnv();
  let database: OpenDatabase;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    database = await openTestDatabase(tempDir());
    const company = (name: string) => createCompany(database.db, { name }, env);
    const romashka: Company = await company('ООО «Ромашка»');
    // Far enough in id order that its people are read in a later window than Ромашка's.
    database.connection
      .prepare(`INSERT INTO companies (id, name, sort_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
      .run(4999, 'Пустая', 'пустая', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    const acme: Company = await company('Acme Ltd');
    expect(acme.id).toBe(5000);
    const person = async (key: string, values: Parameters<typeof createPerson>[1]) => {
      ids[key] = (await createPerson(database.db, values, env)).id;
    };
    // Case, ё and a patronymic on one record only don't hide a pair.
    await person('solovyov1', { lastName: 'Соловьёв', firstName: 'Пётр', companyId: romashka.id });
    await person('solovyov2', { lastName: 'соловьев', firstName: 'петр', middleName: 'Ильич', companyId: romashka.id });
    // Without a first name, the whole name decides.
    await person('petrov1', { lastName: 'Петров', companyId: romashka.id });
    await person('petrov2', { lastName: 'ПЕТРОВ', companyId: romashka.id });
    // The same name at two companies is two people.
    await person('ivanovRomashka', { lastName: 'Иванов', firstName: 'Иван', companyId: romashka.id });
    await person('ivanovAcme', { lastName: 'Иванов', firstName: 'Иван', companyId: acme.id });
    await person('smith1', { lastName: 'Smith', firstName: 'John', companyId: acme.id });
    await person('smith2', { lastName: 'Smith', firstName: 'John', middleName: 'Q.', companyId: acme.id });
    // A record in the trash is no duplicate.
    await person('brown1', { lastName: 'Brown', firstName: 'Anna', companyId: acme.id });
    await person('brownTrashed', { lastName: 'Brown', firstName: 'Anna', companyId: acme.id });
    await trashPeople(database.db, [ids.brownTrashed!], env);
    // One name in parts, typed whole the other way round, and whole with a patronymic.
    await person('kuznetsovParts', { lastName: 'Кузнецов', firstName: 'Олег', companyId: romashka.id });
    await person('kuznetsovWhole', { displayName: 'Олег Кузнецов', companyId: romashka.id });
    await person('kuznetsovFull', { displayName: 'Кузнецов Олег Петрович', companyId: romashka.id });
    // A surname ending like a patronymic stays a surname: no pair with a bare «Роман», and one
    // with the same person in parts.
    await person('lukashevichWhole', { displayName: 'Лукашевич Роман Ильич', companyId: acme.id });
    await person('lukashevichParts', { lastName: 'Лукашевич', firstName: 'Роман', companyId: acme.id });
    await person('bogdanovich', { displayName: 'Богданович Роман Петрович', companyId: acme.id });
    await person('roman', { firstName: 'Роман', companyId: acme.id });
    // The same words of two people's names are no pair: Иван Петров and Пётр Иванов.
    await person('ivanPetrov', { lastName: 'Петров', firstName: 'Иван', companyId: acme.id });
    await person('petrIvanov', { lastName: 'Иванов', firstName: 'Пётр', companyId: acme.id });
    // No company, no pair.
    await person('loner1', { lastName: 'Сидоров', firstName: 'Олег' });
    await person('loner2', { lastName: 'Сидоров', firstName: 'Олег' });
  });
  afterAll(async () => {
    await database.close();
  });

  const find = (limit?: number) =>
    findDuplicates(database.db, { entity: 'person', reasons: ['nameAndCompany'], limit }, env);

  it('groups them company by company, name by name, across windows of companies', async () => {
    const groups = await find();
    // Labelled with the first display name in code-point order, as SQL's min() picks it.
    expect(groups.map((group) => [group.key, group.members.map((member) => member.id)])).toEqual([
      ['Кузнецов Олег · ООО «Ромашка»', [ids.kuznetsovParts, ids.kuznetsovWhole, ids.kuznetsovFull]],
      ['Соловьёв Пётр · ООО «Ромашка»', [ids.solovyov1, ids.solovyov2]],
      ['ПЕТРОВ · ООО «Ромашка»', [ids.petrov1, ids.petrov2]],
      ['John Q. Smith · Acme Ltd', [ids.smith1, ids.smith2]],
      ['Лукашевич Роман · Acme Ltd', [ids.lukashevichWhole, ids.lukashevichParts]],
    ]);
    expect(groups.every((group) => group.reason === 'nameAndCompany')).toBe(true);
  });

  it('stops at the limit', async () => {
    const groups = await find(1);
    expect(groups.map((group) => group.members.map((member) => member.id))).toEqual([
      [ids.kuznetsovParts, ids.kuznetsovWhole, ids.kuznetsovFull],
    ]);
  });
});

describe('duplicate finder: shared e-mails', () => {
  const tempDir = useTempDir();
  const env = testEnv();
  let database: OpenDatabase;
  const live: number[][] = [];

  beforeAll(async () => {
    database = await openTestDatabase(tempDir());
    const pair = async (email: string) => {
      const ids: number[] = [];
      for (const lastName of ['Первый', 'Второй']) {
        ids.push((await createPerson(database.db, { lastName, emails: [{ value: email }] }, env)).id);
      }
      return ids;
    };
    // A window's worth of keys shared with a record in the trash, ahead of the real pairs in key order.
    for (let index = 0; index < 100; index += 1) {
      const [, trashed] = await pair(`a${String(index).padStart(3, '0')}@example.com`);
      await trashPeople(database.db, [trashed!], env);
    }
    for (let index = 0; index < 5; index += 1) live.push(await pair(`b${index}@example.com`));
  });
  afterAll(async () => {
    await database.close();
  });

  it('looks past a window of keys that make no group, in key order, up to the limit', async () => {
    const find = (limit: number) => findDuplicates(database.db, { entity: 'person', reasons: ['email'], limit }, env);
    const groups = await find(10);
    expect(groups.map((group) => group.key)).toEqual([0, 1, 2, 3, 4].map((index) => `b${index}@example.com`));
    expect(groups.map((group) => group.members.map((member) => member.id))).toEqual(live);
    expect((await find(2)).map((group) => group.key)).toEqual(['b0@example.com', 'b1@example.com']);
  });
});

describe('duplicate finder: near names', () => {
  const tempDir = useTempDir();
  const env = testEnv();
  let database: OpenDatabase;
  const lastPair: number[] = [];
  const reordered: number[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(tempDir());
    // More people than one window of the name index holds.
    await seedDatabase(database, { people: 6000, companies: 50, activities: 0, now: new Date('2026-01-01') });
    // Last in name order: found only if the finder reads past its first window.
    for (const firstName of ['Юлиана', 'Юлиания']) {
      lastPair.push((await createPerson(database.db, { lastName: 'Ящерова', firstName }, env)).id);
    }
    // The same name the other way round, far apart in name order.
    for (const values of [
      { lastName: 'Абрикосов', firstName: 'Эраст' },
      { displayName: 'Эраст Абрикосов' },
      { displayName: 'Quill Zoe' },
      { lastName: 'Quill', firstName: 'Zoe' },
    ]) {
      reordered.push((await createPerson(database.db, values, env)).id);
    }
  });
  afterAll(async () => {
    await database.close();
  });

  it('finds the clusters a GROUP BY of the whole base by name prefix finds', async () => {
    const blocks = database.connection
      .prepare(
        `SELECT json_group_array(id) AS ids, json_group_array(sort_key) AS keys FROM people
          WHERE deleted_at IS NULL GROUP BY substr(sort_key, 1, 4) HAVING count(*) BETWEEN 2 AND 200`,
      )
      .all() as { ids: string; keys: string }[];
    const clusters = blocks.flatMap((block) => {
      const ids = JSON.parse(block.ids) as number[];
      const keys = JSON.parse(block.keys) as string[];
      return similarKeyClusters(keys).map((cluster) => cluster.map((index) => ids[index]!));
    });
    // And every name whose words some other name has in another order, all of a kind in one group.
    const byWords = new Map<string, { keys: Set<string>; ids: number[] }>();
    const live = database.connection.prepare(`SELECT id, sort_key FROM people WHERE deleted_at IS NULL`).all();
    for (const { id, sort_key } of live as { id: number; sort_key: string }[]) {
      if (!sort_key.includes(' ')) continue;
      const words = sort_key.split(' ').sort().join(' ');
      const kind = byWords.get(words) ?? { keys: new Set(), ids: [] };
      kind.keys.add(sort_key);
      kind.ids.push(id);
      byWords.set(words, kind);
    }
    const reorders = [...byWords.values()].filter((kind) => kind.keys.size > 1).map((kind) => kind.ids);
    expect(reorders).toContainEqual([reordered[0], reordered[1]]);
    expect(reorders).toContainEqual([reordered[2], reordered[3]]);
    const expected = joined([...clusters, ...reorders]).map((ids) => ({ ids: ids.sort((a, b) => a - b) }));
    const groups = async (limit: number) =>
      findDuplicates(database.db, { entity: 'person', reasons: ['similarName'], limit }, env);
    const find = async (limit: number) =>
      (await groups(limit)).map((group) => ({ ids: group.members.map((member) => member.id).sort((a, b) => a - b) }));
    // Named after the oldest record, as it is shown.
    for (const group of await groups(500)) expect(group.key).toBe(group.members[0]!.displayName);
    expect(expected.map((group) => group.ids)).toContainEqual(lastPair);
    expect(expected.length).toBeLessThan(500);
    const byFirst = (a: { ids: number[] }, b: { ids: number[] }) => a.ids[0]! - b.ids[0]!;
    const all = await find(500);
    expect([...all].sort(byFirst)).toEqual(expected.sort(byFirst));
    // A limit gives as many groups, each (a part of) one of the whole list's.
    const few = await find(3);
    expect(few).toHaveLength(3);
    for (const group of few) {
      expect(all.some((whole) => group.ids.every((id) => whole.ids.includes(id)))).toBe(true);
    }
  });
});

/** Groups sharing an id, joined (what the finder shows as one group). */
function joined(groups: number[][]): number[][] {
  const result: Array<Set<number>> = [];
  for (const group of groups) {
    const overlapping = result.filter((set) => group.some((id) => set.has(id)));
    const into = new Set([...group, ...overlapping.flatMap((set) => [...set])]);
    for (const set of overlapping) result.splice(result.indexOf(set), 1);
    result.push(into);
  }
  return result.map((set) => [...set]);
}
