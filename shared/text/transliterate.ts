const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Russian letters in Latin (passport-style, simplified), for machine keys and file names. */
export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((char) => CYRILLIC_TO_LATIN[char] ?? char).join('');
}

/** "Дата договора" → "data_dogovora": a stable key made from a label. */
export function slugKey(label: string): string {
  const slug = transliterate(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return slug === '' ? 'field' : slug.slice(0, 60).replace(/_+$/, '');
}

/** Latin spellings of Russian sounds, longest first: how names are written in passports and e-mails. */
const LATIN_TO_CYRILLIC: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['tz', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['iu', 'ю'],
  ['ya', 'я'],
  ['ia', 'я'],
  ['yo', 'е'],
  ['ye', 'е'],
  ['iy', 'ий'],
  ['yy', 'ый'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['w', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['j', 'й'],
  ['y', 'ы'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['c', 'к'],
  ['x', 'кс'],
  ['q', 'к'],
];

/**
 * A Russian name written in Latin letters, read back into Cyrillic as well as it goes
 * ("soloviev" → "соловиев", "shchukin" → "щукин"): for search, which forgives a typo or two.
 * Other characters are kept.
 */
export function toCyrillic(latin: string): string {
  const text = latin.toLowerCase();
  let result = '';
  const vowel = (char: string | undefined) => char !== undefined && 'aeiou'.includes(char);
  for (let index = 0; index < text.length;) {
    // "y" after a vowel and before none is "й": Sergey, Nikolay, Andrey.
    if (text[index] === 'y' && vowel(text[index - 1]) && !vowel(text[index + 1])) {
      result += 'й';
      index += 1;
      continue;
    }
    const rule = LATIN_TO_CYRILLIC.find(([from]) => text.startsWith(from, index));
    if (rule) {
      result += rule[1];
      index += rule[0].length;
    } else {
      result += text[index];
      index += 1;
    }
  }
  return result;
}
