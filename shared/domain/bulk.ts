import { z } from 'zod';
import { RecordId, TagName } from './common';
import { ListFilter } from './list-query';

/**
 * Which records a bulk action applies to: picked ones, or everything a filter matches. Live records,
 * or for the trash's own actions (restore, delete for good) records in the trash, whatever the filter says.
 */
export const BulkTarget = z.union([
  z.object({ ids: z.array(RecordId).min(1).max(100_000) }),
  z.object({ filter: ListFilter }),
]);
export type BulkTarget = z.input<typeof BulkTarget>;

export const BulkAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tag'), tags: z.array(TagName).min(1).max(20) }),
  z.object({ type: z.literal('untag'), tags: z.array(TagName).min(1).max(20) }),
  z.object({ type: z.literal('setOwner'), ownerId: RecordId.nullable() }),
  z.object({ type: z.literal('trash') }),
  // On records in the trash: back to the lists, or gone for good (emptying the trash).
  z.object({ type: z.literal('restore') }),
  z.object({ type: z.literal('deleteForever') }),
]);
export type BulkAction = z.infer<typeof BulkAction>;

export const BulkRequest = z.object({ target: BulkTarget, action: BulkAction });
export type BulkRequest = z.input<typeof BulkRequest>;

export const BulkResult = z.object({ affected: z.number().int().nonnegative(), ids: z.array(RecordId) });
export type BulkResult = z.infer<typeof BulkResult>;
