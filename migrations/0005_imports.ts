import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new numbered migration instead.
// Every import keeps what it did to each record (created, or updated from a snapshot) so it can be
// undone days later; mapping templates are found again by the file's header signature.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE imports (
      id          INTEGER PRIMARY KEY,
      file_name   TEXT NOT NULL,
      mode        TEXT NOT NULL CHECK (mode IN ('create', 'update', 'upsert')),
      summary     TEXT NOT NULL CHECK (json_valid(summary)),
      started_at  TEXT NOT NULL,
      finished_at TEXT NOT NULL,
      undone_at   TEXT
    ) STRICT
  `.execute(db);
  await sql`
    CREATE TABLE import_records (
      import_id     INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
      entity        TEXT NOT NULL CHECK (entity IN ('person', 'company')),
      record_id     INTEGER NOT NULL,
      action        TEXT NOT NULL CHECK (action IN ('created', 'updated')),
      version_after INTEGER NOT NULL,
      before        TEXT CHECK (before IS NULL OR json_valid(before)),
      PRIMARY KEY (import_id, entity, record_id)
    ) STRICT, WITHOUT ROWID
  `.execute(db);
  // Erasing a person must find the snapshots imports keep of them.
  await sql`CREATE INDEX import_records_of_record ON import_records (entity, record_id)`.execute(db);
  await sql`
    CREATE TABLE import_templates (
      id               INTEGER PRIMARY KEY,
      name             TEXT NOT NULL,
      entity           TEXT NOT NULL CHECK (entity IN ('person', 'company')),
      header_signature TEXT NOT NULL,
      mapping          TEXT NOT NULL CHECK (json_valid(mapping)),
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL
    ) STRICT
  `.execute(db);
  await sql`CREATE UNIQUE INDEX import_templates_by_headers ON import_templates (entity, header_signature)`.execute(db);
}
