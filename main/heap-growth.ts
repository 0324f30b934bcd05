/**
 * How far V8 lets a heap grow past what survived its last full collection before collecting again.
 * Left to itself V8 allows up to 4× when collections look cheap. An import promotes each batch of
 * rows to the old generation and drops it a batch later, so the main heap carried up to ~130 MB of
 * dead rows over ~45 MB of live ones. Twice the live size is plenty (bench import-export: 100k rows
 * peak 377 → 306 MB, no slower; 1,000,000 rows: 533 → 461–479 MB). Process-wide: worker
 * threads share the setting. Called first thing by each process that runs main's services.
 */
import v8 from 'node:v8';

export function limitHeapGrowth(): void {
  v8.setFlagsFromString('--heap-growing-percent=100');
}
