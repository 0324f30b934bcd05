/**
 * Spreadsheet import and export at scale: `npm run bench -- import-export [--rows 100000] [--runs N]`.
 *
 * Writes a people workbook (default 100,000 rows × 12 columns, Russian and English, with a shared
 * strings table as Excel writes it), then measures, each phase in a fresh child process so its peak
 * RSS (getrusage maxrss) is its own. Children run a CommonJS bundle of the phases built with the
 * app's own bundle options, its worker threads bundled next to it: the process the app runs, not
 * tsx compiling TypeScript in every thread (phases: bench/import-export-phases.ts; the phases that
 * make test data run from a second bundle, with the name generator the app's bundle doesn't have):
 *   (a) raw limit: exceljs's streaming WorkbookReader alone on that file;
 *   (b) raw limit: a prepared-statement insert of the same rows (12 text columns, one transaction)
 *       into a fresh encrypted file opened with the app's pragmas;
 *   (c) our import into a fresh encrypted database (ImportSessions: open → suggestedSetup → run;
 *       the dry run in its own process) — target ≤ 1.5 × (a) + (b);
 *   (d) our export of those people, the same 12 columns (exportRecords) against a raw exceljs
 *       streaming write of the same rows — target ≤ 1.3 ×;
 *   (e) peak RSS of each; with `--rows 1000000` the memory check (target < 400 MB), one round only.
 * Ratios are taken within a round, then the median over rounds (at most 3) is shown.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import { build, type BuildOptions } from 'esbuild';
import type { Phase, PhaseArgs, PhaseResult } from './import-export-phases';
import { median, type Bench, type Measurement } from './measure';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEFAULT_ROWS = 100_000;
const MAX_ROWS = 1_048_575; // one xlsx sheet, less the header row
const MAX_ROUNDS = 3;
const IMPORT_TARGET = 1.5;
const EXPORT_TARGET = 1.3;
const MEMORY_TARGET_MB = 400;
const MEMORY_TARGET_ROWS = 1_000_000;

/** Two bundles of the phases: the app's measured ones, and those that make test data (faker). */
type Runners = { app: string; generating: string };

// Phases that generate their rows with faker as they go.
const GENERATING: ReadonlySet<Phase> = new Set(['generate', 'rawInsert', 'rawSchemaInsert', 'rawWrite']);

/** Bundles the phase runners and the app's worker threads into `dir`. */
async function bundlePhaseRunners(dir: string): Promise<Runners> {
  // The app's build script's own options (plain JavaScript, hence the cast).
  const { mainBundleOptions, workerBundles } = (await import('../scripts/main-bundle-options.mjs' as string)) as {
    mainBundleOptions: BuildOptions;
    workerBundles: Record<string, string>;
  };
  const runners = {
    app: path.join(dir, 'import-export-child.cjs'),
    generating: path.join(dir, 'import-export-child-generating.cjs'),
  };
  const options: BuildOptions = { ...mainBundleOptions, sourcemap: false, absWorkingDir: ROOT };
  // The app's bundle has no faker (test data only): its 3 MB of source would sit in the heap of
  // every phase measuring the app. Left external there; never loaded by those phases.
  const appOptions: BuildOptions = { ...options, external: [...(options.external ?? []), '@faker-js/faker'] };
  await Promise.all([
    build({ ...appOptions, entryPoints: ['bench/import-export-child.ts'], outfile: runners.app }),
    build({ ...options, entryPoints: ['bench/import-export-child.ts'], outfile: runners.generating }),
    ...Object.entries(workerBundles).map(([name, entry]) =>
      build({ ...options, entryPoints: [entry], outfile: path.join(dir, `${name}.cjs`) }),
    ),
  ]);
  return runners;
}

const execFileAsync = promisify(execFile);

