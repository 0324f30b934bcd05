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

/**
 * Folded text without its legal forms («ооо ромашка» → «ромашка»), to find a company's people by
 * the name the company is known by; null when the text has none, or nothing else.
 */
export function withoutLegalForms(folded: string): string | null {
  const long = longLegalForms.reduce((text, form) => text.replaceAll(form, ' '), folded);
  const words = long.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '' && !shortLegalForms.has(word));
  const rest = words.join(' ');
  return words.length === 0 || rest === folded.trim() ? null : rest;
}
