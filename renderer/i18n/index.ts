import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/settings';
import en from './en.json';
import ru from './ru.json';

export const resources = { ru: { translation: ru }, en: { translation: en } } as const;

export function initI18n(language: Language = 'ru'): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
