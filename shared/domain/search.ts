import { z } from 'zod';
import { RecordId } from './common';

export const SearchHitType = z.enum(['person', 'company']);
export type SearchHitType = z.infer<typeof SearchHitType>;

export const SearchHit = z.object({
  type: SearchHitType,
  id: RecordId,
  displayName: z.string(),
  /** A second line: company, position, the phone or email that matched... */
  detail: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchQuery = z.object({
  query: z.string().max(200),
  limit: z.number().int().min(1).max(100).default(20),
  types: z.array(SearchHitType).default(['person', 'company']),
});
export type SearchQuery = z.input<typeof SearchQuery>;

export const SearchResult = z.object({ hits: z.array(SearchHit), elapsedMs: z.number() });
export type SearchResult = z.infer<typeof SearchResult>;
