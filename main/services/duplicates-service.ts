import { sql } from 'kysely';
import {
  FindDuplicatesQuery,
  duplicateReasons,
  MergeExactRequest,
  type DuplicateGroup,
  type DuplicateReason,
  type MergeEntity,
} from '../../shared/domain/duplicates';
import { foldText } from '../../shared/text/fold';
import { namesAgree } from '../../shared/text/name-words';
import { formatPhone } from '../../shared/text/phone';
import { textHash } from '../../shared/text/text-hash';
import type { AppDb } from '../db/kysely';
import type { Executor } from '../db/repositories/executor';
import { companyNameKeyOfSortKey, orderFreeKey, similarKeyClusters, surnameAndNameKey } from './duplicate-keys';
import { mergeMany } from './merge-service';
import type { ServiceEnv } from './service-env';

/** `key: null` stands for the oldest member's name. */
type RawGroup = { reason: DuplicateReason; key: string | null; ids: number[] };

/** Name blocks bigger than this are skipped by the fuzzy pass: comparing them is not cheap. */
const MAX_FUZZY_BLOCK = 200;
/** Groups a bulk merge of exact duplicates reads per round, at first and at most. */
const FIRST_EXACT_ROUND = 500;
const MAX_EXACT_GROUPS = 100_000;
/** A group shows at most this many records (a bulk merge takes the rest on its next round). */
const MAX_GROUP_MEMBERS = 50;

const owners = {
  person: { table: 'people', column: 'person_id' },
  company: { table: 'companies', column: 'company_id' },
} as const;

/**
 * Records sharing an e-mail or a phone. Keys held more than once are found on the key index alone,
 * in key order, a window of them at a time; only those are joined to their live owners. Stops at
 * `limit` groups instead of finding every shared key of the base first (1.6 s on a million people).
 */
async function sharedContactGroups(
  db: Executor,
  entity: MergeEntity,
  kind: 'email' | 'phone',
  limit: number,
): Promise<RawGroup[]> {
  const owner = owners[entity];
  const column = sql.ref(`cp.${owner.column}`);
  const window = Math.max(limit * 2, 100);
  const groups: RawGroup[] = [];
  let after = '';
  while (groups.length < limit) {
    const { rows: shared } = await sql<{ search_key: string }>`
      SELECT search_key FROM contact_points INDEXED BY contact_points_by_key
       WHERE kind = ${kind} AND search_key > ${after} AND length(search_key) >= ${kind === 'phone' ? 7 : 3}
       GROUP BY search_key HAVING count(*) > 1
       ORDER BY search_key
       LIMIT ${window}`.execute(db);
    if (shared.length === 0) break;
    const keys = shared.map((row) => row.search_key);
    const { rows } = await sql<{ key: string; ids: string }>`
      SELECT cp.search_key AS key, json_group_array(DISTINCT ${column}) AS ids
        FROM contact_points cp INDEXED BY contact_points_by_key
        JOIN ${sql.table(owner.table)} r ON r.id = ${column} AND r.deleted_at IS NULL
       WHERE cp.kind = ${kind} AND cp.search_key IN (SELECT value FROM json_each(${JSON.stringify(keys)}))
       GROUP BY cp.search_key
      HAVING count(DISTINCT ${column}) > 1
       ORDER BY cp.search_key`.execute(db);
    for (const row of rows) {
      groups.push({
        reason: kind,
        key: kind === 'phone' ? formatPhone(`+${row.key}`) : row.key,
        ids: JSON.parse(row.ids) as number[],
      });
    }
    if (shared.length < window) break;
    after = keys[keys.length - 1]!;
  }
  return groups.slice(0, limit);
}

/** Companies whose people are read per query: a few thousand index entries, grouped by name here. */
const COMPANY_WINDOW = 2000;

type CompanyPersonRow = {
  id: number;
  company_id: number;
  last_name: string | null;
  first_name: string | null;
  sort_key: string;
};

/**
 * Same surname and first name at the same company, in either order (a patronymic filled on one
 * record only doesn't hide the pair). Read from the people_of_company index alone (it holds the names), company after
 * company, window after window, stopping at `limit` groups: one GROUP BY over a folded name key
 * read every person of a million-row base from the table and sorted them all (10 s) first.
 */
