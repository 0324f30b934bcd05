/** The tag vocabulary: created once, reused when a database is seeded again. */
import { foldText } from '../../shared/text/fold';
import type { SqliteConnection } from '../db/open';
import { tags } from './business-words';

/** Ids and stored names: a tag already there keeps the spelling it was entered with. */
export function ensureSeedTags(connection: SqliteConnection): Map<number, string> {
  const insert = connection.prepare(
    `INSERT INTO tags (name, name_key) VALUES (?, ?) ON CONFLICT (name_key) DO NOTHING`,
  );
  const find = connection.prepare(`SELECT id, name FROM tags WHERE name_key = ?`);
  return new Map(
    tags.map((name) => {
      insert.run(name, foldText(name));
      const stored = find.get(foldText(name)) as { id: number; name: string };
      return [stored.id, stored.name];
    }),
  );
}
