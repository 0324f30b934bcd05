/**
 * CSV whose quotes are broken, read line by line as Excel would show it. A field that opens with
 * a quote but never closes it where the field ends («"Ромашка" ООО», «"ООО "Ромашка""» from an
 * exporter that doesn't double inner quotes) makes a strict parser read on through every
 * following line as one field: hundreds of clients silently become one. Here a line is always
 * one record (a cell spanning lines can't be told from a broken quote any more), and a quoted
 * field ends at the last quote before its delimiter.
 */

/** The fields of one line: quoted ones unquoted (`""` inside is `"`), the rest as they are. */
export function lenientFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    const next = line.indexOf(delimiter, at);
    if (line[at] === '"') {
      // The closing quote: one right before a delimiter (or the line's end), as far on as it takes.
      let close = -1;
      for (let end = line.indexOf(delimiter, at + 1); ; end = line.indexOf(delimiter, end + delimiter.length)) {
        const stop = end === -1 ? line.length : end;
        if (stop - 1 > at && line[stop - 1] === '"') {
          close = stop - 1;
          break;
        }
        if (end === -1) break;
      }
      if (close !== -1) {
        fields.push(line.slice(at + 1, close).replaceAll('""', '"'));
        if (close + 1 >= line.length) return fields;
        at = close + 1 + delimiter.length;
        continue;
      }
    }
    // Unquoted, or a quote that never closes: the text up to the delimiter, quotes and all.
    if (next === -1) {
      fields.push(line.slice(at));
      return fields;
    }
    fields.push(line.slice(at, next));
    at = next + delimiter.length;
  }
}

/**
 * The records of `text`, a line each. Unless `last`, the text after the last line break is held
 * back (its line may go on in the next chunk): `cursor` is where it starts.
 */
export function lenientRecords(
  text: string,
  delimiter: string,
  newline: string,
  last: boolean,
): { records: string[][]; cursor: number } {
  const lastBreak = text.lastIndexOf(newline);
  const end = last ? text.length : lastBreak === -1 ? 0 : lastBreak + newline.length;
  const whole = text.slice(0, end);
  const lines = whole.split(newline);
  // The empty string after a final line break is no line.
  if (lines.at(-1) === '') lines.pop();
  return { records: lines.map((line) => lenientFields(line, delimiter)), cursor: end };
}
