/**
 * The column headers of a sheet whose header row is `headerRow`, as the wizard, the templates and
 * the import all read them. Of a two-row header ("ФИО | Контакты | | Компания" over
 * " | Телефон | E-mail | "), the lower row names the columns and a column blank there takes the
 * text above it: Excel keeps a cell merged down both rows in its top cell.
 */
export function sheetHeaders(rows: ReadonlyArray<readonly string[]>, headerRow: number): string[] {
  const own = rows[headerRow] ?? [];
  const above = headerRow > 0 ? (rows[headerRow - 1] ?? []) : [];
  // A group row names some columns of its own (over a blank below: merged down) and groups others
  // (over named ones: "Контакты" over "Телефон"); a title or a line of text above the header
  // ("Организация: | ООО Ромашка" over named columns) does only one of the two.
  const filledAbove = (index: number) => (above[index] ?? '').trim() !== '';
  const blankHere = (index: number) => (own[index] ?? '').trim() === '';
  const indexes = Array.from({ length: above.length }, (_, index) => index).filter(filledAbove);
  const groupRow = indexes.some(blankHere) && indexes.some((index) => !blankHere(index));
  const width = Math.max(own.length, groupRow ? above.length : 0);
  return Array.from({ length: width }, (_, index) => {
    const text = own[index] ?? '';
    return text.trim() === '' && groupRow ? (above[index] ?? '') : text;
  });
}
