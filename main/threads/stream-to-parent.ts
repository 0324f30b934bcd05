/**
 * The worker thread's side of a stream of items (see stream-protocol.ts): posts them in batches as
 * credits allow, then `finish()`'s answer, or the error that stopped it.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { BATCH_ITEMS, BATCHES_AHEAD, type StreamMessage } from './stream-protocol';

export function streamToParent<T>(items: AsyncIterable<T>, finish: () => unknown = () => null): void {
  const port = parentPort!;
  let credits = BATCHES_AHEAD;
  let creditArrived: (() => void) | null = null;
  port.on('message', () => {
    credits += 1;
    creditArrived?.();
  });
  const post = (message: StreamMessage<T>) => port.postMessage(message);
  post({ kind: 'ready' });

  async function send(batch: T[]): Promise<void> {
    while (credits === 0) await new Promise<void>((resolve) => (creditArrived = resolve));
    credits -= 1;
    post({ kind: 'items', items: batch });
  }

  async function stream(): Promise<void> {
    let batch: T[] = [];
    for await (const item of items) {
      batch.push(item);
      if (batch.length === BATCH_ITEMS) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch);
  }

  stream()
    .then(() => finish())
    .then(
      (result) => post({ kind: 'done', result }),
      (error: unknown) =>
        post({
          kind: 'failed',
          error:
            error instanceof AppError
              ? error.toJSON()
              : { message: error instanceof Error ? error.message : String(error) },
        }),
    );
}
