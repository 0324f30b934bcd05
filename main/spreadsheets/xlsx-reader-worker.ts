/**
 * Worker thread: reads one sheet of an .xlsx file and streams its rows to the main thread.
 * Parsing XML is most of an import's reading time; here it runs on another core, and the parser's
 * garbage and the shared strings live in this thread's heap, not the main process's.
 */
import { workerData } from 'node:worker_threads';
import { streamToParent } from '../threads/stream-to-parent';
import type { ReaderRequest } from './worker-sheet-rows';
import { xlsxRows } from './xlsx-source';

const { path, sheet } = workerData as ReaderRequest;
streamToParent(xlsxRows(path, sheet));
