import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/settings';

type Tree = { [key: string]: string | Tree };

/** One file per feature and language (i18n/<lang>/<feature>.json), merged into one tree. */
function load(files: Record<string, Tree>): Tree {
  return Object.values(files).reduce<Tree>((merged, tree) => ({ ...merged, ...tree }), {});
}

export const resources = {
  ru: { translation: load(import.meta.glob<Tree>('./ru/*.json', { eager: true, import: 'default' })) },
  en: { translation: load(import.meta.glob<Tree>('./en/*.json', { eager: true, import: 'default' })) },
};

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
