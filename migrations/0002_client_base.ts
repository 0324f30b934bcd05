import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new numbered migration instead.
// People, companies and what hangs off them: contact points, addresses, tags, custom fields,
// the activity timeline, and contentless FTS5 indexes kept in sync by the repository layer
// (a live trigger slows bulk inserts about tenfold).
const statements = [
  sql`CREATE TABLE users (
    id           INTEGER PRIMARY KEY,
    display_name TEXT NOT NULL,
    email        TEXT,
    is_active    INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1
  ) STRICT`,

  sql`CREATE TABLE companies (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    sort_key       TEXT NOT NULL,
    legal_name     TEXT,
    website        TEXT,
    industry       TEXT,
    source         TEXT,
    city           TEXT,
    owner_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    notes          TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    merged_into_id INTEGER REFERENCES companies (id) ON DELETE SET NULL,
    version        INTEGER NOT NULL DEFAULT 1
  ) STRICT`,
  sql`CREATE INDEX companies_by_name ON companies (sort_key, id, deleted_at) WHERE deleted_at IS NULL`,
  sql`CREATE INDEX companies_by_owner ON companies (owner_id, sort_key, deleted_at) WHERE deleted_at IS NULL`,
  sql`CREATE INDEX companies_by_city ON companies (city, sort_key, deleted_at) WHERE deleted_at IS NULL`,
  sql`CREATE INDEX companies_by_created ON companies (created_at, id) WHERE deleted_at IS NULL`,
  sql`CREATE INDEX companies_in_trash ON companies (deleted_at) WHERE deleted_at IS NOT NULL`,

  // List indexes are partial (live rows only) and cover the columns lists filter on most (owner,
  // company, city, source) plus deleted_at, which SQLite still evaluates: any mix of those filters,
  // under any of the indexed sorts, is answered from the index alone, and a count never reads rows.
  sql`CREATE TABLE people (
    id                       INTEGER PRIMARY KEY,
    first_name               TEXT,
    middle_name              TEXT,
    last_name                TEXT,
    display_name             TEXT NOT NULL,
    sort_key                 TEXT NOT NULL,
    company_id               INTEGER REFERENCES companies (id) ON DELETE SET NULL,
    position                 TEXT,
    website                  TEXT,
    birthday                 TEXT CHECK (birthday IS NULL OR birthday GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    source                   TEXT,
    city                     TEXT,
    owner_id                 INTEGER REFERENCES users (id) ON DELETE SET NULL,
    preferred_channel        TEXT CHECK (preferred_channel IN ('phone', 'email', 'messenger', 'meeting', 'post')),
    language                 TEXT,
    notes                    TEXT,
    contact_consent          INTEGER CHECK (contact_consent IN (0, 1)),
    contact_consent_at       TEXT,
    contact_consent_source   TEXT,
    marketing_consent        INTEGER CHECK (marketing_consent IN (0, 1)),
    marketing_consent_at     TEXT,
    marketing_consent_source TEXT,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    deleted_at               TEXT,
    erased_at                TEXT,
    merged_into_id           INTEGER REFERENCES people (id) ON DELETE SET NULL,
    version                  INTEGER NOT NULL DEFAULT 1
  ) STRICT`,
  sql`CREATE INDEX people_by_name ON people (sort_key, id, owner_id, company_id, city, source, deleted_at) WHERE deleted_at IS NULL`,
  sql`CREATE INDEX people_by_owner ON people (owner_id, sort_key, company_id, city, source, deleted_at) WHERE deleted_at IS NULL`,
  sql`CREATE INDEX people_by_company ON people (company_id, sort_key, owner_id, city, source, deleted_at) WHERE deleted_at IS NULL`,
  sql`CREATE INDEX people_by_city ON people (city, sort_key, owner_id, company_id, source, deleted_at) WHERE deleted_at IS NULL`,
  sql`CREATE INDEX people_by_created ON people (created_at, id, owner_id, company_id, city, source, deleted_at) WHERE deleted_at IS NULL`,
  sql`CREATE INDEX people_by_updated ON people (updated_at, id, owner_id, company_id, city, source, deleted_at) WHERE deleted_at IS NULL`,
  sql`CREATE INDEX people_in_trash ON people (deleted_at) WHERE deleted_at IS NOT NULL`,

  // Phones and emails of people and companies. search_key: E.164 digits or the e-mail;
  // reversed_key: the same reversed, so "the last digits" is an indexed prefix search too.
  sql`CREATE TABLE contact_points (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER REFERENCES people (id) ON DELETE CASCADE,
    company_id   INTEGER REFERENCES companies (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('phone', 'email')),
    label        TEXT NOT NULL,
    value        TEXT NOT NULL,
    is_valid     INTEGER NOT NULL DEFAULT 1 CHECK (is_valid IN (0, 1)),
    search_key   TEXT NOT NULL,
    reversed_key TEXT NOT NULL,
    position     INTEGER NOT NULL DEFAULT 0,
    CHECK ((person_id IS NULL) <> (company_id IS NULL))
  ) STRICT`,
  sql`CREATE INDEX contact_points_by_key ON contact_points (kind, search_key)`,
  sql`CREATE INDEX contact_points_by_reversed_key ON contact_points (kind, reversed_key)`,
  sql`CREATE INDEX contact_points_of_person ON contact_points (person_id, kind, position) WHERE person_id IS NOT NULL`,
  sql`CREATE INDEX contact_points_of_company ON contact_points (company_id, kind, position) WHERE company_id IS NOT NULL`,

  sql`CREATE TABLE addresses (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER REFERENCES people (id) ON DELETE CASCADE,
    company_id  INTEGER REFERENCES companies (id) ON DELETE CASCADE,
    label       TEXT NOT NULL,
    country     TEXT,
    region      TEXT,
    city        TEXT,
    street      TEXT,
    postal_code TEXT,
    position    INTEGER NOT NULL DEFAULT 0,
    CHECK ((person_id IS NULL) <> (company_id IS NULL))
  ) STRICT`,
  sql`CREATE INDEX addresses_of_person ON addresses (person_id, position) WHERE person_id IS NOT NULL`,
  sql`CREATE INDEX addresses_of_company ON addresses (company_id, position) WHERE company_id IS NOT NULL`,

  // name_key is the folded name: SQLite's NOCASE folds ASCII only, not Cyrillic.
  sql`CREATE TABLE tags (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    color    TEXT
  ) STRICT`,
  sql`CREATE TABLE person_tags (
    tag_id    INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (tag_id, person_id)
  ) STRICT, WITHOUT ROWID`,
  sql`CREATE INDEX person_tags_of_person ON person_tags (person_id)`,
  sql`CREATE TABLE company_tags (
    tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    PRIMARY KEY (tag_id, company_id)
  ) STRICT, WITHOUT ROWID`,
  sql`CREATE INDEX company_tags_of_company ON company_tags (company_id)`,

  sql`CREATE TABLE custom_field_definitions (
    id          INTEGER PRIMARY KEY,
    entity      TEXT NOT NULL CHECK (entity IN ('person', 'company')),
    key         TEXT NOT NULL,
    label       TEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'select', 'multiselect', 'checkbox')),
    options     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(options)),
    position    INTEGER NOT NULL DEFAULT 0,
    archived_at TEXT,
    created_at  TEXT NOT NULL,
    UNIQUE (entity, key)
  ) STRICT`,
  // One row per value (several for a multi-select), typed, so filters and counts use indexes.
  sql`CREATE TABLE person_custom_values (
    field_id     INTEGER NOT NULL REFERENCES custom_field_definitions (id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    value_text   TEXT,
    value_number REAL
  ) STRICT`,
  sql`CREATE INDEX person_custom_values_of_person ON person_custom_values (person_id, field_id)`,
  sql`CREATE INDEX person_custom_values_by_text ON person_custom_values (field_id, value_text, person_id)`,
  sql`CREATE INDEX person_custom_values_by_number ON person_custom_values (field_id, value_number, person_id)`,
  sql`CREATE TABLE company_custom_values (
    field_id     INTEGER NOT NULL REFERENCES custom_field_definitions (id) ON DELETE CASCADE,
    company_id   INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    value_text   TEXT,
    value_number REAL
  ) STRICT`,
  sql`CREATE INDEX company_custom_values_of_company ON company_custom_values (company_id, field_id)`,
  sql`CREATE INDEX company_custom_values_by_text ON company_custom_values (field_id, value_text, company_id)`,
  sql`CREATE INDEX company_custom_values_by_number ON company_custom_values (field_id, value_number, company_id)`,

  sql`CREATE TABLE activities (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'note')),
    occurred_at      TEXT NOT NULL,
    duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes >= 0),
    direction        TEXT CHECK (direction IN ('inbound', 'outbound')),
    outcome          TEXT,
    subject          TEXT,
    body             TEXT,
    person_id        INTEGER REFERENCES people (id) ON DELETE CASCADE,
    company_id       INTEGER REFERENCES companies (id) ON DELETE CASCADE,
    owner_id         INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT,
    version          INTEGER NOT NULL DEFAULT 1,
    CHECK (person_id IS NOT NULL OR company_id IS NOT NULL)
  ) STRICT`,
  sql`CREATE INDEX activities_of_person ON activities (person_id, occurred_at DESC, id DESC) WHERE deleted_at IS NULL`,
  sql`CREATE INDEX activities_of_company ON activities (company_id, occurred_at DESC, id DESC) WHERE deleted_at IS NULL`,

  // Contentless: the rows live in people/companies; the index keeps only tokens and rowids.
  sql`CREATE VIRTUAL TABLE people_search USING fts5 (
    name, details, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
  )`,
  sql`CREATE VIRTUAL TABLE companies_search USING fts5 (
    name, details, content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
