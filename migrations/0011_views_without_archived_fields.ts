import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new numbered migration instead.
// A saved view that filtered on a custom field archived later used to lose that condition only when
// it was shown: its badge, its list and a bulk action on "everything in the view" all took in more
// records than the view said. Archiving now takes the field out of the views using it; this does the
// same for fields archived before: their conditions go, a sort by one becomes the default (name,
// A to Z), their columns leave.
type Condition = { field?: unknown };

/** Parsed JSON, or null for text that isn't (a row written by hand or by another tool). */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export async function up(db: Kysely<any>): Promise<void> {
  const { rows: archived } = await sql<{ entity: string; key: string }>`
    SELECT entity, key FROM custom_field_definitions WHERE archived_at IS NOT NULL`.execute(db);
  if (archived.length === 0) return;
  const gone = new Set(archived.map((field) => `${field.entity} custom.${field.key}`));
  const { rows: views } = await sql<{ id: number; entity: string; filter: string; sort: string; columns: string }>`
    SELECT id, entity, filter, sort, columns FROM saved_views ORDER BY id`.execute(db);
  const now = new Date().toISOString();
  for (const view of views) {
    const isGone = (field: unknown) => typeof field === 'string' && gone.has(`${view.entity} ${field}`);
    // Shapes are read as loosely as the app reads them (a missing list is an empty one): a view
    // this can't make sense of is left as it is rather than stopping the file from opening.
    const filter = parsed(view.filter);
    const sort = parsed(view.sort);
    const columns = parsed(view.columns);
    if (!isObject(filter)) continue;
    const conditions: Condition[] = Array.isArray(filter['conditions']) ? (filter['conditions'] as Condition[]) : [];
    const keptConditions = conditions.filter((condition) => !isGone(isObject(condition) ? condition.field : null));
    const keptColumns = Array.isArray(columns) ? columns.filter((column) => !isGone(column)) : columns;
    const sortGone = isObject(sort) && isGone(sort['field']);
    const columnsGone = Array.isArray(columns) && Array.isArray(keptColumns) && keptColumns.length !== columns.length;
    if (keptConditions.length === conditions.length && !columnsGone && !sortGone) continue;
    await sql`UPDATE saved_views
                 SET filter = ${JSON.stringify({ ...filter, conditions: keptConditions })},
                     sort = ${sortGone ? JSON.stringify({ field: 'name', direction: 'asc' }) : view.sort},
                     columns = ${columnsGone ? JSON.stringify(keptColumns) : view.columns},
                     updated_at = ${now}, version = version + 1
               WHERE id = ${view.id}`.execute(db);
  }
}