async function sameNameAndCompanyGroups(db: Executor, limit: number): Promise<RawGroup[]> {
  const { rows: range } = await sql<{ last: number | null }>`
    SELECT max(company_id) AS last FROM people INDEXED BY people_of_company WHERE company_id IS NOT NULL`.execute(db);
  const last = range[0]?.last ?? 0;
  const groups: number[][] = [];
  for (let after = 0; after < last && groups.length < limit; after += COMPANY_WINDOW) {
    const { rows } = await sql<CompanyPersonRow>`
      SELECT id, company_id, last_name, first_name, sort_key FROM people INDEXED BY people_of_company
       WHERE company_id > ${after} AND company_id <= ${after + COMPANY_WINDOW} AND deleted_at IS NULL`.execute(db);
    groups.push(...sameNameGroupsOf(rows));
  }
  return labelled(db, groups.slice(0, limit));
}

/** The window's groups of ids in (company, name key) order, as a GROUP BY over both gives them. */
function sameNameGroupsOf(rows: CompanyPersonRow[]): number[][] {
  const byKey = new Map<string, { companyId: number; nameKey: string; ids: number[] }>();
  for (const row of rows) {
    // In any order, patronymic aside: «Иван Иванов» typed as one name is «Иванов Иван» in parts.
    const nameKey = surnameAndNameKey(
      row.last_name === null || row.first_name === null
        ? row.sort_key
        : `${foldText(row.last_name)} ${foldText(row.first_name)}`,
    );
    const key = `${row.company_id}\u0000${nameKey}`;
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, { companyId: row.company_id, nameKey, ids: [row.id] });
    else group.ids.push(row.id);
  }
  return [...byKey.values()]
    .filter((group) => group.ids.length > 1)
    .sort((a, b) => a.companyId - b.companyId || (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0))
    .map((group) => group.ids);
}

/** "First display name in sort order · company" for each group. */
async function labelled(db: Executor, groups: number[][]): Promise<RawGroup[]> {
  const { rows } = await sql<{ id: number; display_name: string; company: string }>`
    SELECT p.id, p.display_name, c.name AS company FROM people p JOIN companies c ON c.id = p.company_id
     WHERE p.id IN (SELECT value FROM json_each(${JSON.stringify(groups.flat())}))`.execute(db);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return groups.map((ids) => {
    const members = ids.map((id) => byId.get(id)).filter((member) => member !== undefined);
    const first = members.reduce((a, b) => (b.display_name < a.display_name ? b : a), members[0]!);
    return { reason: 'nameAndCompany', key: `${first.display_name} · ${first.company}`, ids };
  });
}

/** People read per query when looking for near names: the next rows in name order. */
const NAME_WINDOW = 5000;

/** A run of people whose names start with the same four letters (SQL's substr counts characters). */
type NameBlock = { prefix: string; ids: number[]; keys: string[] };

const namePrefix = (key: string) => Array.from(key.slice(0, 8)).slice(0, 4).join('');

/**
 * Names one or two typos apart ("Соловьев" / "Соловьёв" is folded already; "Соловьев" /
 * "Соловев" is not), compared only within a block of the same first four letters, so the work
 * stays small. Blocks are runs of the name index read in order, window after window, until
 * `limit` groups: grouping every person by prefix first sorted the whole base (1 s per million).
 */
