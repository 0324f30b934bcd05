import { z } from 'zod';
import { RecordId, Version } from './common';
import { ListFilter, SortOrder } from './list-query';

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

/** `count` is null for a view whose filter no longer applies (it names an archived custom field). */
export const ViewCount = z.object({ id: RecordId, count: z.number().int().nonnegative().nullable() });
