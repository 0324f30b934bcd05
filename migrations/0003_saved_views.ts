import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new numbered migration instead.
// Saved views (segments): a named filter, sort and column set of a list. The definitions are
// small documents the app validates on read, so they are stored as JSON text.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE saved_views (
      id         INTEGER PRIMARY KEY,
      entity     TEXT NOT NULL CHECK (entity IN ('person', 'company')),
      name       TEXT NOT NULL,
      filter     TEXT NOT NULL CHECK (json_valid(filter)),
      sort       TEXT NOT NULL CHECK (json_valid(sort)),
      columns    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(columns)),
      position   INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version    INTEGER NOT NULL DEFAULT 1
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX saved_views_by_entity ON saved_views (entity, position)`.execute(db);
}