async function similarPersonNameGroups(db: Executor, limit: number): Promise<RawGroup[]> {
  const groups: RawGroup[] = [];
  const reordered = new ReorderedNames();
  const found = () => joinOverlapping([...groups, ...reordered.groups()]).slice(0, limit);
  let block: NameBlock | null = null;
  const close = (done: NameBlock | null) => {
    if (done === null || done.keys.length < 2) return;
    for (const part of comparableParts(done)) {
      for (const cluster of similarKeyClusters(part.keys, { typos: part.keys.length <= MAX_FUZZY_BLOCK })) {
        const ids = cluster.map((index) => part.ids[index]!);
        // Named after its oldest record, as it is shown (key null), not by its folded sort key.
        groups.push({ reason: 'similarName', key: null, ids });
      }
    }
  };
  let after: { key: string; id: number } | null = null;
  for (;;) {
    const { rows } = await sql<{ id: number; sort_key: string }>`
      SELECT id, sort_key FROM people INDEXED BY people_by_name
       WHERE deleted_at IS NULL ${after === null ? sql`` : sql`AND (sort_key, id) > (${after.key}, ${after.id})`}
       ORDER BY sort_key, id
       LIMIT ${NAME_WINDOW}`.execute(db);
    for (const row of rows) {
      const prefix = namePrefix(row.sort_key);
      if (block === null || prefix !== block.prefix) {
        close(block);
        if (groups.length + reordered.count >= limit) return found();
        block = { prefix, ids: [], keys: [] };
      }
      block.ids.push(row.id);
      block.keys.push(row.sort_key);
      reordered.note(row.id, row.sort_key);
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < NAME_WINDOW) break;
    after = { key: last.sort_key, id: last.id };
  }
  close(block);
  return found();
}

/** Room for a tag of a name's own sort key beside its id in one safe integer. */
const SORT_TAG = 0x200000;

/**
 * Names of the same words in another order («Иванов Иван» / «Иван Иванов»), which the name index
 * keeps far apart. Each order-free key is kept as its hash, holding the first id and a tag of that
 * name's own sort key: numbers, not strings (a whole million-row base read keeps ~60 MB for the
 * call). The same name twice is the blocks' to find.
 */
class ReorderedNames {
  readonly #first = new Map<number, number>();
  readonly #groups = new Map<number, number[]>();

  get count(): number {
    return this.#groups.size;
  }

  note(id: number, sortKey: string): void {
    if (!sortKey.includes(' ')) return;
    const key = textHash(orderFreeKey(sortKey));
    const tag = textHash(sortKey) % SORT_TAG;
    const first = this.#first.get(key);
    if (first === undefined) this.#first.set(key, id * SORT_TAG + tag);
    else if (first % SORT_TAG !== tag) {
      const group = this.#groups.get(key);
      if (group) group.push(id);
      else this.#groups.set(key, [Math.floor(first / SORT_TAG), id]);
    }
  }

