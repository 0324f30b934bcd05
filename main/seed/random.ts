/**
 * A seeded pseudo-random source (mulberry32): tiny, fast, and the same seed always gives the same
 * sequence, so a seed reproduces a whole data set. Not for anything secret.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * A separate stream per part ("people", "activities"...), so changing one count doesn't reshuffle
   * the others; the first id is part of it, so seeding a database again appends new data, not copies.
   */
  static derive(seed: string, part: string, firstId: number): Random {
    return new Random(hashString(`${seed}:${part}:${firstId}`));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [0, count). */
  below(count: number): number {
    return Math.floor(this.next() * count);
  }

  /** A whole number in [min, max]. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }

  /** `count` random decimal digits, leading zeros included. */
  digits(count: number): string {
    let text = '';
    for (let i = 0; i < count; i++) text += this.below(10);
    return text;
  }
}

/** FNV-1a: turns any --seed text into the 32-bit state mulberry32 needs. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
