import { sql } from 'kysely';
import { FindDuplicatesQuery, type DuplicateGroup, type DuplicateReason } from '../../shared/domain/duplicates';
import { formatPhone } from '../../shared/text/phone';
import type { AppDb } from '../db/kysely';
import type { Executor } from '../db/repositories/executor';
import { allowedTypos, editDistance } from './fuzzy';
import { mergeMany } from './merge-service';
import type { ServiceEnv } from './service-env';

type RawGroup = { reason: DuplicateReason; key: string; ids: number[] };

/** Surname blocks bigger than this are skipped by the fuzzy pass: comparing them is not cheap. */
const MAX_FUZZY_BLOCK = 200;

async function sharedContactGroups(db: Executor, kind: 'email' | 'phone', limit: number): Promise<RawGroup[]> {
  const rows = await sql<{ key: string; ids: string }>`
    SELECT cp.search_key AS key, json_group_array(DISTINCT cp.person_id) AS ids
      FROM contact_points cp JOIN people p ON p.id = cp.person_id AND p.deleted_at IS NULL
     WHERE cp.kind = ${kind} AND cp.person_id IS NOT NULL AND length(cp.search_key) >= ${kind === 'phone' ? 7 : 3}
     GROUP BY cp.search_key
    HAVING count(DISTINCT cp.person_id) > 1
     LIMIT ${limit}`.execute(db);
  return rows.rows.map((row) => ({
    reason: kind,
    key: kind === 'phone' ? formatPhone(`+${row.key}`) : row.key,
    ids: JSON.parse(row.ids) as number[],
  }));
}

async function sameNameAndCompanyGroups(db: Executor, limit: number): Promise<RawGroup[]> {
  const rows = await sql<{ key: string; ids: string }>`
    SELECT min(p.display_name) || ' · ' || c.name AS key, json_group_array(p.id) AS ids
      FROM people p JOIN companies c ON c.id = p.company_id
     WHERE p.deleted_at IS NULL AND p.company_id IS NOT NULL
     -- Same surname and first name: a patronymic filled on one record only doesn't hide the pair.
     GROUP BY p.company_id,
              coalesce(kartoteka_fold(p.last_name) || ' ' || kartoteka_fold(p.first_name), p.sort_key)
    HAVING count(*) > 1
     LIMIT ${limit}`.execute(db);
  return rows.rows.map((row) => ({
    reason: 'nameAndCompany' as const,
    key: row.key,
    ids: JSON.parse(row.ids) as number[],
  }));
}

/**
 * Names one or two typos apart ("Соловьев" / "Соловьёв" is folded already; "Соловьев" /
 * "Соловев" is not), compared only within a surname block, so the work stays small.
 */
async function similarNameGroups(db: Executor, limit: number): Promise<RawGroup[]> {
  const blocks = await sql<{ ids: string; keys: string }>`
    SELECT json_group_array(id) AS ids, json_group_array(sort_key) AS keys
      FROM people
     WHERE deleted_at IS NULL
     GROUP BY substr(sort_key, 1, 4)
    HAVING count(*) BETWEEN 2 AND ${MAX_FUZZY_BLOCK}`.execute(db);
  const groups: RawGroup[] = [];
  for (const block of blocks.rows) {
    const ids = JSON.parse(block.ids) as number[];
    const keys = JSON.parse(block.keys) as string[];
    const parent = ids.map((_, index) => index);
    const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
    for (let i = 0; i < keys.length; i += 1) {
      for (let j = i + 1; j < keys.length; j += 1) {
        const a = keys[i]!;
        const b = keys[j]!;
        if (a === b) continue;
        const typos = allowedTypos(Math.min(a.length, b.length));
        if (typos > 0 && editDistance(a, b, typos) <= typos) parent[root(j)] = root(i);
      }
    }
    const members = new Map<number, number[]>();
    ids.forEach((id, index) => members.set(root(index), [...(members.get(root(index)) ?? []), id]));
    for (const [rootIndex, group] of members) {
      if (group.length > 1 && new Set(group.map((id) => keys[ids.indexOf(id)])).size > 1) {
        groups.push({ reason: 'similarName', key: keys[rootIndex]!, ids: group });
      }
      if (groups.length >= limit) return groups;
    }
  }
  return groups;
}

async function describeMembers(db: Executor, ids: number[]) {
  if (ids.length === 0) return new Map();
  const rows = await sql<{
    id: number;
    display_name: string;
    company: string | null;
    email: string | null;
    phone: string | null;
    created_at: string;
  }>`
    SELECT p.id, p.display_name, c.name AS company, p.created_at,
           (SELECT value FROM contact_points WHERE person_id = p.id AND kind = 'email' ORDER BY position LIMIT 1) AS email,
           (SELECT value FROM contact_points WHERE person_id = p.id AND kind = 'phone' ORDER BY position LIMIT 1) AS phone
      FROM people p LEFT JOIN companies c ON c.id = p.company_id AND c.deleted_at IS NULL
     WHERE p.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(db);
  return new Map(
    rows.rows.map((row) => [
      row.id,
      {
        id: row.id,
        displayName: row.display_name,
        company: row.company,
        email: row.email,
        phone: row.phone === null ? null : formatPhone(row.phone),
        createdAt: row.created_at,
      },
    ]),
  );
}

/** Groups of people who are likely the same client, by shared e-mail, phone, name + company, or a near name. */
export async function findDuplicates(
  db: Executor,
  input: FindDuplicatesQuery,
  _env: ServiceEnv,
): Promise<DuplicateGroup[]> {
  const { reasons, limit } = FindDuplicatesQuery.parse(input);
  const raw: RawGroup[] = [];
  if (reasons.includes('email')) raw.push(...(await sharedContactGroups(db, 'email', limit)));
  if (reasons.includes('phone')) raw.push(...(await sharedContactGroups(db, 'phone', limit)));
  if (reasons.includes('nameAndCompany')) raw.push(...(await sameNameAndCompanyGroups(db, limit)));
  if (reasons.includes('similarName')) raw.push(...(await similarNameGroups(db, limit)));
  const limited = raw.slice(0, limit);
  const members = await describeMembers(db, [...new Set(limited.flatMap((group) => group.ids))]);
  return limited.map((group) => ({
    reason: group.reason,
    key: group.key,
    members: group.ids
      .map((id) => members.get(id))
      .filter((member) => member !== undefined)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id),
  }));
}

/**
 * Merges every group of exact duplicates (same e-mail, phone, or name + company) into its oldest
 * member, keeping the oldest's values and filling its gaps. Each merge can be undone.
 */
export async function mergeExactDuplicates(
  db: AppDb,
  reasons: Array<'email' | 'phone' | 'nameAndCompany'>,
  env: ServiceEnv,
): Promise<number> {
  let merged = 0;
  // Repeat until stable: a merge can make two groups one.
  for (;;) {
    const groups = await findDuplicates(db, { reasons, limit: 500 }, env);
    const used = new Set<number>();
    const requests = [];
    for (const group of groups) {
      const [survivor, ...others] = group.members;
      if (!survivor || used.has(survivor.id)) continue;
      used.add(survivor.id);
      for (const other of others) {
        if (used.has(other.id)) continue;
        used.add(other.id);
        requests.push({ survivorId: survivor.id, mergedId: other.id, choices: {} });
      }
    }
    if (requests.length === 0) return merged;
    merged += await mergeMany(db, requests, env);
  }
}
