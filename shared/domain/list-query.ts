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

/**
 * How many matching records a sort computed per row (no index of its own: first phone or e-mail,
 * first tag, people count, a custom field) may order; null for the sorts an index or a column of
 * the row serves. Measured on the 1M base: ~20 µs a row for phones and e-mails, ~4 µs for the
 * rest, so either limit is about a second; the whole base would take tens of seconds.
 */
export function computedSortLimit(field: string): number | null {
  if (field === 'phone' || field === 'email') return 50_000;
  if (field === 'tags' || field === 'peopleCount' || field.startsWith('custom.')) return 200_000;
  return null;
}

/** Whether a list of `matching` records may be sorted by `field`. */
export const canSortBy = (field: string, matching: number): boolean =>
  matching <= (computedSortLimit(field) ?? Number.POSITIVE_INFINITY);

export const SortOrder = z.object({ field: z.string().min(1).max(100), direction: z.enum(['asc', 'desc']) });
export type SortOrder = z.infer<typeof SortOrder>;
/** Every list's order until the user picks another: by name, A to Z. */
export const DEFAULT_SORT: SortOrder = { field: 'name', direction: 'asc' };

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
  sort: SortOrder.default(DEFAULT_SORT),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
  /** How many rows the filter matches, if the caller knows (it picks the faster query plan). */
  matchingHint: z.number().int().nonnegative().optional(),
});
export type ListPageQuery = z.input<typeof ListPageQuery>;

export const CountResult = z.object({ count: z.number().int().nonnegative() });
