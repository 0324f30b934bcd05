import { foldText } from './fold';

/** A name's words, folded: "ООО «Ромашка»" → ооо, ромашка. */
export function nameWords(name: string): string[] {
  return [
    ...new Set(
      foldText(name)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word !== ''),
    ),
  ];
}

/**
 * Whether two names can be one record's: every word of the shorter appears in the other
 * ("Иванов Иван" and "Иванов Иван Иванович", "Ромашка" and "ООО «Ромашка»"). Colleagues sharing an
 * office phone or a mailbox have names that don't agree.
 */
export function wordsAgree<T>(first: readonly T[], second: readonly T[]): boolean {
  const [fewer, more] = first.length <= second.length ? [first, second] : [second, first];
  return fewer.length > 0 && fewer.every((word) => more.includes(word));
}

export function namesAgree(first: string, second: string): boolean {
  return wordsAgree(nameWords(first), nameWords(second));
}

/** How many of a name's words a table of numbers keeps (see nameWordHashes). */
export const NAME_WORDS_KEPT = 4;

/** The first words of a name as numbers (wordHash), for tables that keep numbers, not strings. */
export function nameWordHashes(name: string): number[] {
  return nameWords(name).slice(0, NAME_WORDS_KEPT).map(wordHash);
}

/** A word as a small non-zero number, for tables that keep numbers rather than strings. */
export function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index += 1) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
  return hash === 0 ? 1 : hash;
}
