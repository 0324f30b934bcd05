/** Full month names, Russian (nominative and genitive) and English, by month number. */
const MONTHS: readonly (readonly string[])[] = [
  ['январь', 'января', 'january'],
  ['февраль', 'февраля', 'february'],
  ['март', 'марта', 'march'],
  ['апрель', 'апреля', 'april'],
  ['май', 'мая', 'may'],
  ['июнь', 'июня', 'june'],
  ['июль', 'июля', 'july'],
  ['август', 'августа', 'august'],
  ['сентябрь', 'сентября', 'september'],
  ['октябрь', 'октября', 'october'],
  ['ноябрь', 'ноября', 'november'],
  ['декабрь', 'декабря', 'december'],
];

/**
 * 1–12 for a month name or an abbreviation of at least three letters ("мар", "сент", "Sept",
 * "дек."); no two months share their first three letters in either language.
 */
export function monthFromWord(word: string): number | null {
  const folded = word.toLowerCase().replaceAll('ё', 'е').replace(/\.$/, '');
  if (folded.length < 3) return null;
  const index = MONTHS.findIndex((forms) => forms.some((form) => form.startsWith(folded)));
  return index === -1 ? null : index + 1;
}
