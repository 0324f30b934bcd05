import { AppError } from '../../shared/errors';
import { SavedViewInput, viewWithoutField, type SavedView, type ViewEntity } from '../../shared/domain/saved-views';
import { foldText } from '../../shared/text/fold';
import type { AppDb } from '../db/kysely';
import type { Executor } from '../db/repositories/executor';
import { countCompanies } from './lists/companies-list-service';
import type { ListOptions } from './lists/list-options';
import { countPeople } from './lists/people-list-service';
import type { ServiceEnv } from './service-env';

type ViewRow = {
  id: number;
  entity: ViewEntity;
  name: string;
  filter: string;
  sort: string;
  columns: string;
  version: number;
};

const columns = ['id', 'entity', 'name', 'filter', 'sort', 'columns', 'version'] as const;

function toView(row: ViewRow): SavedView {
  return {
    id: row.id,
    entity: row.entity,
    name: row.name,
    // Stored by this service from validated input; parsed again so an old shape fails loudly.
    ...SavedViewInput.pick({ filter: true, sort: true, columns: true }).parse({
      filter: JSON.parse(row.filter),
      sort: JSON.parse(row.sort),
      columns: JSON.parse(row.columns),
    }),
    version: row.version,
  };
}

export async function listViews(db: Executor, entity: ViewEntity): Promise<SavedView[]> {
  const rows = await db
    .selectFrom('saved_views')
    .select(columns)
    .where('entity', '=', entity)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toView);
}

/**
 * Views are told apart by name only (the chips above the list): two of one name, or of names
 * differing in case or ё, would look like one.
 */
async function refuseTakenName(db: Executor, entity: ViewEntity, name: string): Promise<void> {
  const key = foldText(name);
  const names = await db.selectFrom('saved_views').select('name').where('entity', '=', entity).execute();
  if (names.some((row) => foldText(row.name) === key)) {
    throw new AppError('InvalidInput', `A view named "${name}" exists already`, { field: 'name', reason: 'taken' });
  }
}

export async function createView(db: AppDb, input: SavedViewInput, env: ServiceEnv): Promise<SavedView> {
  const values = SavedViewInput.parse(input);
  const now = env.now().toISOString();
  return db.transaction().execute(async (trx) => {
    await refuseTakenName(trx, values.entity, values.name);
    const { max } = await trx
      .selectFrom('saved_views')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('entity', '=', values.entity)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('saved_views')
      .values({
        entity: values.entity,
        name: values.name,
        filter: JSON.stringify(values.filter),
        sort: JSON.stringify(values.sort),
        columns: JSON.stringify(values.columns),
        position: (max ?? -1) + 1,
        created_at: now,
        updated_at: now,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toView(row);
  });
}

export async function updateView(
  db: AppDb,
  id: number,
  version: number,
  input: SavedViewInput,
  env: ServiceEnv,
): Promise<SavedView> {
  const values = SavedViewInput.parse(input);
  return db.transaction().execute(async (trx) => {
    const stored = await trx
      .selectFrom('saved_views')
      .select(['entity', 'name', 'version'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!stored) throw new AppError('NotFound', 'The view does not exist', { id });
    if (stored.version !== version) throw new AppError('Conflict', 'The view was changed elsewhere', { id });
    // Only a new name is checked: views named alike before names had to differ can still be updated.
    if (foldText(stored.name) !== foldText(values.name)) await refuseTakenName(trx, stored.entity, values.name);
    const row = await trx
      .updateTable('saved_views')
      .set((eb) => ({
        name: values.name,
        filter: JSON.stringify(values.filter),
        sort: JSON.stringify(values.sort),
        columns: JSON.stringify(values.columns),
        updated_at: env.now().toISOString(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toView(row);
  });
}

export async function deleteView(db: AppDb, id: number): Promise<void> {
  const result = await db.deleteFrom('saved_views').where('id', '=', id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw new AppError('NotFound', 'The view does not exist', { id });
}

/** The views whose filter, sort or columns use this field (`custom.<key>`). */
export async function viewsUsingField(db: Executor, entity: ViewEntity, field: string): Promise<SavedView[]> {
  return (await listViews(db, entity)).filter((view) => viewWithoutField(view, field) !== null);
}

/**
 * Takes a field out of every view that uses it, in the caller's transaction (a custom field being
 * archived). A view left naming a field the lists no longer know would quietly show, count and
 * bulk-act on more records than it says; this way the change is the view's own, and visible.
 */
export async function takeFieldOutOfViews(
  trx: Executor,
  entity: ViewEntity,
  field: string,
  at: string,
): Promise<SavedView[]> {
  const changed = [];
  for (const view of await listViews(trx, entity)) {
    const layout = viewWithoutField(view, field);
    if (layout === null) continue;
    await trx
      .updateTable('saved_views')
      .set((eb) => ({
        filter: JSON.stringify(layout.filter),
        sort: JSON.stringify(layout.sort),
        columns: JSON.stringify(layout.columns),
        updated_at: at,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', view.id)
      .execute();
    changed.push(view);
  }
  return changed;
}

/** Each view's number of matching records, for the badges next to their names. */
export async function countViews(
  db: Executor,
  entity: ViewEntity,
  options: ListOptions,
): Promise<Array<{ id: number; count: number | null }>> {
  const count = entity === 'person' ? countPeople : countCompanies;
  const counts = [];
  for (const view of await listViews(db, entity)) {
    try {
      counts.push({ id: view.id, count: await count(db, view.filter, options) });
    } catch (error) {
      // A view whose filter no longer applies has no count; the others keep theirs.
      if (!(error instanceof AppError) || error.code !== 'InvalidInput') throw error;
      counts.push({ id: view.id, count: null });
    }
  }
  return counts;
}
