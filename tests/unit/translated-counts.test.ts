import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { loadLanguage } from '../support/i18n-resources';

describe('counts in translated messages', () => {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { ru: { translation: loadLanguage('ru') }, en: { translation: loadLanguage('en') } },
    lng: 'ru',
    interpolation: { escapeValue: false },
  });
  const nbsp = '\u00a0';

  it('are grouped as the language writes them, and still pick the plural form', () => {
    const ru = i18n.getFixedT('ru');
    expect(ru('records.bulk.done', { count: 12345 })).toBe(`Изменено 12${nbsp}345 записей`);
    expect(ru('records.bulk.done', { count: 1 })).toBe('Изменена 1 запись');
    expect(ru('importWizard.dryRun.willCreate', { create: 1204, update: 87, skip: 12 })).toBe(
      `Будет добавлено 1${nbsp}204, обновлено 87, пропущено 12`,
    );
    expect(i18n.getFixedT('en')('records.bulk.done', { count: 1000000 })).toMatch(/1,000,000/);
  });
});
