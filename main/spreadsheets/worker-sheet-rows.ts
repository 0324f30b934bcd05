/**
 * A sheet's rows read by a worker thread (xlsx-reader-worker.ts), handed out one by one; read on
 * this thread instead when the worker's code can't load (see threads/worker-items.ts).
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../threads/start-worker';
import { workerItems } from '../threads/worker-items';
import type { SheetRow } from './cell';

/** Which sheet of which file a reader worker reads. */
export type ReaderRequest = { path: string; sheet: string };

export function workerSheetRows(
  request: ReaderRequest,
  readHere: () => AsyncIterable<SheetRow>,
  start: () => Worker = () => startWorker('xlsx-reader-worker', request),
): AsyncGenerator<SheetRow> {
  return workerItems<SheetRow>(start, readHere);
}
