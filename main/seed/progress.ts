/**
 * Progress of a long seed: row counts at most every few seconds, so a big run shows it is alive,
 * and the start of each step that is one long statement (index builds, commit).
 */
export type SeedProgress =
  | {
      kind: 'rows';
      phase: string;
      done: number;
      total: number;
      /** Rows of every table written so far in this seed, per second since it started. */
      rowsPerSecond: number;
    }
  | { kind: 'step'; phase: string };

export type ProgressListener = (progress: SeedProgress) => void;

const REPORT_EVERY_MS = 5_000;
// Looking at the clock for every row would cost more than the row.
const CHECK_EVERY_ROWS = 1024;

export class ProgressMeter {
  private readonly started = performance.now();
  private lastReport = this.started;
  private phase = '';
  private total = 0;

  constructor(
    private readonly rowsWritten: () => number,
    private readonly listener: ProgressListener | undefined,
  ) {}

  begin(phase: string, total: number): void {
    this.phase = phase;
    this.total = total;
  }

  /** Call once per item with the number done so far. */
  tick(done: number): void {
    if (this.listener === undefined || done % CHECK_EVERY_ROWS !== 0) return;
    const now = performance.now();
    if (now - this.lastReport < REPORT_EVERY_MS) return;
    this.lastReport = now;
    const rowsPerSecond = Math.round(this.rowsWritten() / ((now - this.started) / 1000));
    this.listener({ kind: 'rows', phase: this.phase, done, total: this.total, rowsPerSecond });
  }

  step(phase: string): void {
    this.listener?.({ kind: 'step', phase });
  }
}
