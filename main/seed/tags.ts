/** The tag vocabulary: created once, reused when a database is seeded again. */
import { foldText } from '../../shared/text/fold';
import type { SqliteConnection } from '../db/open';
import { tags } from './business-words';

export function ensureSeedTags(connection: SqliteConnection): number[] {
  const insert = connection.prepare(
    `INSERT INTO tags (name, name_key) VALUES (?, ?) ON CONFLICT (name_key) DO NOTHING`,
  );
  const find = connection.prepare(`SELECT id FROM tags WHERE name_key = ?`).pluck();
  return tags.map((name) => {
    insert.run(name, foldText(name));
    return find.get(foldText(name)) as number;
  });
}
