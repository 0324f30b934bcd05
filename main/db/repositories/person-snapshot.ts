import type { Executor } from './executor';
import { restoreRecordSnapshot, takeRecordSnapshot, type RecordSnapshot } from './record-snapshot';

/** A person's own row and every side-table row, exactly as stored (merges keep two of these). */
export type PersonSnapshot = RecordSnapshot;

export const takePersonSnapshot = (db: Executor, id: number) => takeRecordSnapshot(db, 'person', id);
export const restorePersonSnapshot = (db: Executor, snapshot: PersonSnapshot) =>
  restoreRecordSnapshot(db, 'person', snapshot);
