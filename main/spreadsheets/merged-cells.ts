/**
 * Cells merged down several rows: a company's name written once over the rows of its three
 * people, as hand-made workbooks do. Excel keeps the value in the top cell only and lists the
 * merges after the rows (<mergeCells>), so the sheet's XML is scanned for them first; each row a
 * merge covers below its top is then given the top cell's value as `merged` (not in its cells: the
 * header rows are read as they are written, only the import fills its data rows from it).
 */
import type { CellValue, SheetRow } from './cell';

/** A merge over rows `firstRow`..`lastRow` (0-based, as SheetRow.index) whose first column is `column`. */
export type VerticalMerge = { column: number; firstRow: number; lastRow: number };

const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\s[^>]*?ref\s*=\s*"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g;
/** Text kept from the end of one chunk for the next: a <mergeCell …> cut in two is matched whole. */
const OVERLAP = 200;

const columnIndex = (letters: string) =>
  [...letters].reduce((index, letter) => index * 26 + letter.charCodeAt(0) - 64, 0) - 1;

/** The merges of a sheet's XML that span more than one row. */
export async function readVerticalMerges(chunks: AsyncIterable<Buffer>): Promise<VerticalMerge[]> {
  const merges: VerticalMerge[] = [];
  const seen = new Set<string>();
  let carried = '';
  for await (const chunk of chunks) {
    const text = carried + chunk.toString('latin1');
    for (const match of text.matchAll(MERGE_CELL)) {
      const [whole, fromColumn, fromRow, , toRow] = match;
      if (toRow === undefined || seen.has(whole)) continue;
      seen.add(whole);
      const firstRow = Number(fromRow) - 1;
      const lastRow = Number(toRow) - 1;
      if (lastRow > firstRow) merges.push({ column: columnIndex(fromColumn!), firstRow, lastRow });
    }
    carried = text.slice(-OVERLAP);
  }
  return merges;
}

/** The rows, each row below a merge's top given that top cell's value (see SheetRow.merged). */
export async function* withMergedCells(
  rows: AsyncIterable<SheetRow>,
  merges: readonly VerticalMerge[],
): AsyncGenerator<SheetRow> {
  const startingAt = new Map<number, VerticalMerge[]>();
  for (const merge of merges) startingAt.set(merge.firstRow, [...(startingAt.get(merge.firstRow) ?? []), merge]);
  // The merges the rows are in, with their top cell's value.
  let open: Array<VerticalMerge & { value: CellValue }> = [];
  for await (const row of rows) {
    open = open.filter((merge) => merge.lastRow >= row.index);
    const covering = open.filter((merge) => merge.firstRow < row.index);
    for (const merge of startingAt.get(row.index) ?? [])
      open.push({ ...merge, value: row.cells[merge.column] ?? null });
    const merged = covering
      .filter((merge) => merge.value !== null)
      .map((merge) => ({ column: merge.column, fromRow: merge.firstRow, value: merge.value }));
    yield merged.length > 0 ? { ...row, merged } : row;
  }
}
