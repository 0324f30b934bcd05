/**
 * The kind of a phone, e-mail or address as a file writes it, in Russian or English: Google
 * Contacts' label columns ("* Mobile", "Work Fax"), our own export's keys, what people type.
 */
import type { AddressLabel, emailLabels, phoneLabels } from '../../../shared/domain/contact-points';
import { foldText } from '../../../shared/text/fold';

export type PhoneLabel = (typeof phoneLabels)[number];
export type EmailLabel = (typeof emailLabels)[number];

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

/** "Home", "Домашний", "Почтовый", "Юридический" → an address label; null for an empty label, "other" otherwise. */
export function addressLabelFromText(text: string): AddressLabel | null {
  const words = labelWords(text);
  if (words === '') return null;
  if (startsWithAny(words, ['postal', 'mail', 'почт', 'доставк'])) return 'postal';
  if (startsWithAny(words, ['home', 'personal', 'дом', 'личн', 'прожив'])) return 'home';
  if (startsWithAny(words, ['work', 'business', 'office', 'legal', 'раб', 'служ', 'офис', 'юр', 'факт', 'компан'])) {
    return 'work';
  }
  return 'other';
}
