import { addressLabels as addressKindKeys, type AddressLabel } from '../../shared/domain/contact-points';

/** Column headers of exports, in the user's language; custom fields use their own labels. */
const labels: Record<string, { en: string; ru: string }> = {
  // Named as ours: a bare "ID" column of another system's file is never read as one of these.
  id: { en: 'Kartoteka ID', ru: 'ID в Картотеке' },
  fullName: { en: 'Full name', ru: 'ФИО' },
  lastName: { en: 'Last name', ru: 'Фамилия' },
  firstName: { en: 'First name', ru: 'Имя' },
  middleName: { en: 'Middle name', ru: 'Отчество' },
  displayName: { en: 'Display name', ru: 'Отображаемое имя' },
  company: { en: 'Company', ru: 'Компания' },
  companyId: { en: 'Kartoteka company ID', ru: 'ID компании в Картотеке' },
  position: { en: 'Position', ru: 'Должность' },
  name: { en: 'Name', ru: 'Название' },
  legalName: { en: 'Legal name', ru: 'Юридическое название' },
  industry: { en: 'Industry', ru: 'Отрасль' },
  'phone.mobile': { en: 'Mobile phone', ru: 'Мобильный телефон' },
  'phone.work': { en: 'Work phone', ru: 'Рабочий телефон' },
  'phone.home': { en: 'Home phone', ru: 'Домашний телефон' },
  'phone.fax': { en: 'Fax', ru: 'Факс' },
  'phone.other': { en: 'Other phone', ru: 'Другой телефон' },
  'email.work': { en: 'Work e-mail', ru: 'Рабочий e-mail' },
  'email.personal': { en: 'Personal e-mail', ru: 'Личный e-mail' },
  'email.other': { en: 'Other e-mail', ru: 'Другой e-mail' },
  website: { en: 'Website', ru: 'Сайт' },
  birthday: { en: 'Birthday', ru: 'Дата рождения' },
  source: { en: 'Source', ru: 'Источник' },
  owner: { en: 'Owner', ru: 'Ответственный' },
  tags: { en: 'Tags', ru: 'Теги' },
  preferredChannel: { en: 'Preferred channel', ru: 'Способ связи' },
  language: { en: 'Language', ru: 'Язык' },
  notes: { en: 'Notes', ru: 'Заметки' },
  contactConsent: { en: 'Consent to contact', ru: 'Согласие на связь' },
  contactConsentAt: { en: 'Consent to contact: date', ru: 'Согласие на связь: дата' },
  contactConsentSource: { en: 'Consent to contact: source', ru: 'Согласие на связь: источник' },
  marketingConsent: { en: 'Marketing consent', ru: 'Согласие на рассылки' },
  marketingConsentAt: { en: 'Marketing consent: date', ru: 'Согласие на рассылки: дата' },
  marketingConsentSource: { en: 'Marketing consent: source', ru: 'Согласие на рассылки: источник' },
};

const addressLabels: Record<string, { en: string; ru: string }> = {
  country: { en: 'Country', ru: 'Страна' },
  region: { en: 'Region', ru: 'Регион' },
  city: { en: 'City', ru: 'Город' },
  street: { en: 'Street', ru: 'Улица' },
  postalCode: { en: 'Postal code', ru: 'Индекс' },
  label: { en: 'Address type', ru: 'Тип адреса' },
};

/** An address's kind in words, as the export writes it (the import reads these back). */
const addressKinds: Record<AddressLabel, { en: string; ru: string }> = {
  work: { en: 'Work', ru: 'Рабочий' },
  home: { en: 'Home', ru: 'Домашний' },
  postal: { en: 'Postal', ru: 'Почтовый' },
  other: { en: 'Other', ru: 'Другой' },
};

export function addressKindLabel(kind: string, language: 'ru' | 'en'): string {
  return addressKinds[kind as AddressLabel]?.[language] ?? kind;
}

export const addressKindLabels = (language: 'ru' | 'en') => addressKindKeys.map((kind) => addressKinds[kind][language]);

export function fieldLabel(key: string, language: 'ru' | 'en'): string {
  const own = labels[key];
  if (own) return own[language];
  const [group, part] = key.split('.');
  const address = part === undefined ? undefined : addressLabels[part];
  if (group?.startsWith('address') && address) {
    const number = group.slice('address'.length);
    return number === '' ? address[language] : `${address[language]} ${number}`;
  }
  return key;
}
