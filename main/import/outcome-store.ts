/**
 * The rows a dry run or a run reports back: every row with a problem, an update or a merge (up to
 * a cap, so a million-row file stays in bounded memory), and the first plain rows for a preview.
 */
import type { DryRunRows, RowOutcome } from '../../shared/domain/imports';
import type { rowFilters } from '../../shared/domain/imports';
import type { OutcomeSink } from './import-engine';

const MAX_KEPT = 20_000;
const PLAIN_KEPT = 200;
/**
 * Skipped rows are kept apart, to a cap of their own: the skipped-rows workbook must list them all
 * however many updates came first (a row is ~1 KB kept: 100 MB at the cap).
 */
const MAX_SKIPPED = 100_000;

export class OutcomeStore implements OutcomeSink {
  readonly #kept: RowOutcome[] = [];
  #others = 0;
  #skipped = 0;
  #plain = 0;

  accepts(notable: boolean, skipped = false): boolean {
    if (skipped) return this.#skipped < MAX_SKIPPED;
    return this.#others < MAX_KEPT && (notable || this.#plain < PLAIN_KEPT);
  }

  add(outcome: RowOutcome): void {
    const skipped = outcome.action === 'skip';
    const notable = outcome.problems.length > 0 || outcome.action !== 'create';
    if (!this.accepts(notable, skipped)) return;
    if (skipped) this.#skipped += 1;
    else this.#others += 1;
    if (!notable) this.#plain += 1;
    this.#kept.push(outcome);
  }

  get skipped(): RowOutcome[] {
    return this.#kept.filter((outcome) => outcome.action === 'skip');
  }

  page(filter: (typeof rowFilters)[number], offset: number, limit: number): Omit<DryRunRows, 'headers'> {
    const matching = this.#kept.filter((outcome) => {
      if (filter === 'problems') return outcome.problems.length > 0;
      if (filter === 'updates') return outcome.action === 'update' || outcome.action === 'merge';
      if (filter === 'skipped') return outcome.action === 'skip';
      return true;
    });
    return { total: matching.length, rows: matching.slice(offset, offset + limit) };
  }
}
