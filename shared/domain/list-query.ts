import { z } from 'zod';

export const filterOperators = [
  'is',
  'isNot',
  'contains',
  'startsWith',
  'isEmpty',
  'isNotEmpty',
  'greaterThan',
  'lessThan',
  'before',
  'after',
  'hasAny',
  'hasNone',
] as const;
export const FilterOperator = z.enum(filterOperators);
export type FilterOperator = z.infer<typeof FilterOperator>;

export const FilterValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

/** One condition of the filter builder; a list's filter is the AND of its conditions. */
export const FilterCondition = z.object({
  /** A field id from the entity's catalog ("city", "owner", "tags", "custom.region"...). */
  field: z.string().min(1).max(100),
  operator: FilterOperator,
  value: FilterValue.nullable().default(null),
});
export type FilterCondition = z.input<typeof FilterCondition>;

export const SortOrder = z.object({ field: z.string().min(1).max(100), direction: z.enum(['asc', 'desc']) });
export type SortOrder = z.infer<typeof SortOrder>;

export const ListFilter = z.object({
  conditions: z.array(FilterCondition).max(30).default([]),
  /** Free text narrowed with the search index (names, e-mails, company, city, tags). */
  text: z.string().max(200).default(''),
  /** The trash instead of the live records. */
  trash: z.boolean().default(false),
});
export type ListFilter = z.input<typeof ListFilter>;

export const ListPageQuery = z.object({
  filter: ListFilter.default({ conditions: [], text: '', trash: false }),
  sort: SortOrder.default({ field: 'name', direction: 'asc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
  /** How many rows the filter matches, if the caller knows (it picks the faster query plan). */
  matchingHint: z.number().int().nonnegative().optional(),
});
export type ListPageQuery = z.input<typeof ListPageQuery>;

export const CountResult = z.object({ count: z.number().int().nonnegative() });