  groups(): RawGroup[] {
    return [...this.#groups.values()].map((ids) => ({ reason: 'similarName', key: null, ids }));
  }
}

/** Groups that share a record are one: a name found in its block and in another word order. */
function joinOverlapping(groups: RawGroup[]): RawGroup[] {
  const parent = groups.map((_, index) => index);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const groupOf = new Map<number, number>();
  groups.forEach((group, index) => {
    for (const id of group.ids) {
      const other = groupOf.get(id);
      if (other === undefined) groupOf.set(id, index);
      else parent[root(index)] = root(other);
    }
  });
  const joined = new Map<number, { group: RawGroup; ids: Set<number> }>();
  groups.forEach((group, index) => {
    const into = joined.get(root(index));
    if (into) for (const id of group.ids) into.ids.add(id);
    else joined.set(root(index), { group, ids: new Set(group.ids) });
  });
  return [...joined.values()].map(({ group, ids }) => ({ ...group, ids: [...ids] }));
}

/**
 * A block small enough to compare for typos whole, or else (the common surnames: Иванов, Смирнов,
 * John… in a big base) its runs of one first word: compared for typos where small enough, and
 * otherwise for the same name only, which is never left unfound.
 */
function comparableParts(block: NameBlock): Array<Pick<NameBlock, 'ids' | 'keys'>> {
  if (block.keys.length <= MAX_FUZZY_BLOCK) return [block];
  const parts = new Map<string, Pick<NameBlock, 'ids' | 'keys'>>();
  block.keys.forEach((key, index) => {
    const word = key.split(' ', 1)[0]!;
    const part = parts.get(word) ?? { ids: [], keys: [] };
    part.ids.push(block.ids[index]!);
    part.keys.push(key);
    parts.set(word, part);
  });
  return [...parts.values()];
}

type NameKeys = Map<string, number[]>;

/**
 * Every live company's id by its name key (legal form, quotes, case and ё aside): one read of
 * the name index, grouped here. Ids come in rowid order, so the oldest is usually first.
 */
async function companiesByNameKey(db: Executor): Promise<NameKeys> {
  const { rows } = await sql<{ id: number; sort_key: string }>`
    SELECT id, sort_key FROM companies INDEXED BY companies_by_name WHERE deleted_at IS NULL`.execute(db);
  const keyOf = new Map<string, string>();
  const byKey: NameKeys = new Map();
  for (const row of rows) {
    let key = keyOf.get(row.sort_key);
    if (key === undefined) keyOf.set(row.sort_key, (key = companyNameKeyOfSortKey(row.sort_key)));
    const ids = byKey.get(key);
    if (ids) ids.push(row.id);
    else byKey.set(key, [row.id]);
  }
  return byKey;
}

function sameCompanyNameGroups(byKey: NameKeys, limit: number): RawGroup[] {
  const groups: RawGroup[] = [];
  for (const ids of byKey.values()) {
    if (ids.length < 2) continue;
    groups.push({ reason: 'sameName', key: null, ids });
    if (groups.length >= limit) break;
  }
  return groups;
}

/** Company names a typo or two apart, compared as distinct name keys within a block of their first letters. */
function similarCompanyNameGroups(byKey: NameKeys, limit: number): RawGroup[] {
  const blocks = new Map<string, string[]>();
  for (const key of byKey.keys()) {
    const block = blocks.get(key.slice(0, 4));
    if (block) block.push(key);
    else blocks.set(key.slice(0, 4), [key]);
  }
  const groups: RawGroup[] = [];
  for (const keys of blocks.values()) {
    if (keys.length < 2 || keys.length > MAX_FUZZY_BLOCK) continue;
    for (const cluster of similarKeyClusters(keys)) {
      groups.push({ reason: 'similarName', key: null, ids: cluster.flatMap((index) => byKey.get(keys[index]!)!) });
      if (groups.length >= limit) return groups;
    }
  }
  return groups;
}

type Member = DuplicateGroup['members'][number];

async function describeMembers(db: Executor, entity: MergeEntity, ids: number[]): Promise<Map<number, Member>> {
  if (ids.length === 0) return new Map();
  const owner = owners[entity];
  const first = (kind: 'email' | 'phone') =>
    sql`(SELECT value FROM contact_points WHERE ${sql.ref(owner.column)} = r.id AND kind = ${kind} ORDER BY position LIMIT 1)`;
  const wanted = sql`r.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  const rows = await sql<{
    id: number;
    display_name: string;
    company: string | null;
    email: string | null;
    phone: string | null;
    created_at: string;
  }>`${
    entity === 'person'
      ? sql`SELECT r.id, r.display_name, c.name AS company, r.created_at, ${first('email')} AS email, ${first('phone')} AS phone
              FROM people r LEFT JOIN companies c ON c.id = r.company_id AND c.deleted_at IS NULL
             WHERE ${wanted}`
      : sql`SELECT r.id, r.name AS display_name, coalesce(r.city, r.legal_name) AS company, r.created_at,
                   ${first('email')} AS email, ${first('phone')} AS phone
              FROM companies r
             WHERE ${wanted}`
  }`.execute(db);
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

async function rawGroups(
  db: Executor,
  entity: MergeEntity,
  reasons: readonly DuplicateReason[],
  limit: number,
): Promise<RawGroup[]> {
  const raw: RawGroup[] = [];
  const wants = (reason: DuplicateReason) =>
    reasons.includes(reason) && (duplicateReasons[entity] as readonly DuplicateReason[]).includes(reason);
  if (wants('email')) raw.push(...(await sharedContactGroups(db, entity, 'email', limit)));
  if (wants('phone')) raw.push(...(await sharedContactGroups(db, entity, 'phone', limit)));
  if (wants('nameAndCompany')) raw.push(...(await sameNameAndCompanyGroups(db, limit)));
  if (wants('similarName') && entity === 'person') raw.push(...(await similarPersonNameGroups(db, limit)));
  if (entity === 'company' && (wants('sameName') || wants('similarName'))) {
    const byKey = await companiesByNameKey(db);
    if (wants('sameName')) raw.push(...sameCompanyNameGroups(byKey, limit));
    if (wants('similarName')) raw.push(...similarCompanyNameGroups(byKey, limit));
  }
  return raw.slice(0, limit);
}

/**
 * Groups of likely duplicates, oldest member first. People: shared e-mail, phone, name + company,
 * a near name. Companies: shared e-mail, phone, the same name (legal form and quotes aside), a near name.
 */
export async function findDuplicates(
  db: Executor,
  input: FindDuplicatesQuery,
  _env: ServiceEnv,
): Promise<DuplicateGroup[]> {
  const { entity, reasons, limit } = FindDuplicatesQuery.parse(input);
  return duplicateGroups(db, entity, reasons ?? duplicateReasons[entity], limit);
}

/** findDuplicates without the screen's cap on groups (a bulk merge may look further). */
async function duplicateGroups(
  db: Executor,
  entity: MergeEntity,
  reasons: readonly DuplicateReason[],
  limit: number,
): Promise<DuplicateGroup[]> {
  const raw = await rawGroups(db, entity, reasons, limit);
  const members = await describeMembers(db, entity, [...new Set(raw.flatMap((group) => group.ids))]);
  return raw.map((group) => {
    const sorted = group.ids
      .map((id) => members.get(id))
      .filter((member) => member !== undefined)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
      .slice(0, MAX_GROUP_MEMBERS);
    return { reason: group.reason, key: group.key ?? sorted[0]?.displayName ?? '', members: sorted };
  });
}

/**
 * Merges every group of exact duplicates (people: same e-mail, phone, or name + company;
 * companies: same e-mail, phone or name) into its oldest member, keeping the oldest's values
 * and filling its gaps. Only members whose names agree with the oldest's are merged: colleagues
 * sharing an office phone are shown as likely duplicates, never merged unseen. Each merge can be undone.
 */
export async function mergeExactDuplicates(db: AppDb, input: MergeExactRequest, env: ServiceEnv): Promise<number> {
  const { entity, reasons } = MergeExactRequest.parse(input);
  let merged = 0;
  let limit = FIRST_EXACT_ROUND;
  // Repeat until stable: a merge can make two groups one. Groups whose names disagree stay found
  // round after round: when a round merges nothing, look further (more groups) before stopping.
  for (;;) {
    const groups = await duplicateGroups(db, entity, reasons, limit);
    const used = new Set<number>();
    const requests = [];
    let unmergeable = 0;
    for (const group of groups) {
      const before = requests.length;
      // Within a group, each member joins the oldest one its name agrees with: colleagues on one
      // office phone stay apart, and two copies of one of them still become one. It must agree
      // with every name that record takes in this round too: a bare «Анна» agrees with «Анна
      // Иванова» and with «Анна Петрова», who are not one person.
      const survivors: Array<{ id: number; names: string[] }> = [];
      for (const member of group.members) {
        if (used.has(member.id)) continue;
        const survivor = survivors.find((candidate) =>
          candidate.names.every((name) => namesAgree(name, member.displayName)),
        );
        used.add(member.id);
        if (survivor) {
          requests.push({ survivorId: survivor.id, mergedId: member.id, choices: {} });
          survivor.names.push(member.displayName);
        } else {
          survivors.push({ id: member.id, names: [member.displayName] });
        }
      }
      if (requests.length === before) unmergeable += 1;
    }
    // Pairs holding more together than a record may are skipped: a round may merge none.
    const done = requests.length > 0 ? await mergeMany(db, entity, requests, env) : 0;
    if (done > 0) {
      merged += done;
      // The groups that can't be merged come first again next round: read past them.
      limit = Math.min(unmergeable + FIRST_EXACT_ROUND, MAX_EXACT_GROUPS);
    } else if (groups.length < limit || limit >= MAX_EXACT_GROUPS) {
      return merged;
    } else {
      limit = Math.min(limit * 4, MAX_EXACT_GROUPS);
    }
  }
}
