/**
 * Totals under a table ("Итого:", "Всего", "Total:", "Grand total"): Excel users keep them below
 * their lists, and imported they would become a person named «Итого». A bare "Total" is left alone:
 * it is also a company's name.
 */
import type { CellValue } from '../../spreadsheets/cell';
import type { FlatRecord } from '../flat-record';
import { cellText } from '../row-parser';

// «Итого» starts a totals row whatever follows («Итого по Москве:»); the other words only alone or
// before a colon, as «Итог Плюс» or «Totals Group» may be a company.
const TOTALS_LABEL = /^(?:итого(?=$|[\s:.,;(])|(?:всего|итог|totals|grand total|sub-?total)\s*(?::|$)|total\s*:)/iu;

/**
 * The column of the cell that makes this row a totals row, or null: the row's first filled cell
 * reads like a totals label, and the row has no phone or e-mail (a record would).
 */
export function totalsRowColumn(
  cells: readonly CellValue[],
  flat: FlatRecord,
  validPhones: readonly unknown[],
): number | null {
  const first = cells.findIndex((cell) => cellText(cell) !== '');
  if (first < 0 || !TOTALS_LABEL.test(cellText(cells[first] ?? null))) return null;
  // A count under the phone column («Итого: | 42») is kept as written, but it is no phone.
  const hasEmail = Object.entries(flat).some(
    ([key, value]) => key.startsWith('email.') && Array.isArray(value) && value.length > 0,
  );
  return hasEmail || validPhones.length > 0 ? null : first;
}
