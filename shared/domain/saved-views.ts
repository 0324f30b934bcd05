import { z } from 'zod';
import { RecordId, Version } from './common';
import { DEFAULT_SORT, ListFilter, SortOrder } from './list-query';

export const ViewEntity = z.enum(['person', 'company']);
export type ViewEntity = z.infer<typeof ViewEntity>;

export const SavedViewInput = z.object({
  entity: ViewEntity,
  name: z.string().trim().min(1).max(100),
  filter: ListFilter,
  sort: SortOrder,
  /** Column ids in display order; empty means the list's default columns. */
  columns: z.array(z.string().min(1).max(100)).max(60).default([]),
});
export type SavedViewInput = z.input<typeof SavedViewInput>;

export const SavedView = z.object({
  id: RecordId,
  entity: ViewEntity,
  name: z.string(),
  filter: ListFilter,
  sort: SortOrder,
  columns: z.array(z.string()),
  version: Version,
});
export type SavedView = z.infer<typeof SavedView>;

/** What a view shows: the part a field can be taken out of. */
export type ViewLayout = Pick<SavedView, 'filter' | 'sort' | 'columns'>;

/**
 * The view without a field (a custom field being archived): its conditions on the field go, a sort
 * by it becomes the default one, its column leaves. null when the view doesn't use the field.
 */
export function viewWithoutField(view: ViewLayout, field: string): ViewLayout | null {
  const conditions = view.filter.conditions.filter((condition) => condition.field !== field);
  const columns = view.columns.filter((column) => column !== field);
  const sortedByField = view.sort.field === field;
  if (conditions.length === view.filter.conditions.length && columns.length === view.columns.length && !sortedByField) {
    return null;
  }
  return { filter: { ...view.filter, conditions }, sort: sortedByField ? DEFAULT_SORT : view.sort, columns };
}

/** `count` is null for a view whose filter no longer applies (main refuses it as invalid). */
export const ViewCount = z.object({ id: RecordId, count: z.number().int().nonnegative().nullable() });
