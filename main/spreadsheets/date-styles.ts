/**
 * Which cell styles of a workbook show numbers as dates (or as percentages). An .xlsx stores a date as a plain number
 * (days since 1900, or 1904) whose style's number format has date or time tokens: styles.xml lists
 * the custom formats (<numFmts>) and, in <cellXfs>, each cell style's format id.
 */
import { SaxesParser } from 'saxes';
import { feedXml, localName } from './xml-stream';

/** Style index → shows a date. */
export type DateStyles = ReadonlySet<number>;

export const NO_DATE_STYLES: DateStyles = new Set();

// Excel's built-in date and time formats (ids 14–22, 45–47) and those of East Asian locales (27–36, 50–58).
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/**
 * A format's tokens alone: without quoted text, [brackets] (colours, locales, elapsed-time units) and
 * the characters it escapes (\h), pads with (_h) or fills with (*h) — «0.0\ \h» is hours of work, a number.
 */
const formatTokens = (format: string): string => format.replace(/"[^"]*"|\[[^\]]*]|[\\_*]./g, '');

/** Date or time tokens in the format. */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]/.test(formatTokens(format));
}

/** Excel's built-in percent formats: 0% and 0.00%. */
const BUILT_IN_PERCENT_FORMATS = new Set([9, 10]);

/** A "%" token: the cell shows its number times a hundred. */
export function isPercentFormat(format: string): boolean {
  return !isDateFormat(format) && formatTokens(format).includes('%');
}

/** Style indexes that show numbers as dates, and those that show them as percentages (0.12 as 12%). */
export type NumberStyles = { dates: DateStyles; percents: ReadonlySet<number> };

export const NO_NUMBER_STYLES: NumberStyles = { dates: NO_DATE_STYLES, percents: new Set() };

export async function readNumberStyles(chunks: AsyncIterable<Buffer>): Promise<NumberStyles> {
  const parser = new SaxesParser();
  // Custom formats, by id; one may also redefine a built-in id.
  const custom = new Map<number, 'date' | 'percent' | null>();
  const dates = new Set<number>();
  const percents = new Set<number>();
  let inCellXfs = false;
  let styleIndex = 0;
  parser.on('opentag', (tag) => {
    const name = localName(tag);
    if (name === 'numFmt') {
      const code = tag.attributes.formatCode ?? '';
      custom.set(
        Number(tag.attributes.numFmtId),
        isDateFormat(code) ? 'date' : isPercentFormat(code) ? 'percent' : null,
      );
    } else if (name === 'cellXfs') {
      inCellXfs = true;
    } else if (name === 'xf' && inCellXfs) {
      const format = Number(tag.attributes.numFmtId ?? 0);
      const kind = custom.has(format)
        ? custom.get(format)
        : BUILT_IN_DATE_FORMATS.has(format)
          ? 'date'
          : BUILT_IN_PERCENT_FORMATS.has(format)
            ? 'percent'
            : null;
      if (kind === 'date') dates.add(styleIndex);
      if (kind === 'percent') percents.add(styleIndex);
      styleIndex += 1;
    }
  });
  parser.on('closetag', (tag) => {
    if (localName(tag) === 'cellXfs') inCellXfs = false;
  });
  for await (const _ of feedXml(parser, chunks, 'styles'));
  return { dates, percents };
}

export async function readDateStyles(chunks: AsyncIterable<Buffer>): Promise<DateStyles> {
  return (await readNumberStyles(chunks)).dates;
}