async function runPhase(runners: Runners, phase: Phase, args: PhaseArgs): Promise<PhaseResult> {
  const runner = GENERATING.has(phase) ? runners.generating : runners.app;
  const { stdout } = await execFileAsync(process.execPath, [runner, phase, JSON.stringify(args)], {
    cwd: ROOT,
    // The native addon is left out of the bundle: found in the project's node_modules.
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '') as PhaseResult;
}

/** A phase that dies (at 1M rows: out of memory) is a figure too, not the end of the bench. */
async function tryPhase(runners: Runners, phase: Phase, args: PhaseArgs): Promise<PhaseResult | { failed: string }> {
  try {
    return await runPhase(runners, phase, args);
  } catch (error) {
    const { stderr = '', code, signal } = error as { stderr?: string; code?: number | string; signal?: string };
    const lines = stderr.split('\n').map((text) => text.trim());
    const cause =
      lines.find((text) => text.startsWith('FATAL ERROR')) ??
      lines.find((text) => /^\w*Error\b/.test(text)) ??
      lines.findLast((text) => text !== '') ??
      (error as Error).message;
    // 13: the worker's top-level await never settled — the event loop ran dry, e.g. a stalled stream.
    const how = signal ?? (code === 13 ? 'exit 13, stalled' : `exit ${code}`);
    return { failed: `${how}: ${cause.split('\n')[0]!.slice(0, 160)}` };
  }
}

function rowsOption(): number {
  // bench/index.ts accepts --rows too; strict parsing there rejects everything else.
  const { values } = parseArgs({ options: { rows: { type: 'string' } }, strict: false, allowPositionals: true });
  const rows = Number(values.rows ?? DEFAULT_ROWS);
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_ROWS) {
    throw new Error(`--rows must be a whole number from 1 to ${MAX_ROWS}, not "${String(values.rows)}"`);
  }
  return rows;
}

