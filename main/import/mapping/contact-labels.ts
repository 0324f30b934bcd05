import type { emailLabels, phoneLabels } from '../../../shared/domain/contact-points';
import { foldText } from '../../../shared/text/fold';
import { normaliseHeader } from './header-text';

export type PhoneLabel = (typeof phoneLabels)[number];
export type EmailLabel = (typeof emailLabels)[number];

const VALUE_COLUMN = /^(phone|email) (\d+) value$/;

/**
 * For Google's "Phone 2 - Value" / "E-mail 1 - Value": the index of its "… - Label" (new export)
 * or "… - Type" (old export) column, which says what kind of number each row's value is. The
 * column to its left first, as Google writes them; null when there is none.
 */
export function labelColumnFor(headers: readonly string[], index: number): number | null {
  const match = VALUE_COLUMN.exec(normaliseHeader(headers[index] ?? ''));
  if (!match) return null;
  const wanted = [`${match[1]} ${match[2]} label`, `${match[1]} ${match[2]} type`];
  const isLabel = (i: number) => i !== index && wanted.includes(normaliseHeader(headers[i] ?? ''));
  if (isLabel(index - 1)) return index - 1;
  const anywhere = headers.findIndex((_, i) => isLabel(i));
  return anywhere === -1 ? null : anywhere;
}

/** The label text folded, Google's "* " (primary) mark dropped, the first of "Mobile ::: Work". */
function labelWords(text: string): string {
  return foldText(text.split(':::')[0] ?? '').replace(/^\*\s*/, '');
}

const startsWithAny = (text: string, starts: readonly string[]) =>
  text.split(/[\s\-/,.]+/).some((word) => starts.some((start) => word.startsWith(start)));

/** "Mobile", "Work Fax", "Рабочий", "дом." → a phone label; null for an empty label, "other" for one we don't know. */
export function phoneLabelFromText(text: string): PhoneLabel | null {
  const words = labelWords(text);
  if (words === '') return null;
  if (startsWithAny(words, ['fax', 'факс'])) return 'fax';
  if (startsWithAny(words, ['mobile', 'cell', 'моб', 'сот', 'iphone'])) return 'mobile';
  if (startsWithAny(words, ['work', 'business', 'office', 'раб', 'служ', 'офис'])) return 'work';
  if (startsWithAny(words, ['home', 'дом', 'personal', 'личн'])) return 'home';
  return 'other';
}

/** "Work", "Home", "Personal", "Рабочий", "Личный" → an e-mail label; null for an empty label, "other" otherwise. */
export function emailLabelFromText(text: string): EmailLabel | null {
  const words = labelWords(text);
  if (words === '') return null;
  if (startsWithAny(words, ['work', 'business', 'office', 'раб', 'служ', 'корп'])) return 'work';
  if (startsWithAny(words, ['home', 'personal', 'private', 'дом', 'личн'])) return 'personal';
  return 'other';
}
