import { describe, expect, it } from 'vitest';
import type { RowOutcome } from '../../shared/domain/imports';
import { OutcomeStore } from '../../main/import/outcome-store';

const outcome = (row: number, action: RowOutcome['action']): RowOutcome => ({
  sheet: 'Лист1',
  row,
  entity: 'person',
  action,
  recordId: action === 'update' ? row : null,
  cells: [`Строка ${row}`],
  problems:
    action === 'skip' ? [{ column: null, field: null, code: 'missingName', severity: 'error', value: null }] : [],
  changes: [],
});

describe('the outcomes an import keeps', () => {
  it('keeps every skipped row even after the cap of updates is reached, in file order', () => {
    const store = new OutcomeStore();
    for (let row = 0; row < 25_000; row += 1) store.add(outcome(row, 'update'));
    store.add(outcome(25_000, 'skip'));
    store.add(outcome(25_001, 'update'));
    store.add(outcome(25_002, 'skip'));
    expect(store.skipped.map((kept) => kept.row)).toEqual([25_000, 25_002]);
    expect(store.page('updates', 0, 1).total).toBe(20_000);
    const all = store.page('all', 19_999, 3).rows.map((kept) => [kept.row, kept.action]);
    expect(all).toEqual([
      [19_999, 'update'],
      [25_000, 'skip'],
      [25_002, 'skip'],
    ]);
  });
});
