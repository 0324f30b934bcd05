import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new numbered migration instead.
// Records can now be deleted for good (emptying the trash). SQLite gives a new row the highest id
// plus one, so deleting the newest record would hand its id to the next one, and whatever still
// names that id (a merge to undo, an import's undo copy, a saved view's condition) would reach a
// stranger. The highest id is therefore kept as a bare tombstone row; people already have one
// (erased_at, from the right to be forgotten), companies get theirs. Adding a column rewrites nothing.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE companies ADD COLUMN erased_at TEXT`.execute(db);
}
