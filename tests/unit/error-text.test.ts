import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/api/api-error';
import { errorText } from '../../renderer/components/error-text';
import { loadLanguage } from '../support/i18n-resources';

describe('the text of an error from main', () => {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { ru: { translation: loadLanguage('ru') }, en: { translation: loadLanguage('en') } },
    lng: 'ru',
    interpolation: { escapeValue: false },
  });

  it('says the reason when it has its own message, else what the code means', () => {
    const t = i18n.getFixedT('ru');
    const tooMany = new ApiError({
      code: 'InvalidInput',
      message: 'too many',
      details: { reason: 'tooManyPhones', limit: 20 },
    });
    expect(errorText(t, tooMany)).toBe(
      'Вместе у записей больше 20 телефонов — столько у одной записи быть не может. Уберите лишние в одной из них и объедините снова.',
    );
    const bulk = new ApiError({
      code: 'InvalidInput',
      message: 'too many tags',
      details: { reason: 'bulkTooManyTags', count: 3, limit: 100 },
    });
    expect(errorText(t, bulk)).toMatch(/^У 3 записей стало бы больше 100 тегов/);
    expect(errorText(i18n.getFixedT('en'), bulk)).toMatch(/^3 of the records would have more than 100 tags/);
    const other = new ApiError({ code: 'InvalidInput', message: 'bad', details: { reason: 'somethingElse' } });
    expect(errorText(t, other)).toBe('Проверьте введённые данные.');
    expect(errorText(i18n.getFixedT('en'), tooMany)).toMatch(/^Together the records have more than 20 phones/);
  });
});
