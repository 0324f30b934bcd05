/**
 * Benchmarks: `npm run bench [-- --runs N] [-- NAME...]`. Prints figures, never asserts.
 * A new bench is a file exporting a `Bench` plus one entry in `benches`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clientBase } from './client-base';
import { foundation } from './foundation';
import { importExport } from './import-export';
import { formatTable, type Bench } from './measure';

const benches: readonly Bench[] = [foundation, clientBase, importExport];
const DEFAULT_RUNS = 7;

const { values, positionals } = parseArgs({
  // --rows: the import-export bench's file size (it reads the option itself).
  options: { runs: { type: 'string', default: String(DEFAULT_RUNS) }, rows: { type: 'string' } },
  allowPositionals: true,
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a positive whole number, not "${values.runs}"`);
const unknown = positionals.filter((name) => !benches.some((bench) => bench.name === name));
if (unknown.length > 0) {
  throw new Error(`Unknown bench ${unknown.join(', ')}; known: ${benches.map((bench) => bench.name).join(', ')}`);
}
const selected = positionals.length === 0 ? benches : benches.filter((bench) => positionals.includes(bench.name));

console.log(
  `Node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus()[0]?.model ?? 'unknown CPU'}; ` +
    `${runs} runs after 1 warm-up, p95 by nearest rank`,
);
for (const bench of selected) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kartoteka-bench-${bench.name}-`));
  try {
    const measurements = await bench.run({ runs, dir });
    console.log(`\n${bench.name}: ${bench.summary}`);
    for (const line of formatTable(measurements)) console.log(`  ${line}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
