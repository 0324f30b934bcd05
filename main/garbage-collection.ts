/**
 * How V8 collects garbage in the processes that run main's services. Called first thing by each
 * of them (Electron main, CLI, browser host); process-wide, worker threads share the settings.
 *
 * Heap growth: how far a heap may grow past what survived its last full collection before V8
 * collects again. Left to itself V8 allows up to 4× when collections look cheap. An import promotes
 * each batch of rows to the old generation and drops it a batch later, so the main heap carried up
 * to ~130 MB of dead rows over ~45 MB of live ones. Twice the live size is plenty (bench
 * import-export: 100k rows peak 377 → 306 MB, no slower; 1,000,000 rows: 533 → 461–479 MB).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let fullCollection: (() => void) | null = null;

export function tuneGarbageCollection(): void {
  v8.setFlagsFromString('--heap-growing-percent=100');
  // V8 installs gc() in contexts made after the flag is set: this one only hands it over.
  v8.setFlagsFromString('--expose-gc');
  fullCollection = vm.runInNewContext('gc') as () => void;
}

/**
 * A full collection now, before a long native step that needs memory of its own while JavaScript
 * sits idle (SQLite sorting a million-row index in RAM). V8 collects only when JavaScript allocates,
 * so without this the garbage of the last batches, and buffers already let go of, stay resident
 * through it. A no-op where tuneGarbageCollection wasn't called (tests).
 */
export function collectGarbageNow(): void {
  fullCollection?.();
}
