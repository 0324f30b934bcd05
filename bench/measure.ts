/** A figure of one bench: raw samples in milliseconds; summaries are computed when printing. */
export type Measurement = { label: string; samplesMs: number[]; note?: string };

export type Bench = {
  name: string;
  summary: string;
  /** Gets a fresh folder of its own, removed afterwards. */
  run(options: { runs: number; dir: string }): Promise<Measurement[]>;
};

/** Runs `once` one time unmeasured (module loading, JIT) and then `runs` times. */
export async function sample(runs: number, once: () => Promise<number> | number): Promise<number[]> {
  await once();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) samples.push(await once());
  return samples;
}

/** Nearest-rank percentile: with 7 runs p95 is the slowest run. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function formatTable(measurements: Measurement[]): string[] {
  const rows = measurements.map((m) => ({
    label: m.label,
    median: median(m.samplesMs).toFixed(1),
    p95: percentile(m.samplesMs, 95).toFixed(1),
    note: m.note ?? '',
  }));
  const header = { label: 'what', median: 'median ms', p95: 'p95 ms', note: '' };
  const all = [header, ...rows];
  const labelWidth = Math.max(...all.map((row) => row.label.length));
  const numberWidth = Math.max(...all.flatMap((row) => [row.median.length, row.p95.length]));
  return all.map((row) =>
    [row.label.padEnd(labelWidth), row.median.padStart(numberWidth), row.p95.padStart(numberWidth), row.note]
      .join('  ')
      .trimEnd(),
  );
}
