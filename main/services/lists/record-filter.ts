/**
 * The list filter engine shared by people and companies: a condition (field, operator, value)
 * becomes SQL over the entity's table and its side tables. Written with sql`` and table names
 * from a fixed configuration, so both entities use one implementation.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { CustomFieldDefinition } from '../../../shared/domain/custom-fields';
import type { FilterCondition, FilterOperator } from '../../../shared/domain/list-query';
import { digitsOf, foldText, sortKey } from '../../../shared/text/fold';
import { phoneQueryDigits, phoneQueryNumber } from '../../../shared/text/phone';
import { withoutLegalForms } from '../../../shared/text/legal-forms';
import { prefixMatchQuery } from '../../db/search-index';
import { likeContains, prefixUpperBound } from './like-pattern';

/** Where an entity's data lives. Only these two fixed configurations exist. */
export type EntityTables = {
  table: 'people' | 'companies';
  searchTable: 'people_search' | 'companies_search';
  tagTable: 'person_tags' | 'company_tags';
  customTable: 'person_custom_values' | 'company_custom_values';
  /** The column pointing back at the entity in contact_points and the side tables. */
  ownerColumn: 'person_id' | 'company_id';
  /** Plain text columns that filter as "is / contains / starts with / empty". */
  textColumns: Record<string, string>;
  /** Text columns an index of live records leads with: "is" finds their spellings through it. */
  indexedTextColumns: readonly string[];
  /** Columns holding a record id (owner, company), with the table they point at. */
  referenceColumns: Record<string, { column: string; table: 'users' | 'companies' }>;
  dateColumns: Record<string, string>;
};

type Condition = { field: string; operator: FilterOperator; value: unknown };
type Sql = RawBuilder<SqlBool>;

const text = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const ids = (value: unknown): number[] => list(value).map(Number).filter(Number.isInteger);
const inList = (values: unknown[]) => sql.join(values.length > 0 ? values.map((v) => sql`${v}`) : [sql`NULL`]);
const escape = sql.raw(`ESCAPE '\\'`);

function unsupported(condition: Condition): AppError {
  return new AppError('InvalidInput', `Filter "${condition.field}" has no operator "${condition.operator}"`, {
    field: condition.field,
  });
}

/**
 * "Is" ignores case and ё, as people type: "москва" is "Москва" and "МОСКВА". A column an index
 * leads with is compared with its stored spellings of those words, found through that index, so
 * the list keeps using it; any other column (scanned anyway) is folded row by row.
 */
function isOneOf(tables: EntityTables, name: string, column: RawBuilder<unknown>, values: unknown[], live: boolean) {
  const folded = values.map((value) => foldText(String(value))).filter((value) => value !== '');
  if (!live || !tables.indexedTextColumns.includes(name)) {
    return sql<SqlBool>`kartoteka_fold(${column}) IN (${inList(folded)})`;
  }
  return sql<SqlBool>`${column} IN (${storedSpellings(tables.table, name, folded)})`;
}

/** The ways a folded first letter may be stored: both cases, and ё for е. */
function letterSpellings(letter: string): string[] {
  const letters = letter === 'е' ? ['е', 'ё'] : [letter];
  return [...new Set(letters.flatMap((one) => [one, one.toUpperCase()]))];
}

/**
 * The distinct spellings of live records' `column` that fold to one of `folded`: a loose index
 * scan (each next distinct value is one index seek) over the values starting with any spelling
 * of the word's first two letters, a few dozen seeks where reading the rows could mean thousands.
 */
function storedSpellings(table: 'people' | 'companies', name: string, folded: string[]): RawBuilder<unknown> {
  const prefixes = [
    ...new Set(
      folded.flatMap((word) => {
        const [first = '', second = ''] = [...word];
        return letterSpellings(first).flatMap((a) => (second ? letterSpellings(second).map((b) => a + b) : [a]));
      }),
    ),
  ];
  if (prefixes.length === 0) return sql`SELECT NULL WHERE 0`;
  const t = sql.table(table);
  const c = sql.ref(name);
  const next = (above: RawBuilder<unknown>, upper: RawBuilder<unknown>) =>
    sql`(SELECT min(${c}) FROM ${t} WHERE deleted_at IS NULL AND ${c} ${above} AND ${c} < ${upper})`;
  const starts = prefixes.map((prefix) => {
    const upper = prefixUpperBound(prefix);
    return sql`SELECT ${next(sql`>= ${prefix}`, sql`${upper}`)}, ${upper}`;
  });
  return sql`WITH RECURSIVE spelling (value, upper) AS (
      ${sql.join(starts, sql` UNION ALL `)}
      UNION ALL
      SELECT ${next(sql`> spelling.value`, sql`spelling.upper`)}, spelling.upper FROM spelling WHERE spelling.value IS NOT NULL
    )
    SELECT value FROM spelling WHERE value IS NOT NULL AND kartoteka_fold(value) IN (${inList(folded)})`;
}

