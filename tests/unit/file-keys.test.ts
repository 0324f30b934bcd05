import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileKeyTable } from '../../main/import/file-keys';
import { keyHash } from '../../main/import/match-keys';

/** The behaviour the table replaces: a Map of keys to shared entry objects, deleted keys gone. */
class ModelTable {
  readonly keys = new Map<number, { id: number; recordId: number | null; created: boolean; live: boolean }>();
}

// Enough distinct keys to grow the table several times, few enough that rows share keys.
const KEY_RANGE = 20_000;

describe('FileKeyTable', () => {
  it('leads every key of a row to its entry, and the first row keeps a shared key', () => {
    const table = new FileKeyTable<string>();
    const first = table.add('row 1', null);
    table.claim(keyHash('email', 'a@example.com'), first);
    table.claim(keyHash('phone', '79161234567'), first);
    const second = table.add('row 2', 42);
    table.claim(keyHash('phone', '79161234567'), second);
    table.claim(keyHash('email', 'b@example.com'), second);

    expect(table.find(keyHash('email', 'a@example.com'))).toBe(first);
    expect(table.find(keyHash('phone', '79161234567'))).toBe(first);
    expect(table.find(keyHash('email', 'b@example.com'))).toBe(second);
    expect(table.find(keyHash('email', 'c@example.com'))).toBeUndefined();
    expect(table.pending(first)).toBe('row 1');
    expect(table.recordId(second)).toBe(42);
  });

  it('keeps what a settled row became and forgets a dropped row', () => {
    const table = new FileKeyTable<string>();
    const kept = table.add('kept', null);
    const dropped = table.add('dropped', null);
    table.claim(1, kept);
    table.claim(2, dropped);
    table.settle(kept, 7, true);
    table.drop(dropped);

    expect(table.pending(kept)).toBeUndefined();
    expect(table.recordId(kept)).toBe(7);
    expect(table.created(kept)).toBe(true);
    expect(table.find(2)).toBeUndefined();
    // A dropped row's key is free for a later row.
    const later = table.add('later', null);
    table.claim(2, later);
    expect(table.find(2)).toBe(later);
  });

  it('forgets every key and entry when cleared, and works again afterwards', () => {
    const table = new FileKeyTable<string>();
    for (let key = 0; key < 10_000; key += 1) table.claim(key, table.add(`row ${key}`, key + 1));
    table.clear();
    expect(table.find(5)).toBeUndefined();
    expect(table.pending(5)).toBeUndefined();
    const entry = table.add('after', null);
    expect(entry).toBe(0);
    table.claim(5, entry);
    expect(table.find(5)).toBe(entry);
    expect(table.recordId(entry)).toBeNull();
  });

  it('handles the extreme hashes: zero and the largest 53-bit value', () => {
    const table = new FileKeyTable<string>();
    const entry = table.add('row', null);
    table.claim(0, entry);
    table.claim(Number.MAX_SAFE_INTEGER, entry);
    expect(table.find(0)).toBe(entry);
    expect(table.find(Number.MAX_SAFE_INTEGER)).toBe(entry);
    expect(table.find(1)).toBeUndefined();
  });

  it('behaves like a map of keys to shared entries, through growth (property)', () => {
    const operation = fc.oneof(
      fc.record({
        kind: fc.constant('add' as const),
        keys: fc.array(fc.integer({ min: 0, max: KEY_RANGE }), { maxLength: 4 }),
      }),
      fc.record({ kind: fc.constant('settle' as const), pick: fc.nat(), recordId: fc.integer({ min: 1, max: 1e9 }) }),
      fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(operation, { minLength: 2000, maxLength: 6000 }), (operations) => {
        const table = new FileKeyTable<number>();
        const model = new ModelTable();
        const entries: Array<{ id: number; recordId: number | null; created: boolean; live: boolean }> = [];
        for (const step of operations) {
          if (step.kind === 'add') {
            const id = table.add(entries.length, null);
            const modelEntry = { id, recordId: null, created: false, live: true };
            entries.push(modelEntry);
            for (const key of step.keys) {
              // Spread the small keys over the whole 53-bit range, as real hashes are.
              const hash = keyHash('email', String(key));
              table.claim(hash, id);
              const current = model.keys.get(hash);
              if (!current || !current.live) model.keys.set(hash, modelEntry);
            }
          } else if (entries.length > 0) {
            const target = entries[step.pick % entries.length]!;
            if (!target.live) continue;
            if (step.kind === 'settle') {
              table.settle(target.id, step.recordId, true);
              target.recordId = step.recordId;
              target.created = true;
            } else {
              table.drop(target.id);
              target.live = false;
            }
          }
        }
        for (let key = 0; key <= KEY_RANGE; key += 1) {
          const hash = keyHash('email', String(key));
          const expected = model.keys.get(hash);
          const found = table.find(hash);
          expect(found).toBe(expected?.live ? expected.id : undefined);
          if (found !== undefined) {
            expect(table.recordId(found)).toBe(expected!.recordId);
            expect(table.created(found)).toBe(expected!.created);
          }
        }
      }),
      { numRuns: 10 },
    );
  });
});
