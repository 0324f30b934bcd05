import type { ProgressMeter } from './progress';
import type { Random } from './random';
import type { SeedWriter } from './writer';

/** What every generator gets: where to write, the seed text, the clock and the rows it may refer to. */
export type SeedContext = {
  writer: SeedWriter;
  seed: string;
  /** All generated times lie before this (ms since the epoch). */
  now: number;
  /** Owners to assign; empty means records get no owner. */
  userIds: readonly number[];
  tagIds: readonly number[];
  /** Stored names of tagIds, for the search documents. */
  tagNames: ReadonlyMap<number, string>;
  progress: ProgressMeter;
};

export function pickOwner(context: SeedContext, random: Random): number | null {
  return context.userIds.length === 0 ? null : random.pick(context.userIds);
}

/** Up to `count` different tags: a start and a stride small enough that no tag comes round twice. */
export function pickTags(context: SeedContext, random: Random, count: number): number[] {
  const tags = context.tagIds;
  const first = random.below(tags.length);
  const stride = 1 + random.below(Math.floor((tags.length - 1) / 2));
  const picked: number[] = [];
  for (let i = 0; i < Math.min(count, tags.length); i++) picked.push(tags[(first + i * stride) % tags.length]!);
  return picked;
}

/** Names of tags in the order the search document lists them (as the index on person_id returns them). */
export function tagNames(context: SeedContext, tagIds: readonly number[]): string[] {
  return [...tagIds].sort((a, b) => a - b).map((id) => context.tagNames.get(id)!);
}
