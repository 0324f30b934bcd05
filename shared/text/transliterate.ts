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
  ['ju', 'ю'],
  ['ja', 'я'],
  ['ya', 'я'],
  ['ia', 'я'],
  ['yo', 'е'],
  ['ye', 'е'],
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
  const vowel = (char: string | undefined) => char !== undefined && 'aeiouy'.includes(char);
  const letter = (char: string | undefined) => char !== undefined && /[a-z]/.test(char);
  for (let index = 0; index < text.length;) {
    const [previous, current, next] = [text[index - 1], text[index], text[index + 1]];
    // "y" after a vowel and before none (or before "o") is "й": Sergey, Nikolay, Andrey, Mayorov.
    if (current === 'y' && vowel(previous) && (!vowel(next) || next === 'o')) {
      result += 'й';
      index += 1;
      continue;
    }
    // "i" ending a word after a vowel is "й" (Tsoi, Andrei, Nikolai); "ii" ending one is "ий"
    // (Chaikovskii, Dostoevskii).
    if (current === 'i' && !letter(next) && (vowel(previous) || (previous === 'i' && !vowel(text[index - 2])))) {
      result += 'й';
      index += 1;
      continue;
    }
    // "iy" before no vowel, and "y" ending a word after a consonant, are "ий": Dmitriy, Dmitry,
    // Vasily (but Mariya is "ия").
    if (current === 'i' && next === 'y' && !vowel(text[index + 2])) {
      result += 'ий';
      index += 2;
      continue;
    }
    if (current === 'y' && letter(previous) && !vowel(previous) && !letter(next)) {
      result += 'ий';
      index += 1;
      continue;
    }
    // "y" between a consonant and "i" is a soft sign and "и": Ilyin, Ilyinskaya.
    if (current === 'y' && letter(previous) && !vowel(previous) && next === 'i') {
      result += 'ьи';
      index += 2;
      continue;
    }
    // "ia" ending a word after a consonant is "ия": Yulia, Maria, Anastasia (mid-word, Viacheslav, "я").
    if (current === 'i' && next === 'a' && letter(previous) && !vowel(previous) && !letter(text[index + 2])) {
      result += 'ия';
      index += 2;
      continue;
    }
    // "y" between a consonant and a vowel is a soft sign: Tatyana, Natalya, Ilya, Vasilyev; but
    // "yo" there is "ё" (Fyodor, Pyotr, Semyonov, Alyona), written е as search folds it.
    if (current === 'y' && letter(previous) && !vowel(previous) && next !== undefined && 'aue'.includes(next)) {
      result += 'ь';
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

/**
 * The same reading with a soft sign where Latin spellings drop it: after л, н, т, д, р, с or з
 * before another consonant ("олга" → "ольга"). null when there is no such place.
 */
export function withSoftSigns(cyrillic: string): string | null {
  const soft = cyrillic.replace(/([лнтдрсз])(?=[бвгджзклмнпрстфхцчшщ])/gu, '$1ь');
  return soft === cyrillic ? null : soft;
}

/**
 * The same reading with "й" for an "и" between a vowel and a consonant, which Latin spellings
 * write alike ("zaitseva" → "заицева" → "зайцева"; Mikhail keeps its "и" in the first reading).
 * null when there is no such place.
 */
export function withShortI(cyrillic: string): string | null {
  const short = cyrillic.replace(/([аеиоуыэюя])и(?=[бвгджзклмнпрстфхцчшщ])/gu, '$1й');
  return short === cyrillic ? null : short;
}
