/**
 * The column headers of a sheet whose header row is `headerRow`, as the wizard, the templates and
 * the import all read them. Of a two-row header ("ФИО | Контакты | | Компания" over
 * " | Телефон | E-mail | "), the lower row names the columns and a column blank there takes the
 * text above it: Excel keeps a cell merged down both rows in its top cell.
 */
export function sheetHeaders(rows: ReadonlyArray<readonly string[]>, headerRow: number): string[] {
  const own = rows[headerRow] ?? [];
  const above = headerRow > 0 ? (rows[headerRow - 1] ?? []) : [];
  // A group row has two labels or more; a title above the header ("Клиенты на 01.01.2024") has one.
  const groupRow = above.filter((text) => text.trim() !== '').length >= 2;
  const width = Math.max(own.length, groupRow ? above.length : 0);
  return Array.from({ length: width }, (_, index) => {
    const text = own[index] ?? '';
    return text.trim() === '' && groupRow ? (above[index] ?? '') : text;
  });
}
