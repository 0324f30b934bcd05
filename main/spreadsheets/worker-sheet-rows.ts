/**
 * A sheet's rows read by a worker thread (xlsx-reader-worker.ts), handed out one by one. Leaving
 * the loop early stops the worker. If the worker's code can't even load (no second bundle in a
 * broken install), the rows are read on this thread instead: slower, but the import still works.
 * A worker that loaded and then died (out of memory, say) is an error: reading the same sheet
 * again here would only fail the same way, with the main process's memory.
 */
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { startWorker } from '../threads/start-worker';
import type { SheetRow } from './cell';
import { CREDIT, type ReaderMessage, type ReaderRequest } from './xlsx-reader-protocol';

export async function* workerSheetRows(
  request: ReaderRequest,
  readHere: () => AsyncIterable<SheetRow>,
  start: () => Worker = () => startWorker('xlsx-reader-worker', request),
): AsyncGenerator<SheetRow> {
  const worker = start();
  const inbox: Array<Exclude<ReaderMessage, { kind: 'ready' }>> = [];
  let failure: Error | null = null;
  let exited = false;
  let started = false;
  let wake: (() => void) | null = null;
  const notify = () => wake?.();
  worker.on('message', (message: ReaderMessage) => {
    if (message.kind === 'ready') started = true;
    else inbox.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  try {
    for (;;) {
      while (inbox.length === 0 && failure === null && !exited) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (message === undefined) {
        if (!started) break;
        throw failure ?? new AppError('Internal', 'The spreadsheet reader stopped unexpectedly');
      }
      if (message.kind === 'done') return;
      if (message.kind === 'failed') {
        throw 'code' in message.error ? AppError.fromJSON(message.error) : new Error(message.error.message);
      }
      // Credit first, so the worker reads the next batch while this one is processed.
      worker.postMessage(CREDIT);
      yield* message.rows;
    }
  } finally {
    await worker.terminate();
  }
  yield* readHere();
}
