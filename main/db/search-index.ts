/**
 * The full-text index of people and companies (SQLite FTS5, contentless). The repository layer
 * keeps it in sync after each write; bulk paths (seed, import) rebuild it once at the end, since a
 * live trigger would slow bulk inserts about tenfold. Documents are built by one SQL query, so a
 * rebuild and a single update index exactly the same text; the seed, which has every part at hand
 * while it writes a row, builds the same text in JavaScript (a test holds the two together).
 */
import { sql } from 'kysely';
import { idList } from './id-list';
import type { Executor } from './repositories/executor';
import type { SqliteConnection } from './open';

/**
 * FTS5's unicode61 tokenizer folds case (Cyrillic too) but not ё to е: only that is done here, in
 * SQL, which keeps a million-row rebuild free of a JavaScript call per document.
 */
const yoToYe = (text: ReturnType<typeof sql>) => sql`replace(replace(${text}, 'ё', 'е'), 'Ё', 'Е')`;

const personDocument = sql`
  SELECT p.id AS rowid,
         ${yoToYe(sql`concat_ws(' ', p.display_name, p.last_name, p.first_name, p.middle_name)`)} AS name,
         ${yoToYe(sql`concat_ws(' ', c.name, p.position, p.city,
           (SELECT group_concat(cp.value, ' ') FROM contact_points cp WHERE cp.person_id = p.id AND cp.kind = 'email'),
           (SELECT group_concat(t.name, ' ') FROM person_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.person_id = p.id)
         )`)} AS details
    FROM people p LEFT JOIN companies c ON c.id = p.company_id AND c.deleted_at IS NULL
   WHERE p.deleted_at IS NULL`;

const companyDocument = sql`
  SELECT c.id AS rowid,
         ${yoToYe(sql`concat_ws(' ', c.name, c.legal_name)`)} AS name,
         ${yoToYe(sql`concat_ws(' ', c.industry, c.city, c.website,
           (SELECT group_concat(cp.value, ' ') FROM contact_points cp WHERE cp.company_id = c.id AND cp.kind = 'email'),
           (SELECT group_concat(t.name, ' ') FROM company_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.company_id = c.id)
         )`)} AS details
    FROM companies c
   WHERE c.deleted_at IS NULL`;

/** The parts of a person's document, as personDocument reads them. Lists are in stored order. */
export type PersonDocumentParts = {
  displayName: string;
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
  companyName: string | null;
  position: string | null;
  city: string | null;
  emails: readonly string[];
  tags: readonly string[];
};

export type CompanyDocumentParts = {
  name: string;
  legalName: string | null;
  industry: string | null;
  city: string | null;
  website: string | null;
  emails: readonly string[];
  tags: readonly string[];
};

export type SearchDocument = { name: string; details: string };

const YO = /[ёЁ]/;

/**
 * SQL's concat_ws (NULLs and empty lists skipped, the rest joined by spaces) and yoToYe. Plain loops:
 * this runs for every seeded row, where flatMap and unconditional replaceAll showed in profiles.
 */
function joinWords(parts: ReadonlyArray<string | null | readonly string[]>): string {
  let text: string | null = null;
  for (const part of parts) {
    if (part === null) continue;
    for (const word of typeof part === 'string' ? [part] : part) text = text === null ? word : `${text} ${word}`;
  }
  text ??= '';
  return YO.test(text) ? text.replaceAll('ё', 'е').replaceAll('Ё', 'Е') : text;
}

/** The text personDocument builds, from parts a bulk writer already has. */
export function personSearchDocument(parts: PersonDocumentParts): SearchDocument {
  return {
    name: joinWords([parts.displayName, parts.lastName, parts.firstName, parts.middleName]),
    details: joinWords([parts.companyName, parts.position, parts.city, parts.emails, parts.tags]),
  };
}

/** The text companyDocument builds, from parts a bulk writer already has. */
export function companySearchDocument(parts: CompanyDocumentParts): SearchDocument {
  return {
    name: joinWords([parts.name, parts.legalName]),
    details: joinWords([parts.industry, parts.city, parts.website, parts.emails, parts.tags]),
  };
}

/** Re-indexes these people (removing any that are deleted). */
export async function reindexPeople(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`DELETE FROM people_search WHERE rowid IN (${idList(ids)})`.execute(db);
  await sql`INSERT INTO people_search (rowid, name, details)
            SELECT * FROM (${personDocument}) WHERE rowid IN (${idList(ids)})`.execute(db);
}

