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