function textColumn(column: RawBuilder<unknown>, condition: Condition, oneOf: (values: unknown[]) => Sql): Sql {
  const folded = foldText(text(condition.value));
  switch (condition.operator) {
    case 'is':
      return oneOf(list(condition.value));
    case 'isNot':
      return sql<SqlBool>`(${column} IS NULL OR NOT ${oneOf(list(condition.value))})`;
    case 'contains':
      return sql<SqlBool>`kartoteka_fold(${column}) LIKE ${likeContains(folded)} ${escape}`;
    case 'startsWith':
      return sql<SqlBool>`kartoteka_fold(${column}) LIKE ${likeContains(folded).slice(1)} ${escape}`;
    case 'isEmpty':
      return sql<SqlBool>`${column} IS NULL`;
    case 'isNotEmpty':
      return sql<SqlBool>`${column} IS NOT NULL`;
    default:
      throw unsupported(condition);
  }
}

function referenceColumn(column: RawBuilder<unknown>, target: 'users' | 'companies', condition: Condition): Sql {
  // A link to a trashed company shows as no company, so it filters as none too: it is not the company
  // a saved view names once that is trashed. The chosen ids are narrowed once, not looked up per row.
  const present =
    target === 'companies'
      ? sql<SqlBool>`EXISTS (SELECT 1 FROM companies linked WHERE linked.id = ${column} AND linked.deleted_at IS NULL)`
      : sql<SqlBool>`${column} IS NOT NULL`;
  const chosen =
    target === 'companies'
      ? sql`SELECT id FROM companies WHERE id IN (${inList(ids(condition.value))}) AND deleted_at IS NULL`
      : inList(ids(condition.value));
  switch (condition.operator) {
    case 'is':
      return sql<SqlBool>`${column} IN (${chosen})`;
    case 'isNot':
      return sql<SqlBool>`(${column} IS NULL OR ${column} NOT IN (${chosen}))`;
    case 'isEmpty':
      return sql<SqlBool>`NOT ${present}`;
    case 'isNotEmpty':
      return present;
    default:
      throw unsupported(condition);
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The UTC time the user's day `date` ("2026-11-23") starts, `days` later: main runs on the user's
 * computer, so its time zone is theirs. null for anything but a day.
 */
function localDayStart(date: string, days: number): string | null {
  const match = DAY.exec(date);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).toISOString();
}

/**
 * A date or time column against a day. A time (created, updated) is compared by the user's day it
 * falls on, as a date is: "after the 23rd" starts on the 24th, "before the 23rd" ends on the 22nd.
 */
function dateColumn(column: RawBuilder<unknown>, condition: Condition, isTime: boolean): Sql {
  const day = text(condition.value);
  switch (condition.operator) {
    case 'before':
      return sql<SqlBool>`${column} < ${(isTime ? localDayStart(day, 0) : null) ?? day}`;
    case 'after': {
      const nextDay = isTime ? localDayStart(day, 1) : null;
      return nextDay === null ? sql<SqlBool>`${column} > ${day}` : sql<SqlBool>`${column} >= ${nextDay}`;
    }
    case 'isEmpty':
      return sql<SqlBool>`${column} IS NULL`;
    case 'isNotEmpty':
      return sql<SqlBool>`${column} IS NOT NULL`;
    default:
      throw unsupported(condition);
  }
}

function name(tables: EntityTables, condition: Condition): Sql {
  const key = sortKey(text(condition.value));
  const column = sql.ref(`${tables.table}.sort_key`);
  switch (condition.operator) {
    case 'startsWith':
      return sql<SqlBool>`(${column} >= ${key} AND ${column} < ${prefixUpperBound(key)})`;
    case 'contains':
      return sql<SqlBool>`${column} LIKE ${likeContains(key)} ${escape}`;
    case 'is':
      return sql<SqlBool>`${column} = ${key}`;
    default:
      throw unsupported(condition);
  }
}

function tags(tables: EntityTables, condition: Condition, avoidFilterIndexes: boolean): Sql {
  // With "+", SQLite keeps walking the sort index instead of driving from the tag's rows.
  const owner = avoidFilterIndexes ? sql`+${sql.ref(`${tables.table}.id`)}` : sql.ref(`${tables.table}.id`);
  const tagTable = sql.table(tables.tagTable);
  const fk = sql.ref(`${tables.tagTable}.${tables.ownerColumn}`);
  const keys = inList(list(condition.value).map((value) => foldText(String(value))));
  // IN over the tag's rows (one index range, kept as a bloom filter) is far cheaper on a large base
  // than an EXISTS probe per candidate row.
  const tagged = sql`SELECT ${fk} FROM ${tagTable}`;
  const named = sql`${tagged} WHERE ${sql.ref(`${tables.tagTable}.tag_id`)} IN (SELECT id FROM tags WHERE name_key IN (${keys}))`;
  switch (condition.operator) {
    case 'is':
    case 'hasAny':
      return sql<SqlBool>`${owner} IN (${named})`;
    case 'isNot':
    case 'hasNone':
      return sql<SqlBool>`${owner} NOT IN (${named})`;
    case 'isEmpty':
      return sql<SqlBool>`NOT EXISTS (SELECT 1 FROM ${tagTable} WHERE ${fk} = ${owner})`;
    case 'isNotEmpty':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM ${tagTable} WHERE ${fk} = ${owner})`;
    default:
      throw unsupported(condition);
  }
}

function contactPoint(
  tables: EntityTables,
  kind: 'phone' | 'email',
  condition: Condition,
  defaultCountry: string,
): Sql {
  const points = sql`SELECT 1 FROM contact_points cp WHERE cp.${sql.raw(tables.ownerColumn)} = ${sql.ref(`${tables.table}.id`)} AND cp.kind = ${kind}`;
  switch (condition.operator) {
    case 'contains': {
      // "8 916 123…" is stored as +7916123…: try every reading of the typed digits (of the number
      // alone when an extension follows it, as keys have it).
      const typed = text(condition.value);
      const needles =
        kind === 'phone'
          ? phoneQueryDigits(phoneQueryNumber(typed) ?? typed, defaultCountry).filter((digits) => digits !== '')
          : [foldText(typed)];
      if (needles.length === 0) needles.push(digitsOf(typed));
      // Text without a digit is in no phone number ("%%" would have matched every one).
      if (kind === 'phone' && needles.every((needle) => needle === '')) return sql<SqlBool>`0`;
      // E-mail keys are only lower-cased (алёна@почта.рф); the typed text is folded (ё → е) too.
      const key = kind === 'email' ? sql`replace(cp.search_key, 'ё', 'е')` : sql`cp.search_key`;
      const likes = needles.map((needle) => sql<SqlBool>`${key} LIKE ${likeContains(needle)} ${escape}`);
      return sql<SqlBool>`EXISTS (${points} AND (${sql.join(likes, sql` OR `)}))`;
    }
    case 'isEmpty':
      return sql<SqlBool>`NOT EXISTS (${points})`;
    case 'isNotEmpty':
      return sql<SqlBool>`EXISTS (${points})`;
    default:
      throw unsupported(condition);
  }
}

function customField(tables: EntityTables, field: CustomFieldDefinition, condition: Condition): Sql {
  const values = sql`SELECT 1 FROM ${sql.table(tables.customTable)} v
                      WHERE v.${sql.raw(tables.ownerColumn)} = ${sql.ref(`${tables.table}.id`)} AND v.field_id = ${field.id}`;
  const numeric = field.type === 'number' || field.type === 'checkbox';
  const column = sql.raw(numeric ? 'v.value_number' : 'v.value_text');
  const scalar = (value: unknown) =>
    field.type === 'checkbox' ? (value === true || value === 'true' ? 1 : 0) : numeric ? Number(value) : text(value);
  // Free text is matched as people type it, case and ё folded (as the record's own text fields are);
  // options, numbers and dates are exact.
  const matching =
    field.type === 'text'
      ? sql<SqlBool>`EXISTS (${values} AND kartoteka_fold(v.value_text) IN (${inList(
          list(condition.value).map((value) => foldText(text(value))),
        )}))`
      : sql<SqlBool>`EXISTS (${values} AND ${column} IN (${inList(list(condition.value).map(scalar))}))`;
  if (field.type === 'checkbox' && (condition.operator === 'is' || condition.operator === 'isNot')) {
    // A box never ticked has no stored value: "not ticked" ("is false", "is not true") is every
    // record without a ticked one, and "ticked" ("is true", "is not false") a ticked one only.
    const ticked = sql<SqlBool>`EXISTS (${values} AND ${column} = 1)`;
    const wantsTicked = (scalar(condition.value) === 1) === (condition.operator === 'is');
    return wantsTicked ? ticked : sql<SqlBool>`NOT ${ticked}`;
  }
  switch (condition.operator) {
    case 'is':
    case 'hasAny':
      return matching;
    case 'isNot':
    case 'hasNone':
      return sql<SqlBool>`NOT ${matching}`;
    case 'contains':
      return sql<SqlBool>`EXISTS (${values} AND kartoteka_fold(v.value_text) LIKE ${likeContains(foldText(text(condition.value)))} ${escape})`;
    case 'greaterThan':
    case 'after':
      return sql<SqlBool>`EXISTS (${values} AND ${column} > ${scalar(condition.value)})`;
    case 'lessThan':
    case 'before':
      return sql<SqlBool>`EXISTS (${values} AND ${column} < ${scalar(condition.value)})`;
    case 'isEmpty':
      return sql<SqlBool>`NOT EXISTS (${values})`;
    case 'isNotEmpty':
      return sql<SqlBool>`EXISTS (${values})`;
    default:
      throw unsupported(condition);
  }
}

function conditionSql(
  tables: EntityTables,
  customFields: Map<string, CustomFieldDefinition>,
  condition: Condition,
  options: ConditionOptions,
): Sql {
  const { defaultCountry } = options;
  // A unary + keeps SQLite from using the column's index, so it walks the sort order instead.
  const column = (name: string) =>
    options.avoidFilterIndexes ? sql`+${sql.ref(`${tables.table}.${name}`)}` : sql.ref(`${tables.table}.${name}`);
  const custom = customFields.get(condition.field);
  if (custom) return customField(tables, custom, condition);
  if (condition.field === 'name') return name(tables, condition);
  if (condition.field === 'tags') return tags(tables, condition, options.avoidFilterIndexes ?? false);
  if (condition.field === 'phone' || condition.field === 'email')
    return contactPoint(tables, condition.field, condition, defaultCountry);
  const textName = ownColumn(tables.textColumns, condition.field);
  if (textName) {
    const oneOf = (values: unknown[]) => isOneOf(tables, textName, column(textName), values, !options.trash);
    return textColumn(column(textName), condition, oneOf);
  }
  const reference = ownColumn(tables.referenceColumns, condition.field);
  if (reference) return referenceColumn(column(reference.column), reference.table, condition);
  const dateName = ownColumn(tables.dateColumns, condition.field);
  if (dateName) return dateColumn(column(dateName), condition, dateName.endsWith('_at'));
  throw new AppError('InvalidInput', `Unknown filter field "${condition.field}"`, { field: condition.field });
}

/** A column of the field's own (never a name every object has: "constructor", "__proto__"). */
function ownColumn<T>(columns: Readonly<Record<string, T>>, field: string): T | undefined {
  return Object.hasOwn(columns, field) ? columns[field] : undefined;
}

/**
 * The ids of records with a phone matching a list's search text that could be a phone number
 * ("8 916 123-45", "45-67"): starting with any reading of it, or ending with it, as the search box
 * finds them. One SELECT per range, joined by UNION: each is a range scan on its own index (as one
 * OR of ranges, SQLite without ANALYZE statistics read every phone through one index). null for
 * any other text.
 */
function phoneRanges(tables: EntityTables, typed: string, defaultCountry: string): RawBuilder<unknown> | null {
  const number = phoneQueryNumber(typed);
  const digits = digitsOf(number ?? '');
  if (number === null || digits.length < 3) return null;
  const owner = sql.raw(tables.ownerColumn);
  const range = (column: 'search_key' | 'reversed_key', prefix: string) =>
    sql`SELECT cp.${owner} FROM contact_points cp
         WHERE cp.kind = 'phone' AND cp.${sql.raw(column)} >= ${prefix} AND cp.${sql.raw(column)} < ${`${prefix}\uffff`}`;
  const ranges = [
    ...phoneQueryDigits(number, defaultCountry).map((prefix) => range('search_key', prefix)),
    ...(digits.length >= 4 ? [range('reversed_key', [...digits].reverse().join(''))] : []),
  ];
  return sql.join(ranges, sql` UNION `);
}

/** The WHERE of a list: trash or live rows, the search text, and every condition (AND). */
/**
 * The list text's words as prefixes, or, for text with a legal form («ООО Ромашка»), those words
 * without it too: the company's people carry its name («Ромашка»), as the search box finds them.
 */
function listMatchQuery(folded: string): string | null {
  const whole = prefixMatchQuery(folded);
  const bare = withoutLegalForms(folded);
  const withoutForms = bare === null ? null : prefixMatchQuery(bare);
  return whole !== null && withoutForms !== null ? `(${whole}) OR (${withoutForms})` : whole;
}

export type WhereOptions = {
  defaultCountry: string;
  /**
   * When many rows match, reading them in the sort index's order and stopping at the page's end
   * beats collecting every match through a filter index and sorting it; SQLite can't know which.
   */
  avoidFilterIndexes?: boolean;
};

/** What a condition needs to know of the list besides its own options. */
type ConditionOptions = WhereOptions & { trash: boolean };

export function recordWhere(
  tables: EntityTables,
  filter: { conditions: FilterCondition[]; text: string; trash: boolean },
  customFields: CustomFieldDefinition[],
  options: WhereOptions,
): Sql {
  const deleted = sql.ref(`${tables.table}.deleted_at`);
  const parts: Sql[] = [
    filter.trash
      ? // Tombstones (erased people, the highest ids of records deleted for good) never show, not even here.
        sql<SqlBool>`${deleted} IS NOT NULL AND ${sql.ref(`${tables.table}.merged_into_id`)} IS NULL
                     AND ${sql.ref(`${tables.table}.erased_at`)} IS NULL`
      : sql<SqlBool>`${deleted} IS NULL`,
  ];
  const match = listMatchQuery(foldText(filter.text));
  const phones = filter.trash ? null : phoneRanges(tables, filter.text, options.defaultCountry);
  const id = sql.ref(`${tables.table}.id`);
  const searchTable = sql.table(tables.searchTable);
  if (phones && match) {
    // Digits are phone numbers, and words too ("2024" in a tag, a postcode): one set of ids from
    // both, so each side stays an index lookup.
    parts.push(
      sql<SqlBool>`${id} IN (${phones} UNION SELECT rowid FROM ${searchTable} WHERE ${searchTable} MATCH ${match})`,
    );
  } else if (phones) {
    parts.push(sql<SqlBool>`${id} IN (${phones})`);
  } else if (match && filter.trash) {
    // The search index holds live records only; the trash is small enough to scan by name.
    const words = foldText(filter.text).split(' ').filter(Boolean);
    const key = sql.ref(`${tables.table}.sort_key`);
    parts.push(...words.map((word) => sql<SqlBool>`${key} LIKE ${likeContains(sortKey(word))} ${escape}`));
  } else if (match) {
    parts.push(sql<SqlBool>`${id} IN (SELECT rowid FROM ${searchTable} WHERE ${searchTable} MATCH ${match})`);
  }
  const byKey = new Map(customFields.map((field) => [`custom.${field.key}`, field]));
  for (const raw of filter.conditions) {
    const condition = { field: raw.field, operator: raw.operator, value: raw.value ?? null };
    parts.push(conditionSql(tables, byKey, condition, { ...options, trash: filter.trash }));
  }
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

export const peopleTables: EntityTables = {
  table: 'people',
  searchTable: 'people_search',
  tagTable: 'person_tags',
  customTable: 'person_custom_values',
  ownerColumn: 'person_id',
  textColumns: { position: 'position', city: 'city', source: 'source' },
  indexedTextColumns: ['city'],
  referenceColumns: {
    company: { column: 'company_id', table: 'companies' },
    owner: { column: 'owner_id', table: 'users' },
  },
  dateColumns: { birthday: 'birthday', createdAt: 'created_at', updatedAt: 'updated_at' },
};

export const companiesTables: EntityTables = {
  table: 'companies',
  searchTable: 'companies_search',
  tagTable: 'company_tags',
  customTable: 'company_custom_values',
  ownerColumn: 'company_id',
  textColumns: { city: 'city', industry: 'industry', source: 'source' },
  indexedTextColumns: ['city'],
  referenceColumns: { owner: { column: 'owner_id', table: 'users' } },
  dateColumns: { createdAt: 'created_at', updatedAt: 'updated_at' },
};
