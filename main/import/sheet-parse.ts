/**
 * A sheet's rows as an import reads them: the header and the rows above it left out, the rows the
 * user skipped only counted, the user's fixes applied, and every other row read cell by cell for
 * its fields (row-parser.ts). Pure apart from the value-choice counter, so it runs where the rows
 * are read: in a worker thread for a big xlsx sheet (parse-worker.ts), on the main thread otherwise.
 */
import type { RowProblem, ValueMapping } from '../../shared/domain/imports';
import type { NormalisedPhone } from '../../shared/text/phone';
import type { CellValue, SheetRow } from '../spreadsheets/cell';
import type { FlatRecord } from './flat-record';
import { cellText, parseRow, type ColumnPlan } from './row-parser';
import { totalsRowColumn } from './values/totals-rows';
import type { ChoiceCatalog, SeenValues, ValueChoices } from './value-choices';

/** Everything a sheet's parse needs; plain data, so a worker thread can be given it. */
export type SheetParsePlan = {
  headerRow: number;
  /** Rows the user chose to skip (their indexes in the sheet). */
  skippedRows: number[];
  /** Cell values the user typed in the dry-run grid, by row and column. */
  fixes: Array<{ row: number; column: number; value: string }>;
  /** Rows Excel hides are left out, each with its reason. */
  skipHiddenRows: boolean;
  columns: ColumnPlan[];
  defaultCountry: string;
  /** What the worker's own value counter needs (the main thread's has them already). */
  catalogs: ChoiceCatalog[];
  valueMappings: ValueMapping[];
  /**
   * The values the main thread has listed so far (earlier sheets): the worker's counter starts with
   * them, so it keeps counting them past its cap of listed values, as the main thread's would.
   */
  listed: SeenValues;
};

export type ParsedItem =
  | { row: number; skipped: true }
  | {
      row: number;
      skipped: false;
      cells: CellValue[];
      flat: FlatRecord;
      problems: RowProblem[];
      phones: NormalisedPhone[];
    };

export async function* parseSheetRows(
  rows: AsyncIterable<SheetRow>,
  plan: SheetParsePlan,
  choices: ValueChoices,
): AsyncGenerator<ParsedItem> {
  const skipped = new Set(plan.skippedRows);
  const fixes = new Map<number, Map<number, string>>();
  for (const fix of plan.fixes) {
    const row = fixes.get(fix.row) ?? new Map<number, string>();
    row.set(fix.column, fix.value);
    fixes.set(fix.row, row);
  }
  const context = { defaultCountry: plan.defaultCountry, choices };
  for await (const { index, cells, hidden, merged } of rows) {
    if (index <= plan.headerRow) continue;
    if (skipped.has(index)) {
      yield { row: index, skipped: true };
      continue;
    }
    const fixed = fixes.get(index);
    // A cell merged down from a data row above holds what Excel shows there (a company written
    // once over its people's rows); a merge from the header down is no value.
    const fills = merged?.filter((cell) => cell.fromRow > plan.headerRow && (cells[cell.column] ?? null) === null);
    const row = fixed || fills?.length ? [...cells] : cells;
    for (const cell of fills ?? []) {
      while (row.length < cell.column) row.push(null);
      row[cell.column] = cell.value;
    }
    if (fixed) for (const [column, value] of fixed) row[column] = value;
    const { flat, problems, phones } = parseRow(row, plan.columns, context);
    // First among the row's problems: they, not a cell's, are why it is skipped.
    const totals = totalsRowColumn(row, flat, phones);
    if (totals !== null) {
      problems.unshift({
        column: totals,
        field: null,
        code: 'totalsRow',
        severity: 'error',
        value: cellText(row[totals] ?? null),
      });
    }
    if (hidden && plan.skipHiddenRows) {
      problems.unshift({ column: null, field: null, code: 'hiddenRow', severity: 'error', value: null });
    }
    yield { row: index, skipped: false, cells: row, flat, problems, phones };
  }
}
