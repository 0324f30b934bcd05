/**
 * The main thread's side of a stream of items from a worker thread (see stream-protocol.ts), handed
 * out one by one. Leaving the loop early stops the worker. If the worker's code can't even load (no
 * second bundle in a broken install), `readHere` makes the items on this thread instead: slower, but
 * the work still gets done. A worker that loaded and then died (out of memory, say) is an error:
 * doing the same work again here would only fail the same way, with the main process's memory.
 */
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { CREDIT, type StreamMessage } from './stream-protocol';

export async function* workerItems<T>(
  start: () => Worker,
  readHere: () => AsyncIterable<T>,
  onDone: (result: unknown) => void = () => undefined,
): AsyncGenerator<T> {
  const worker = start();
  const inbox: Array<Exclude<StreamMessage<T>, { kind: 'ready' }>> = [];
  let failure: Error | null = null;
  let exited = false;
  let started = false;
  let wake: (() => void) | null = null;
  const notify = () => wake?.();
  worker.on('message', (message: StreamMessage<T>) => {
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
        throw failure ?? new AppError('Internal', 'A worker thread stopped unexpectedly');
      }
      if (message.kind === 'done') {
        onDone(message.result);
        return;
      }
      if (message.kind === 'failed') {
        throw 'code' in message.error ? AppError.fromJSON(message.error) : new Error(message.error.message);
      }
      // Credit first, so the worker makes the next batch while this one is processed.
      worker.postMessage(CREDIT);
      yield* message.items;
    }
  } finally {
    await worker.terminate();
  }
  yield* readHere();
}
