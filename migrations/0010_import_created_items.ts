import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new numbered migration instead.
// What an import made besides records: the tags, owners and custom fields its rows brought in.
// Undoing the import removes those nothing else uses since.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE import_created_items (
      import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
      kind      TEXT NOT NULL CHECK (kind IN ('tag', 'user', 'customField')),
      item_id   INTEGER NOT NULL,
      PRIMARY KEY (import_id, kind, item_id)
    ) STRICT, WITHOUT ROWID
  `.execute(db);
}
