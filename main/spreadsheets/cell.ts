/**
 * One spreadsheet cell as readers hand it over: text, a number, a boolean, a date (xlsx date
 * cells, at UTC midnight for date-only values) or nothing. Formulas arrive as their results,
 * rich text and hyperlinks as their plain text.
 */
export type CellValue = string | number | boolean | Date | null;

/**
 * A row of a sheet: its 0-based position in the sheet and its cells (trailing empties trimmed).
 * `hidden`: Excel hides it (by hand, or a filter that leaves it out); only xlsx says so.
 * `merged`: cells of the row inside a merge from a row above, with the value Excel shows there
 * (written in the merge's top cell, `fromRow`); only xlsx has them (merged-cells.ts).
 */
export type SheetRow = {
  index: number;
  cells: CellValue[];
  hidden?: true;
  merged?: Array<{ column: number; fromRow: number; value: CellValue }>;
};
