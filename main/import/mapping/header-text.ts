import { foldText } from '../../../shared/text/fold';

/** Cyrillic letters that look Latin: "Е-mail" typed on a Russian layout is still "E-mail". */
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
};
const TO_CYRILLIC = Object.fromEntries(Object.entries(LOOKALIKES).map(([cyrillic, latin]) => [latin, cyrillic]));

const count = (word: string, letters: RegExp) => word.match(letters)?.length ?? 0;

/** A word typed in two scripts takes the script of most of its letters ("Tелефон", "Еmail"). */
function unmixScripts(word: string): string {
  const latin = count(word, /[a-z]/g);
  const cyrillic = count(word, /[а-я]/g);
  if (latin === 0 || cyrillic === 0) return word;
  const swap = latin >= cyrillic ? LOOKALIKES : TO_CYRILLIC;
  const converted = [...word].map((letter) => swap[letter] ?? letter).join('');
  // Only when every letter has a twin: "vipклиент" is two words run together, not a typo.
  return count(converted, latin >= cyrillic ? /[а-я]/g : /[a-z]/g) === 0 ? converted : word;
}

const SINGLE_LETTER = /^\p{L}$/u;

/** "ф и о" → "фио", "д р" → "др": abbreviations written letter by letter are one word. */
function joinLetterRuns(words: string[]): string[] {
  const joined: string[] = [];
  let run = '';
  for (const word of [...words, '']) {
    if (SINGLE_LETTER.test(word)) {
      run += word;
      continue;
    }
    if (run) joined.push(run);
    run = '';
    if (word) joined.push(word);
  }
  return joined;
}

/**
 * A header as a lookup key: folded (lower case, ё → е); dashes and apostrophes dropped
 * ("E-mail" → "email"), other punctuation a space ("Тел.раб." → "тел раб", "Регион/Область" →
 * "регион область"); letter-by-letter abbreviations joined ("Ф.И.О." → "фио"); mixed-script
 * words made Latin.
 */
export function normaliseHeader(text: string): string {
  const words = foldText(text.replace(/[-‐‑–—'’`]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' '));
  if (words === '') return '';
  return joinLetterRuns(words.split(' ').map(unmixScripts)).join(' ');
}
