/** Helpers for the word pools: faker's optional tables made certain, and weights spelled out as repeats. */
export function required<T>(value: readonly T[] | undefined, what: string): T[] {
  if (value === undefined || value.length === 0) throw new Error(`faker has no ${what}`);
  return [...value];
}

/** Entries repeated by weight, so a uniform pick favours the common ones. */
export function weighted(entries: ReadonlyArray<readonly [string, number]>): string[] {
  return entries.flatMap(([value, weight]) => Array<string>(weight).fill(value));
}
