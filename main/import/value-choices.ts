/**
 * The value-mapping step: what the file's owners, preferred channels and select values become.
 * A value is taken as the user mapped it, else matched automatically (case and ё ignored), and
 * every source value is counted so the wizard can show what was found.
 */
import type { ValueChoice, ValueMapping } from '../../shared/domain/imports';
import { foldText } from '../../shared/text/fold';

/** The target that means "create it" (a new owner, a new select option). */
export const CREATE_VALUE = '+new';

export type ChoiceCatalog = {
  field: string;
  options: Array<{ value: string; label: string }>;
  /** Extra words that mean an option ("звонок" → phone). */
  synonyms?: Record<string, string>;
  /** What an unmatched value becomes when nothing is mapped (CREATE_VALUE or null). */
  fallback: string | null;
};

type Seen = { source: string; count: number };

/** The source values counted so far, by field, in the order they were first seen: handed between threads. */
export type SeenValues = Array<[field: string, values: Array<[key: string, seen: Seen]>]>;

const MAX_LISTED = 500;

export class ValueChoices {
  readonly #catalogs = new Map<string, ChoiceCatalog>();
  readonly #mapped = new Map<string, Record<string, string | null>>();
  readonly #seen = new Map<string, Map<string, Seen>>();

  constructor(catalogs: ChoiceCatalog[], mappings: ValueMapping[]) {
    for (const catalog of catalogs) this.#catalogs.set(catalog.field, catalog);
    for (const mapping of mappings) this.#mapped.set(mapping.field, mapping.values);
  }

  /** The target for a source value: an option's value, CREATE_VALUE, or null (nothing). */
  resolve(field: string, source: string): string | null {
    const key = foldText(source);
    this.#count(field, key, source);
    const mapped = this.#mapped.get(field);
    if (mapped && key in mapped) return mapped[key] ?? null;
    return this.#automatic(field, key);
  }

  #automatic(field: string, key: string): string | null {
    const catalog = this.#catalogs.get(field);
    if (!catalog) return null;
    const option =
      catalog.options.find((candidate) => foldText(candidate.label) === key || foldText(candidate.value) === key) ??
      null;
    if (option) return option.value;
    const synonym = catalog.synonyms?.[key];
    if (synonym !== undefined) return synonym;
    return catalog.fallback;
  }

  #count(field: string, key: string, source: string, times = 1): void {
    let values = this.#seen.get(field);
    if (!values) this.#seen.set(field, (values = new Map()));
    const seen = values.get(key);
    if (seen) seen.count += times;
    else if (values.size < MAX_LISTED) values.set(key, { source, count: times });
  }

  /** What this instance counted: a worker thread's, for the main thread's instance to absorb. */
  seenValues(): SeenValues {
    return [...this.#seen].map(([field, values]) => [field, [...values]]);
  }

  /** Adds values counted elsewhere (a worker thread that parsed a sheet), as if counted here. */
  absorb(counted: SeenValues): void {
    for (const [field, values] of counted) {
      for (const [key, seen] of values) this.#count(field, key, seen.source, seen.count);
    }
  }

  /** What was found, field by field in the catalogs' order (whichever thread counted what first). */
  list(): ValueChoice[] {
    const order = [...this.#catalogs.keys()];
    const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
    const fields = [...this.#seen].sort(([a], [b]) => rank(a) - rank(b));
    return fields.map(([field, values]) => ({
      field,
      options: this.#catalogs.get(field)?.options ?? [],
      values: [...values]
        .map(([key, seen]) => ({
          key,
          source: seen.source,
          count: seen.count,
          target: this.#mapped.get(field)?.[key] ?? this.#automatic(field, key),
        }))
        .sort((a, b) => b.count - a.count),
    }));
  }
}
