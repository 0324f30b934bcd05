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

/** A word as a small non-zero number, for tables that keep numbers rather than strings. */
export function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index += 1) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
  return hash === 0 ? 1 : hash;
}
