/**
 * Messages between a sheet's rows read in a worker thread (xlsx-reader-worker.ts) and the
 * import reading them (xlsx-source.ts). The worker sends rows in batches and stays at most a few
 * batches ahead: the main thread hands back one credit per batch it takes.
 */
import type { AppErrorJson } from '../../shared/errors';
import type { SheetRow } from './cell';

export type ReaderRequest = { path: string; sheet: string };

export type ReaderMessage =
  /** First, once the worker's code has loaded: from then on a failure is the file's, not the install's. */
  | { kind: 'ready' }
  | { kind: 'rows'; rows: SheetRow[] }
  | { kind: 'done' }
  | { kind: 'failed'; error: AppErrorJson | { message: string } };

/** Main → worker: one more batch may be sent. */
export const CREDIT = 'credit';

export const BATCH_ROWS = 500;
/** Batches the worker may send before the first credit comes back. */
export const BATCHES_AHEAD = 4;
