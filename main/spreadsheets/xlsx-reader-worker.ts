/**
 * Worker thread: reads one sheet of an .xlsx file and posts its rows (see xlsx-reader-protocol.ts).
 * Parsing XML is most of an import's reading time; here it runs on another core, and the parser's
 * garbage and the shared strings live in this thread's heap, not the main process's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { SheetRow } from './cell';
import { BATCH_ROWS, BATCHES_AHEAD, type ReaderMessage, type ReaderRequest } from './xlsx-reader-protocol';
import { xlsxRows } from './xlsx-source';

const port = parentPort!;
const { path, sheet } = workerData as ReaderRequest;
let credits = BATCHES_AHEAD;
let creditArrived: (() => void) | null = null;
port.on('message', () => {
  credits += 1;
  creditArrived?.();
});

const post = (message: ReaderMessage) => port.postMessage(message);
post({ kind: 'ready' });

async function send(rows: SheetRow[]): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (creditArrived = resolve));
  credits -= 1;
  post({ kind: 'rows', rows });
}

async function readSheet(): Promise<void> {
  let batch: SheetRow[] = [];
  for await (const row of xlsxRows(path, sheet)) {
    batch.push(row);
    if (batch.length === BATCH_ROWS) {
      await send(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await send(batch);
}

readSheet().then(
  () => post({ kind: 'done' }),
  (error: unknown) =>
    post({
      kind: 'failed',
      error:
        error instanceof AppError
          ? error.toJSON()
          : { message: error instanceof Error ? error.message : String(error) },
    }),
);
