/**
 * The one way text is folded for search and sorting: lower case, ё → е (FTS5's unicode61 folds
 * case but not ё), accents kept apart from base letters, whitespace collapsed.
 */
export function foldText(text: string): string {
  return text.toLocaleLowerCase('ru').replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
}

/** Sort key for names: folded, punctuation dropped, so «Ромашка» sorts under Р. */
export function sortKey(text: string): string {
  return foldText(text.replace(/[«»"'“”„()[\]]/g, ''));
}

/** Only the digits of a string ("+7 (916) 123-45-67" → "79161234567"). */
export function digitsOf(text: string): string {
  return text.replace(/\D+/g, '');
}
