import { normaliseHeader } from './header-text';

/**
 * A key for "a file with the same headers", to offer a saved template again: each header
 * normalised (case, ё, punctuation and spacing don't matter), in order, blank headers between
 * them kept as positions, led by their count. Blank headers after the last named one don't count:
 * a stray value far right in one data row widens the sheet, not its header. "|" cannot occur
 * inside a normalised header.
 */
/**
 * The signatures a saved template for these headers may carry: the current one, and the one
 * templates saved before trailing blank headers stopped counting had. None for a header row with
 * no named column (it would match every such sheet).
 */
export function templateSignatures(headers: readonly string[]): string[] {
  const current = headerSignature(headers);
  if (current === '0:') return [];
  const legacy = `${headers.length}:${headers.map((header) => normaliseHeader(header)).join('|')}`;
  return legacy === current ? [current] : [current, legacy];
}

export function headerSignature(headers: readonly string[]): string {
  const normalised = headers.map((header) => normaliseHeader(header));
  while (normalised.length > 0 && normalised[normalised.length - 1] === '') normalised.pop();
  return `${normalised.length}:${normalised.join('|')}`;
}
