/**
 * Messages of a stream of items from a worker thread (stream-to-parent.ts) to the main thread
 * (worker-items.ts). The worker sends items in batches and stays at most a few batches ahead: the
 * main thread hands back one credit per batch it takes.
 */
import type { AppErrorJson } from '../../shared/errors';

export type StreamMessage<T> =
  /** First, once the worker's code has loaded: from then on a failure is the work's, not the install's. */
  | { kind: 'ready' }
  | { kind: 'items'; items: T[] }
  /** The end, with what the worker has to say about the whole stream (if anything). */
  | { kind: 'done'; result: unknown }
  | { kind: 'failed'; error: AppErrorJson | { message: string } };

/** Main → worker: one more batch may be sent. */
export const CREDIT = 'credit';

export const BATCH_ITEMS = 500;
/** Batches the worker may send before the first credit comes back. */
export const BATCHES_AHEAD = 4;
