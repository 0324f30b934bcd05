/**
 * Starts a worker thread running one of main's modules. From source (CLI, tests, the browser
 * host) the TypeScript module is loaded through tsx's API, whatever loader the parent runs under;
 * in the app's bundle each worker is a bundle of its own next to the main one (the build lists the
 * same entries in scripts/main-bundle-options.mjs; a test holds the two lists equal).
 */
import { Worker } from 'node:worker_threads';

/** Bundle name → source module, relative to main/. */
export const workerEntries = {
  'xlsx-reader-worker': 'spreadsheets/xlsx-reader-worker.ts',
  'import-parse-worker': 'import/parse-worker.ts',
} as const;

export type WorkerEntry = keyof typeof workerEntries;

/**
 * Workers stream: each batch they make is posted and dropped, so little survives a scavenge. V8's
 * default young generation (up to 3 × 16 MiB) would stay resident for nothing; 8 MiB is plenty
 * (bench import-export, 1,000,000 rows: peak 412–418 → 395–404 MB, no slower).
 */
const WORKER_HEAP_LIMITS = { maxYoungGenerationSizeMb: 8 };

export function startWorker(entry: WorkerEntry, workerData: unknown): Worker {
  const options = { workerData, resourceLimits: WORKER_HEAP_LIMITS };
  // The bundler defines import.meta.url as the bundle's own file.
  const here = import.meta.url;
  if (here.endsWith('.cjs')) return new Worker(new URL(`./${entry}.cjs`, here), options);
  const module = new URL(`../${workerEntries[entry]}`, here).href;
  const bootstrap =
    `import { tsImport } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};\n` +
    `await tsImport(${JSON.stringify(module)}, ${JSON.stringify(here)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), options);
}