const thousands = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)}k` : value.toFixed(0));
const mb = (value: number) => `${Math.round(value)} MB`;
const verdict = (ratio: number, target: number) =>
  Number.isNaN(ratio) ? 'n/a' : `${ratio.toFixed(2)}× (target ≤ ${target}×: ${ratio <= target ? 'met' : 'MISSED'})`;

const rows = rowsOption();

export const importExport: Bench = {
  name: 'import-export',
  summary:
    `${rows.toLocaleString('en')} people × 12 columns: .xlsx import and export against raw exceljs and raw inserts; ` +
    `one child process per phase, peak RSS = its maxrss; times are the median of min(--runs, ${MAX_ROUNDS}) rounds ` +
    '(one at more than 200k rows), no warm-up',
  async run({ runs, dir }) {
    const rounds = rows > 200_000 ? 1 : Math.min(runs, MAX_ROUNDS);
    const file = path.join(dir, 'people.xlsx');
    const log = (text: string) => process.stderr.write(`  [import-export] ${text}\n`);
    log(`writing ${rows.toLocaleString('en')} rows to ${file}…`);
    const runners = await bundlePhaseRunners(fs.mkdtempSync(path.join(dir, 'runner-')));
    const generated = await runPhase(runners, 'generate', { rows, file, db: '', out: '' });
    const idle = await runPhase(runners, 'idle', { rows, file, db: '', out: '' });

    const order: Phase[] = [
      'rawRead',
      'sourceRead',
      'rawInsert',
      'rawSchemaInsert',
      'importDryRun',
      'import',
      'rawWrite',
      'export',
      'exportAll',
    ];
    const results = new Map<Phase, Array<PhaseResult | { failed: string }>>(order.map((phase) => [phase, []]));
    for (let round = 1; round <= rounds; round += 1) {
      const scratch = fs.mkdtempSync(path.join(dir, `round-${round}-`));
      const db = path.join(scratch, 'imported.kartoteka');
      for (const phase of order) {
        log(`round ${round}/${rounds}: ${phase}…`);
        const args: PhaseArgs = {
          rows,
          file,
          // The export reads the database the import phase of this round filled.
          db:
            phase === 'rawInsert'
              ? path.join(scratch, 'raw.db')
              : phase === 'rawSchemaInsert'
                ? path.join(scratch, 'schema.db')
                : phase === 'importDryRun'
                  ? `${db}.dry`
                  : db,
          out: path.join(scratch, `${phase}.xlsx`),
        };
        const result = await tryPhase(runners, phase, args);
        if ('failed' in result) log(`${phase} failed: ${result.failed}`);
        results.get(phase)!.push(result);
      }
      fs.rmSync(scratch, { recursive: true, force: true });
    }

    const ms = (phase: Phase, round: number) => {
      const result = results.get(phase)![round];
      return result && 'ms' in result ? result.ms : Number.NaN;
    };
    /** Median over the rounds where every phase involved finished. */
    const perRound = (compute: (round: number) => number) => {
      const ratios = Array.from({ length: rounds }, (_, i) => compute(i)).filter(Number.isFinite);
      return ratios.length === 0 ? Number.NaN : median(ratios);
    };
    const importRatio = perRound((i) => ms('import', i) / (ms('rawRead', i) + ms('rawInsert', i)));
    const schemaRatio = perRound((i) => ms('import', i) / (ms('rawRead', i) + ms('rawSchemaInsert', i)));
    const dryRatio = perRound((i) => ms('importDryRun', i) / ms('rawRead', i));
    const exportRatio = perRound((i) => ms('export', i) / ms('rawWrite', i));
    const memoryCheck = rows >= MEMORY_TARGET_ROWS;
    const peak = (list: PhaseResult[], target: boolean) => {
      const worst = Math.max(...list.map((result) => result.peakRssMb));
      const judged = target && memoryCheck;
      return `peak ${mb(worst)}${judged ? ` (target < ${MEMORY_TARGET_MB} MB: ${worst < MEMORY_TARGET_MB ? 'met' : 'MISSED'})` : ''}`;
    };
    const line = (label: string, phase: Phase, extra: string[] = [], memoryTarget = false): Measurement => {
      const all = results.get(phase)!;
      const list = all.filter((result): result is PhaseResult => 'ms' in result);
      const failures = all.flatMap((result) => ('failed' in result ? [result.failed] : []));
      const failed = failures.length > 0 ? [`FAILED ${failures.length}× (${failures[0]})`] : [];
      if (list.length === 0) return { label, samplesMs: [Number.NaN], note: failed.join('') };
      const rate = rows / (median(list.map((result) => result.ms)) / 1000);
      const info = list.at(-1)?.info;
      return {
        label,
        samplesMs: list.map((result) => result.ms),
        note: [
          `${thousands(rate)} rows/s`,
          peak(list, memoryTarget),
          ...extra,
          ...(info ? [info] : []),
          ...failed,
        ].join('; '),
      };
    };
    return [
      {
        label: 'idle child: Node + bundled modules',
        samplesMs: [idle.ms],
        note: `peak ${mb(idle.peakRssMb)}, part of every peak below`,
      },
      {
        label: 'write the input (exceljs, shared strings)',
        samplesMs: [generated.ms],
        note: `${thousands(rows / (generated.ms / 1000))} rows/s; peak ${mb(generated.peakRssMb)}; ${generated.info}`,
      },
      line('(a) raw: exceljs streaming read', 'rawRead'),
      line('    our xlsx source, rows alone', 'sourceRead', ['no temp copy of the sheet, unlike (a)']),
      line('(b) raw: prepared insert, 1 transaction', 'rawInsert', ['12 text columns, app pragmas']),
      line("(b') raw: prepared insert into the app's tables", 'rawSchemaInsert', [
        'people + list indexes, contact points, address, tags, search index, undo journal',
      ]),
      line('(c) our import: dry run', 'importDryRun', [`${dryRatio.toFixed(2)}× (a)`], true),
      line(
        '(c) our import: run',
        'import',
        [`${verdict(importRatio, IMPORT_TARGET)} of (a) + (b)`, `${schemaRatio.toFixed(2)}× (a) + (b')`],
        true,
      ),
      line('(d) raw: exceljs streaming write', 'rawWrite', ['shared strings off, commit per row']),
      line('(d) our export, same 12 columns', 'export', [verdict(exportRatio, EXPORT_TARGET)], true),
      line('    our export, every column (CLI default)', 'exportAll', [], true),
    ];
  },
};
