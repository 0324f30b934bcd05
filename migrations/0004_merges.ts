import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new numbered migration instead.
// Every merge keeps what it changed (the survivor's rows before, the moved rows), so an unmerge
// can put both records back exactly.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE merges (
      id          INTEGER PRIMARY KEY,
      entity      TEXT NOT NULL CHECK (entity IN ('person', 'company')),
      survivor_id INTEGER NOT NULL,
      merged_id   INTEGER NOT NULL,
      snapshot    TEXT NOT NULL CHECK (json_valid(snapshot)),
      merged_at   TEXT NOT NULL,
      undone_at   TEXT
    ) STRICT
  `.execute(db);
  await sql`CREATE INDEX merges_of_survivor ON merges (entity, survivor_id) WHERE undone_at IS NULL`.execute(db);
}
