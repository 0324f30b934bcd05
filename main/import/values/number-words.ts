/**
 * The words and signs around a number in a sheet: currencies (to ISO codes) and multipliers (as
 * powers of ten). All lower case: text is lowered before matching.
 */
const CURRENCY_ALIASES: Record<string, readonly string[]> = {
  RUB: ['₽', 'руб.', 'руб', 'рублей', 'рубля', 'рубль', 'р.', 'р', 'rub', 'rur'],
  USD: ['$', 'us$', 'usd', 'долл.', 'долл', 'долларов', 'доллара', 'доллар'],
  EUR: ['€', 'eur', 'евро'],
  KZT: ['₸', 'тенге', 'тг.', 'тг', 'kzt'],
  UAH: ['₴', 'грн.', 'грн', 'uah'],
  BYN: ['бел. руб.', 'бел.руб.', 'byn'],
  GBP: ['£', 'gbp'],
  CNY: ['юаней', 'юаня', 'юань', 'cny'],
};

const MULTIPLIER_ALIASES: Record<number, readonly string[]> = {
  3: ['тыс.', 'тыс', 'тысяч', 'тысячи', 'тысяча', 'thousand', 'k', 'к'],
  6: ['млн.', 'млн', 'миллионов', 'миллиона', 'миллион', 'million', 'mln', 'mio', 'm'],
  9: ['млрд.', 'млрд', 'миллиардов', 'миллиарда', 'миллиард', 'billion', 'bn'],
};

type Word<T> = { text: string; meaning: T };

/** Longest first, so "руб." wins over "р" and "млрд" over "м". */
const byLength = <T>(words: Word<T>[]) => words.sort((a, b) => b.text.length - a.text.length);

const currencyWords = byLength(
  Object.entries(CURRENCY_ALIASES).flatMap(([code, aliases]) => aliases.map((text) => ({ text, meaning: code }))),
);
const multiplierWords = byLength(
  Object.entries(MULTIPLIER_ALIASES).flatMap(([exponent, aliases]) =>
    aliases.map((text) => ({ text, meaning: Number(exponent) })),
  ),
);
/** "150 т.р." is how Russian sheets write thousands of roubles. */
const thousandRoubles = byLength([
  { text: 'т.р.', meaning: 'RUB' },
  { text: 'т. р.', meaning: 'RUB' },
  { text: 'тр.', meaning: 'RUB' },
  { text: 'тыр', meaning: 'RUB' },
]);

const LETTER = /[\p{L}]/u;

/** The word at the start of `text` and the length it takes, when it ends where a word can end. */
function wordAt<T>(text: string, words: Word<T>[]): Word<T> | null {
  for (const word of words) {
    if (!text.startsWith(word.text)) continue;
    const next = text.charAt(word.text.length);
    // "р" must not eat the start of "рублей…", nor "m" of "mln": a word ends at a non-letter.
    if (LETTER.test(word.text.at(-1) ?? '') && LETTER.test(next)) continue;
    return word;
  }
  return null;
}

export const currencyAt = (text: string) => wordAt(text, currencyWords);
export const multiplierAt = (text: string) => wordAt(text, multiplierWords);
export const thousandRoublesAt = (text: string) => wordAt(text, thousandRoubles);
