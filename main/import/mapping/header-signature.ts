import { normaliseHeader } from './header-text';

/**
 * A key for "a file with the same headers", to offer a saved template again: each header
 * normalised (case, ё, punctuation and spacing don't matter), in order, blank headers between
 * them kept as positions, led by their count. Blank headers after the last named one don't count:
 * a stray value far right in one data row widens the sheet, not its header. "|" cannot occur
 * inside a normalised header.
 */
export function headerSignature(headers: readonly string[]): string {
  const normalised = headers.map((header) => normaliseHeader(header));
  while (normalised.length > 0 && normalised[normalised.length - 1] === '') normalised.pop();
  return `${normalised.length}:${normalised.join('|')}`;
}
