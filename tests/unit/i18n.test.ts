import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/errors';
import en from '../../renderer/i18n/en.json';
import ru from '../../renderer/i18n/ru.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('UI translations', () => {
  const ruKeys = flatten(ru);
  const enKeys = flatten(en);

  it('have the same keys in Russian and English', () => {
    expect([...ruKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of ruKeys) expect(placeholders(text), key).toEqual(placeholders(enKeys.get(key) ?? ''));
  });

  it('translate every error code', () => {
    for (const code of errorCodes) {
      expect(ruKeys.get(`errors.${code}`), code).toBeTruthy();
      expect(enKeys.get(`errors.${code}`), code).toBeTruthy();
    }
  });

  it('have no empty strings and really differ between languages', () => {
    for (const [key, text] of ruKeys) expect(text.trim(), key).not.toBe('');
    const russianLooking = [...ruKeys.values()].filter((text) => /[а-яё]/i.test(text)).length;
    expect(russianLooking / ruKeys.size).toBeGreaterThan(0.8);
    expect([...enKeys.values()].some((text) => /[а-яё]/i.test(text))).toBe(false);
  });
});
