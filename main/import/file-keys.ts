/**
 * What the rows read so far became, found by the 53-bit hashes of their match keys (match-keys.ts).
 * A million-row file has millions of keys: they live in typed arrays (an open-addressing hash table
 * of key → entry, and per-entry columns), not in a Map of boxed numbers to objects, which cost
 * ~200 bytes a row.
 *
 * An entry is what one row became; a row merged into an earlier one adds its keys to that row's
 * entry. While its batch is being decided an entry also holds the row's draft (`pending`); once
 * written, only the record id and whether this file created it.
 */

import { NAME_WORDS_KEPT } from '../../shared/text/name-words';

/** An entry's handle: a small integer, valid for the life of the table. */
export type FileEntry = number;

const EMPTY = 0;
const INITIAL_SLOTS = 1 << 12;
const INITIAL_ENTRIES = 1 << 10;
/** A null record id: ids are positive. */
const NO_RECORD = 0;
/** Words of an entry's name kept (as hashes) to tell colleagues sharing a phone apart. */
const NAME_WORDS = NAME_WORDS_KEPT;

export class FileKeyTable<Pending> {
  // Slot → key hash + 1 (0 marks an empty slot; hashes are below 2^53, so +1 stays exact).
  #keys = new Float64Array(INITIAL_SLOTS);
  #slotEntries = new Int32Array(INITIAL_SLOTS);
  #used = 0;
  // Entry → its columns.
  #recordIds = new Float64Array(INITIAL_ENTRIES);
  #flags = new Uint8Array(INITIAL_ENTRIES);
  #nameWords = new Int32Array(INITIAL_ENTRIES * NAME_WORDS);
  #entries = 0;
  readonly #pending = new Map<FileEntry, Pending>();

  /**
   * A new entry for a row (matched to a record, or not yet), its draft pending until `settle`;
   * `nameWords`: hashes of its name's words (see name-words.ts), the first few kept.
   */
  add(pending: Pending, recordId: number | null, nameWords: readonly number[] = []): FileEntry {
    if (this.#entries === this.#recordIds.length) {
      this.#recordIds = grown(this.#recordIds, new Float64Array(this.#entries * 2));
      this.#flags = grown(this.#flags, new Uint8Array(this.#entries * 2));
      this.#nameWords = grown(this.#nameWords, new Int32Array(this.#entries * 2 * NAME_WORDS));
    }
    const entry = this.#entries;
    this.#entries += 1;
    this.#flags[entry] = LIVE;
    this.#recordIds[entry] = recordId ?? NO_RECORD;
    this.#nameWords.set(nameWords.slice(0, NAME_WORDS), entry * NAME_WORDS);
    this.#pending.set(entry, pending);
    return entry;
  }

  /** The hashes of the entry's name words given to `add` (at most four). */
  nameWords(entry: FileEntry): number[] {
    const words = [...this.#nameWords.subarray(entry * NAME_WORDS, (entry + 1) * NAME_WORDS)];
    return words.filter((word) => word !== 0);
  }

  /** The live entry a key leads to. */
  find(hash: number): FileEntry | undefined {
    const slot = this.#slotOf(hash);
    if (this.#keys[slot] === EMPTY) return undefined;
    const entry = this.#slotEntries[slot]!;
    return (this.#flags[entry]! & LIVE) === 0 ? undefined : entry;
  }

  /** Leads a key to an entry, unless it already leads to a live one (the first row keeps a key). */
  claim(hash: number, entry: FileEntry): void {
    const slot = this.#slotOf(hash);
    if (this.#keys[slot] === EMPTY) {
      this.#keys[slot] = hash + 1;
      this.#used += 1;
    } else if ((this.#flags[this.#slotEntries[slot]!]! & LIVE) !== 0) {
      return;
    }
    this.#slotEntries[slot] = entry;
    if (this.#used * 4 > this.#keys.length * 3) this.#grow();
  }

  pending(entry: FileEntry): Pending | undefined {
    return this.#pending.get(entry);
  }

  recordId(entry: FileEntry): number | null {
    const id = this.#recordIds[entry]!;
    return id === NO_RECORD ? null : id;
  }

  created(entry: FileEntry): boolean {
    return (this.#flags[entry]! & CREATED) !== 0;
  }

  /** The row's draft is decided: keep what it became. */
  settle(entry: FileEntry, recordId: number | null, created: boolean): void {
    this.#pending.delete(entry);
    this.#recordIds[entry] = recordId ?? NO_RECORD;
    this.#flags[entry] = LIVE | (created ? CREATED : 0);
  }

  /** A row of a later batch joins a settled entry: it is the entry's draft until settled again. */
  reopen(entry: FileEntry, pending: Pending): void {
    this.#pending.set(entry, pending);
  }

  /** The row was skipped: none of its keys lead anywhere any more. */
  drop(entry: FileEntry): void {
    this.#pending.delete(entry);
    this.#flags[entry] = 0;
  }

  /** Forgets every key and entry: hands back the memory (tens of MB for a million rows). */
  clear(): void {
    this.#keys = new Float64Array(INITIAL_SLOTS);
    this.#slotEntries = new Int32Array(INITIAL_SLOTS);
    this.#used = 0;
    this.#recordIds = new Float64Array(INITIAL_ENTRIES);
    this.#flags = new Uint8Array(INITIAL_ENTRIES);
    this.#nameWords = new Int32Array(INITIAL_ENTRIES * NAME_WORDS);
    this.#entries = 0;
    this.#pending.clear();
  }

  /** Linear probing from a slot picked by the hash's well-mixed bits. */
  #slotOf(hash: number): number {
    const keys = this.#keys;
    const mask = keys.length - 1;
    const stored = hash + 1;
    // Both halves of the hash: the low 21 bits (djb2) and the high 32 (FNV-1a).
    let slot = Math.imul((hash % 0x200000) ^ Math.floor(hash / 0x200000), 0x9e3779b1) >>> 0;
    slot &= mask;
    for (;;) {
      const key = keys[slot]!;
      if (key === EMPTY || key === stored) return slot;
      slot = (slot + 1) & mask;
    }
  }

  #grow(): void {
    const keys = this.#keys;
    const entries = this.#slotEntries;
    this.#keys = new Float64Array(keys.length * 2);
    this.#slotEntries = new Int32Array(keys.length * 2);
    for (let slot = 0; slot < keys.length; slot += 1) {
      const key = keys[slot]!;
      if (key === EMPTY) continue;
      const target = this.#slotOf(key - 1);
      this.#keys[target] = key;
      this.#slotEntries[target] = entries[slot]!;
    }
  }
}

const LIVE = 1;
const CREATED = 2;

function grown<T extends Float64Array | Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
