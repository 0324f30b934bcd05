import { sortKey } from './fold';

/** Spelled-out legal forms, folded: dropped before comparing company names. */
export const longLegalForms = [
  'общество с ограниченной ответственностью',
  'публичное акционерное общество',
  'открытое акционерное общество',
  'закрытое акционерное общество',
  'непубличное акционерное общество',
  'акционерное общество',
  'индивидуальный предприниматель',
  'limited liability company',
];

/** Abbreviated legal forms, folded, as whole words. */
export const shortLegalForms = new Set([
  'ооо',
  'оао',
  'зао',
  'пао',
  'ао',
  'нао',
  'ип',
  'чп',
  'тоо',
  'ано',
  'нко',
  'llc',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'plc',
  'gmbh',
  'llp',
]);

/** Whether a name carries a legal form («ООО "Ромашка"», "Acme Ltd", «ИП Иванов»): a company's name. */
export function hasLegalForm(name: string): boolean {
  const folded = sortKey(name);
  if (longLegalForms.some((form) => folded.includes(form))) return true;
  return folded.split(/[\s,.;]+/).some((word) => shortLegalForms.has(word));
}

/** A folded name's words without its legal forms: «ооо ромашка», «ромашка, ооо» → ромашка. */
export function legalFormFreeWords(folded: string): string[] {
  let text = folded;
  for (const form of longLegalForms) if (text.includes(form)) text = text.replaceAll(form, ' ');
  return text
    .replaceAll('l.l.c.', ' ')
    .split(/[\s,.;]+/)
    .filter((word) => word !== '' && !shortLegalForms.has(word));
}

/**
 * Folded text without its legal forms («ооо ромашка» → «ромашка»), to find a company's people by
 * the name the company is known by; null when the text has none, or nothing else.
 */
export function withoutLegalForms(folded: string): string | null {
  if (!hasLegalForm(folded)) return null;
  const words = legalFormFreeWords(folded);
  return words.length === 0 ? null : words.join(' ');
}
