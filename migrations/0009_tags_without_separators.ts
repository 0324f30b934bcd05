import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new numbered migration instead.
// A tag can no longer hold a comma, a semicolon or a line break: a spreadsheet cell lists tags
// separated by those, so an exported "Окна, двери" came back as two tags, and a record carrying such
// a tag could not be saved any more. Tags made before keep their words, joined by " / " instead
// ("Окна / двери"); one that then equals an existing tag joins it. Saved views naming such a tag
// follow it. The search index needs nothing: its tokens never held the punctuation.
const SEPARATORS = /[,;\r\n]+/;

type Condition = { field?: unknown; value?: unknown };

/** Folded like the app's tag keys: kartoteka_fold is registered on every connection. */
async function fold(db: Kysely<any>, text: string): Promise<string> {
  const { rows } = await sql<{ key: string }>`SELECT kartoteka_fold(${text}) AS key`.execute(db);
  return rows[0]!.key;
}

export async function up(db: Kysely<any>): Promise<void> {
  const { rows: tags } = await sql<{ id: number; name: string; name_key: string }>`
    SELECT id, name, name_key FROM tags
     WHERE instr(name, ',') OR instr(name, ';') OR instr(name, char(10)) OR instr(name, char(13))
     ORDER BY id`.execute(db);
  /** New names by the old name's key. */
  const renamed = new Map<string, string>();
  for (const tag of tags) {
    const words = tag.name
      .split(SEPARATORS)
      .map((word) => word.trim())
      .filter((word) => word !== '');
    const name = words.length > 0 ? words.join(' / ') : `#${tag.id}`;
    const key = await fold(db, name);
    const { rows: same } = await sql<{
      id: number;
    }>`SELECT id FROM tags WHERE name_key = ${key} AND id <> ${tag.id}`.execute(db);
    const existing = same[0];
    if (existing) {
      for (const [table, owner] of [
        ['person_tags', 'person_id'],
        ['company_tags', 'company_id'],
      ] as const) {
        await sql`INSERT OR IGNORE INTO ${sql.table(table)} (tag_id, ${sql.ref(owner)})
                  SELECT ${existing.id}, ${sql.ref(owner)} FROM ${sql.table(table)} WHERE tag_id = ${tag.id}`.execute(
          db,
        );
        await sql`DELETE FROM ${sql.table(table)} WHERE tag_id = ${tag.id}`.execute(db);
      }
      await sql`DELETE FROM tags WHERE id = ${tag.id}`.execute(db);
    } else {
      await sql`UPDATE tags SET name = ${name}, name_key = ${key} WHERE id = ${tag.id}`.execute(db);
    }
    renamed.set(tag.name_key, name);
  }
  if (renamed.size === 0) return;
  const { rows: views } = await sql<{ id: number; filter: string }>`SELECT id, filter FROM saved_views`.execute(db);
  for (const view of views) {
    const filter = JSON.parse(view.filter) as { conditions?: Condition[] };
    let changed = false;
    for (const condition of filter.conditions ?? []) {
      if (condition.field !== 'tags') continue;
      const rename = async (value: unknown) => {
        if (typeof value !== 'string') return value;
        const name = renamed.get(await fold(db, value));
        if (name === undefined) return value;
        changed = true;
        return name;
      };
      condition.value = Array.isArray(condition.value)
        ? await Promise.all(condition.value.map(rename))
        : await rename(condition.value);
    }
    if (changed) {
      await sql`UPDATE saved_views SET filter = ${JSON.stringify(filter)} WHERE id = ${view.id}`.execute(db);
    }
  }
}
