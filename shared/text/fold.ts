const SPACE_RUNS = /\s+/g;
/** Whitespace that collapsing would change: any but a lone plain space. */
const UNEVEN_SPACE = /[^\S ]|\s\s/;

/**
 * The one way text is folded for search and sorting: lower case, ё → е (FTS5's unicode61 folds
 * case but not ё), accents kept apart from base letters, whitespace collapsed.
 */
export function foldText(text: string): string {
  // Plain toLowerCase: the same as the 'ru' locale's for every script but Turkic and Lithuanian
  // dotted i, and ~30× faster (a locale lookup per call), which a million-row import notices.
  const lower = text.toLowerCase();
  // Replacing builds a new string even when nothing changes: most text has no ё and single spaces.
  const folded = lower.includes('ё') ? lower.replaceAll('ё', 'е') : lower;
  return (UNEVEN_SPACE.test(folded) ? folded.replace(SPACE_RUNS, ' ') : folded).trim();
}

/** Sort key for names: folded, punctuation dropped, so «Ромашка» sorts under Р. */
export function sortKey(text: string): string {
  return foldText(text.replace(/[«»"'“”„()[\]]/g, ''));
}

/** Only the digits of a string ("+7 (916) 123-45-67" → "79161234567"). */
export function digitsOf(text: string): string {
  return text.replace(/\D+/g, '');
}
