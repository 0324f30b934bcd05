import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbageNow, tuneGarbageCollection } from '../../main/garbage-collection';

describe('garbage collection', () => {
  it('collects now, on request, what nothing refers to any more', async () => {
    tuneGarbageCollection();
    let rows: unknown[] | null = Array.from({ length: 1000 }, (_, index) => ({ index }));
    const released = new WeakRef(rows);
    rows = null;
    // A WeakRef keeps its target until the current job ends.
    await nextTurn();
    collectGarbageNow();
    expect(released.deref()).toBeUndefined();
    expect(rows).toBeNull();
  });
});