/**
 * Re-indexes these companies, and their people, whose documents carry the company's name (a
 * renamed, trashed or restored company changes how its people are found). `withPeople: false`
 * for changes their people's documents don't show (a company's tags).
 */
export async function reindexCompanies(
  db: Executor,
  ids: readonly number[],
  { withPeople = true }: { withPeople?: boolean } = {},
): Promise<void> {
  if (ids.length === 0) return;
  await sql`DELETE FROM companies_search WHERE rowid IN (${idList(ids)})`.execute(db);
  await sql`INSERT INTO companies_search (rowid, name, details)
            SELECT * FROM (${companyDocument}) WHERE rowid IN (${idList(ids)})`.execute(db);
  if (!withPeople) return;
  const { rows } = await sql<{ ids: string }>`
    SELECT json_group_array(id) AS ids FROM people
     WHERE company_id IN (${idList(ids)}) AND deleted_at IS NULL`.execute(db);
  await reindexPeople(db, JSON.parse(rows[0]?.ids ?? '[]') as number[]);
}

/** Rebuilds both indexes from scratch: for bulk writers, inside their own transaction. */
export async function rebuildSearchIndex(db: Executor): Promise<void> {
  await sql`DELETE FROM people_search`.execute(db);
  await sql`DELETE FROM companies_search`.execute(db);
  await sql`INSERT INTO people_search (rowid, name, details) ${personDocument}`.execute(db);
  await sql`INSERT INTO companies_search (rowid, name, details) ${companyDocument}`.execute(db);
}

/** Merges index segments after a bulk load, so queries touch one b-tree. */
export function optimizeSearchIndex(connection: SqliteConnection): void {
  connection.exec(`INSERT INTO people_search (people_search) VALUES ('optimize')`);
  connection.exec(`INSERT INTO companies_search (companies_search) VALUES ('optimize')`);
}

const SEARCH_TABLES = ['people_search', 'companies_search'] as const;
// FTS5's defaults: merge 4 segments at a time as they appear; flush pending terms at 1 MiB.
const DEFAULT_AUTOMERGE = 4;
const DEFAULT_HASH_BYTES = 1024 * 1024;
// A bulk load keeps this much pending in memory: a few large segments instead of thousands of
// small ones that automerge would rewrite again and again before the final optimize.
const BULK_HASH_BYTES = 256 * 1024 * 1024;

function configureSearchIndex(connection: SqliteConnection, automerge: number, hashBytes: number): void {
  for (const table of SEARCH_TABLES) {
    // Literals: FTS5 rejects a bound number (better-sqlite3 binds it as REAL).
    connection.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', ${automerge})`);
    connection.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ${hashBytes})`);
  }
}

/** Before writing many documents one by one (inside the bulk writer's transaction). */
export function beginBulkSearchIndexing(connection: SqliteConnection): void {
  configureSearchIndex(connection, 0, BULK_HASH_BYTES);
}

/** After them: merges what was written into one segment and restores the defaults. */
export function endBulkSearchIndexing(connection: SqliteConnection): void {
  optimizeSearchIndex(connection);
  configureSearchIndex(connection, DEFAULT_AUTOMERGE, DEFAULT_HASH_BYTES);
}

/**
 * An FTS5 query matching every word of `text` as a prefix. Words are quoted, so user input can't
 * use FTS syntax (AND, NEAR, column filters...).
 */
export function prefixMatchQuery(foldedText: string): string | null {
  const words = foldedText.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

/** The words whole, not as prefixes: «петров» finds Петров and not Петрович. */
export function wholeWordsMatchQuery(foldedText: string): string | null {
  const words = foldedText.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  return words.length === 0 ? null : words.map((word) => `"${word}"`).join(' ');
}

export type MatchedRow = { rowid: number };

/** The same words, in the name column only: those records are the likeliest answers. */
export function inNames(match: string): string {
  return `name : (${match})`;
}

export async function matchPeople(db: Executor, match: string, limit: number): Promise<number[]> {
  const rows =
    await sql<MatchedRow>`SELECT rowid FROM people_search WHERE people_search MATCH ${match} LIMIT ${limit}`.execute(
      db,
    );
  return rows.rows.map((row) => row.rowid);
}

export async function matchCompanies(db: Executor, match: string, limit: number): Promise<number[]> {
  const rows =
    await sql<MatchedRow>`SELECT rowid FROM companies_search WHERE companies_search MATCH ${match} LIMIT ${limit}`.execute(
      db,
    );
  return rows.rows.map((row) => row.rowid);
}
