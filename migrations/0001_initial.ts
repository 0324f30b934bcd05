import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new numbered migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE app_meta (
      key   TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL
    ) STRICT
  `.execute(db);
}
