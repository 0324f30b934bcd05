import { normaliseHeader } from './header-text';

/**
 * A key for "a file with the same headers", to offer a saved template again: each header
 * normalised (case, ё, punctuation and spacing don't matter), in order, blank headers kept as
 * positions, led by their count (so one blank header and none differ). "|" cannot occur inside a
 * normalised header.
 */
export function headerSignature(headers: readonly string[]): string {
  return `${headers.length}:${headers.map((header) => normaliseHeader(header)).join('|')}`;
}
