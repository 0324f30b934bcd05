import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new numbered migration instead.
// A saved view that filtered on a custom field archived later used to lose that condition only when
// it was shown: its badge, its list and a bulk action on "everything in the view" all took in more
// records than the view said. Archiving now takes the field out of the views using it; this does the
// same for fields archived before: their conditions go, a sort by one becomes the default (name,
// A to Z), their columns leave.
type Layout = { filter: { conditions: Array<{ field: string }> }; sort: { field: string }; columns: string[] };

export async function up(db: Kysely<any>): Promise<void> {
  const { rows: archived } = await sql<{ entity: string; key: string }>`
    SELECT entity, key FROM custom_field_definitions WHERE archived_at IS NOT NULL`.execute(db);
  if (archived.length === 0) return;
  const gone = new Set(archived.map((field) => `${field.entity} custom.${field.key}`));
  const { rows: views } = await sql<{ id: number; entity: string; filter: string; sort: string; columns: string }>`
    SELECT id, entity, filter, sort, columns FROM saved_views ORDER BY id`.execute(db);
  const now = new Date().toISOString();
  for (const view of views) {
    const isGone = (field: string) => gone.has(`${view.entity} ${field}`);
    const filter = JSON.parse(view.filter) as Layout['filter'];
    const sort = JSON.parse(view.sort) as Layout['sort'];
    const columns = JSON.parse(view.columns) as Layout['columns'];
    const conditions = filter.conditions.filter((condition) => !isGone(condition.field));
    const keptColumns = columns.filter((column) => !isGone(column));
    const sortGone = isGone(sort.field);
    if (conditions.length === filter.conditions.length && keptColumns.length === columns.length && !sortGone) continue;
    await sql`UPDATE saved_views
                 SET filter = ${JSON.stringify({ ...filter, conditions })},
                     sort = ${JSON.stringify(sortGone ? { field: 'name', direction: 'asc' } : sort)},
                     columns = ${JSON.stringify(keptColumns)},
                     updated_at = ${now}, version = version + 1
               WHERE id = ${view.id}`.execute(db);
  }
}
