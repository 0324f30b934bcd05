import type { SearchHit, SearchHitType } from '../../shared/domain/search';
import { digitsOf, foldText } from '../../shared/text/fold';
import { formatPhone, phoneQueryDigits, phoneQueryNumber } from '../../shared/text/phone';
import { toCyrillic, withShortI, withSoftSigns } from '../../shared/text/transliterate';
import type { Executor } from '../db/repositories/executor';
import { findContactPointsByKey, type ContactPointMatch } from '../db/repositories/contact-points';
import { withoutLegalForms } from '../../shared/text/legal-forms';
import { inNames, matchCompanies, matchPeople, prefixMatchQuery, wholeWordsMatchQuery } from '../db/search-index';
import { allowedTypos, editDistance } from './fuzzy';
import { prefixUpperBound } from './lists/like-pattern';

export type SearchOptions = { limit: number; types: readonly SearchHitType[]; defaultCountry: string };

type Candidate = { type: SearchHitType; id: number; matched: string | null };

/** Latin letters only, three or more: a name that may be a Russian one transliterated. */
const LATIN_NAME = /^[a-z][a-z' -]{2,}$/;
/** Fetch more than asked, so the best matches can be put first without ranking the whole index. */
const OVERFETCH = 4;
/** Names sharing a typo'd word's first letters that are compared for typos, at most. */
const FUZZY_POOL = 300;

async function phoneCandidates(db: Executor, query: string, options: SearchOptions): Promise<ContactPointMatch[]> {
  const digits = digitsOf(query);
  if (digits.length < 3) return [];
  const prefixes = phoneQueryDigits(query, options.defaultCountry).map((prefix) => ({
    column: 'search_key' as const,
    prefix,
  }));
  // A number typed without its area code is found by its ending.
  const endings =
    digits.length >= 4 ? [{ column: 'reversed_key' as const, prefix: [...digits].reverse().join('') }] : [];
  // Four digits or more are more often a number's ending than the start of a prefix shared by
  // thousands ("9657" starts every +7 965 7…), so endings go first; one typed with + is a start.
  const lookups = query.trim().startsWith('+') ? [...prefixes, ...endings] : [...endings, ...prefixes];
  return findContactPointsByKey(db, 'phone', lookups, options.limit * OVERFETCH);
}

async function ftsCandidates(
  db: Executor,
  folded: string,
  options: SearchOptions,
  limit: number,
): Promise<Candidate[]> {
  const match = prefixMatchQuery(folded);
  if (!match) return [];
  // One letter matches a large share of all words and has no prefix index: list names starting
  // with it instead, a range scan on the name index.
  const singleLetter = [...folded].length === 1;
  const [people, companies] = await Promise.all([
    options.types.includes('person')
      ? singleLetter
        ? namesStartingWith(db, 'people', folded, limit)
        : namesFirst(matchPeople, db, folded, match, limit)
      : [],
    options.types.includes('company')
      ? singleLetter
        ? namesStartingWith(db, 'companies', folded, limit)
        : namesFirst(matchCompanies, db, folded, match, limit)
      : [],
  ]);
  return [
    ...people.map((id) => ({ type: 'person' as const, id, matched: null })),
    ...companies.map((id) => ({ type: 'company' as const, id, matched: null })),
  ];
}

/**
 * Records whose name has the words whole, then those whose name has words starting with them,
 * then (while there is room) those with them anywhere: the index answers in rowid order, so
 * "Петров" would otherwise fill its rows with a hundred «…Петрович» and leave Петров Сергей out,
 * and "Иванов" with the people of «Ивановская мануфактура».
 */
async function namesFirst(
  find: (db: Executor, match: string, limit: number) => Promise<number[]>,
  db: Executor,
  folded: string,
  match: string,
  limit: number,
): Promise<number[]> {
  const found: number[] = [];
  const seen = new Set<number>();
  const whole = wholeWordsMatchQuery(folded);
  for (const query of [...(whole === null ? [] : [inNames(whole)]), inNames(match), match]) {
    for (const id of await find(db, query, limit)) {
      if (seen.has(id)) continue;
      seen.add(id);
      found.push(id);
    }
    if (found.length >= limit) break;
  }
  return found.slice(0, limit);
}

async function namesStartingWith(db: Executor, table: 'people' | 'companies', letter: string, limit: number) {
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('deleted_at', 'is', null)
    .where('sort_key', '>=', letter)
    .where('sort_key', '<', prefixUpperBound(letter))
    .orderBy('sort_key')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Typo tolerance where it is cheap: for a name of 4+ letters with no exact hits, take the people
 * whose words start with its first three letters and keep those within 1–2 edits.
 */
async function fuzzyCandidates(db: Executor, folded: string, options: SearchOptions): Promise<Candidate[]> {
  const words = folded.split(' ').filter(Boolean);
  const longest = [...words].sort((a, b) => b.length - a.length)[0];
  if (!longest || allowedTypos(longest.length) === 0) return [];
  const pool = await ftsCandidates(db, longest.slice(0, 3), options, FUZZY_POOL);
  if (pool.length === 0) return [];
  const names = await loadNames(db, pool);
  return pool.filter((candidate) => {
    const name = names.get(`${candidate.type}:${candidate.id}`);
    if (!name) return false;
    return words.every((word) => {
      const typos = allowedTypos(word.length);
      return foldText(name)
        .split(/[^\p{L}\p{N}]+/u)
        .some((token) => token.startsWith(word) || startsWithTypos(token, word, typos));
    });
  });
}

/**
 * Whether the name's word starts with the typed one, `typos` edits apart: against the closest of
 * its beginnings, as long as the typed word give or take the typos ("петрав" is "петров", the
 * start of "петрова").
 */
function startsWithTypos(token: string, word: string, typos: number): boolean {
  for (let length = Math.max(1, word.length - typos); length <= word.length + typos; length += 1) {
    if (editDistance(word, token.slice(0, length), typos) <= typos) return true;
  }
  return false;
}

async function loadNames(db: Executor, candidates: Candidate[]): Promise<Map<string, string>> {
  const personIds = candidates.filter((c) => c.type === 'person').map((c) => c.id);
  const companyIds = candidates.filter((c) => c.type === 'company').map((c) => c.id);
  const [people, companies] = await Promise.all([
    personIds.length
      ? db.selectFrom('people').select(['id', 'display_name']).where('id', 'in', personIds).execute()
      : [],
    companyIds.length ? db.selectFrom('companies').select(['id', 'name']).where('id', 'in', companyIds).execute() : [],
  ]);
  return new Map([
    ...people.map((row) => [`person:${row.id}`, row.display_name] as const),
    ...companies.map((row) => [`company:${row.id}`, row.name] as const),
  ]);
}

type RankedHit = { hit: SearchHit; byContact: boolean };

async function toHits(db: Executor, candidates: Candidate[]): Promise<RankedHit[]> {
  const personIds = candidates.filter((c) => c.type === 'person').map((c) => c.id);
  const companyIds = candidates.filter((c) => c.type === 'company').map((c) => c.id);
  const [people, companies] = await Promise.all([
    personIds.length
      ? db
          .selectFrom('people')
          .leftJoin('companies', (join) =>
            join.onRef('companies.id', '=', 'people.company_id').on('companies.deleted_at', 'is', null),
          )
          .select(['people.id', 'people.display_name', 'people.position', 'companies.name as company_name'])
          .where('people.id', 'in', personIds)
          .where('people.deleted_at', 'is', null)
          .execute()
      : [],
    companyIds.length
      ? db
          .selectFrom('companies')
          .select(['id', 'name', 'city', 'industry'])
          .where('id', 'in', companyIds)
          .where('deleted_at', 'is', null)
          .execute()
      : [],
  ]);
  const byKey = new Map<string, SearchHit>();
  for (const row of people) {
    const detail = [row.company_name, row.position].filter(Boolean).join(' · ') || null;
    byKey.set(`person:${row.id}`, { type: 'person', id: row.id, displayName: row.display_name, detail });
  }
  for (const row of companies) {
    const detail = [row.city, row.industry].filter(Boolean).join(' · ') || null;
    byKey.set(`company:${row.id}`, { type: 'company', id: row.id, displayName: row.name, detail });
  }
  return candidates.flatMap((candidate) => {
    const hit = byKey.get(`${candidate.type}:${candidate.id}`);
    if (!hit) return [];
    return [
      candidate.matched ? { hit: { ...hit, detail: candidate.matched }, byContact: true } : { hit, byContact: false },
    ];
  });
}

/** Names that start with the query come first, then names with a word starting with it. */
function relevance(hit: SearchHit, folded: string): number {
  const name = foldText(hit.displayName);
  if (name.startsWith(folded)) return 0;
  if (name.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(folded.split(' ')[0] ?? folded))) return 1;
  return 2;
}

/**
 * The one search box: people and companies by any part of a name, e-mail, phone (in any format),
 * company, city or tag, case- and ё-insensitive, with light typo tolerance for names.
 */
export async function search(db: Executor, query: string, options: SearchOptions): Promise<SearchHit[]> {
  const folded = foldText(query);
  if (folded === '') return [];
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const add = (list: Candidate[]) => {
    for (const candidate of list) {
      const key = `${candidate.type}:${candidate.id}`;
      if (seen.has(key) || !options.types.includes(candidate.type)) continue;
      seen.add(key);
      candidates.push(candidate);
    }
  };

  const phoneNumber = phoneQueryNumber(query);
  if (phoneNumber !== null) {
    // Shown as the record's card shows it: «+7 916 123-45-67», not the stored +79161234567.
    add(contactCandidates(await phoneCandidates(db, phoneNumber, options), formatPhone));
  }
  if (folded.includes('@')) {
    const matches = await findContactPointsByKey(
      db,
      'email',
      [{ column: 'search_key', prefix: folded }],
      options.limit * OVERFETCH,
    );
    add(contactCandidates(matches, (value) => value));
  }
  add(await ftsCandidates(db, folded, options, options.limit * OVERFETCH));
  // «ООО Ромашка» for the people of a company named «Ромашка» (its legal name is no part of theirs).
  const withoutForms = withoutLegalForms(folded);
  if (withoutForms !== null && candidates.length < options.limit)
    add(await ftsCandidates(db, withoutForms, options, options.limit * OVERFETCH));
  if (candidates.length === 0) add(await fuzzyCandidates(db, folded, options));
  // A Russian name typed in Latin letters ("Soloviev", from a business card or an e-mail): read
  // back into Cyrillic, found as typed or one typo off (the spellings of ь and й differ).
  const cyrillic = LATIN_NAME.test(folded) ? toCyrillic(folded) : null;
  if (cyrillic && candidates.length < options.limit) {
    add(await ftsCandidates(db, cyrillic, options, options.limit * OVERFETCH));
    for (const variant of [withSoftSigns(cyrillic), withShortI(cyrillic)]) {
      if (variant && candidates.length < options.limit)
        add(await ftsCandidates(db, variant, options, options.limit * OVERFETCH));
    }
    if (candidates.length < options.limit) add(await fuzzyCandidates(db, cyrillic, options));
  }

  // Phone and e-mail matches are the most specific, then names by how they start.
  const ranked = (await toHits(db, candidates))
    .map((entry, order) => ({ ...entry, order, score: entry.byContact ? -1 : relevance(entry.hit, folded) }))
    .sort((a, b) => a.score - b.score || a.order - b.order);
  return ranked.slice(0, options.limit).map((entry) => entry.hit);
}

/** The records of matching phones or e-mails, each with the value it matched, as `show` writes it. */
function contactCandidates(
  matches: ReadonlyArray<{ personId: number | null; companyId: number | null; value: string }>,
  show: (value: string) => string,
): Candidate[] {
  return matches.map((match) =>
    match.personId !== null
      ? { type: 'person', id: match.personId, matched: show(match.value) }
      : { type: 'company', id: match.companyId!, matched: show(match.value) },
  );
}
