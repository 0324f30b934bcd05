import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/errors';
import fs from 'node:fs';
import path from 'node:path';
import { loadLanguage, type Tree } from '../support/i18n-resources';

const ru = loadLanguage('ru');
const en = loadLanguage('en');

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

/** i18next plural forms: Russian has one/few/many/other, English one/other. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const baseKeys = (tree: Map<string, string>) =>
  [...new Set([...tree.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')))].sort();

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('UI translations', () => {
  const ruKeys = flatten(ru);
  const enKeys = flatten(en);

  it('have the same keys in Russian and English', () => {
    expect(baseKeys(ruKeys)).toEqual(baseKeys(enKeys));
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of ruKeys) {
      const english = enKeys.get(key) ?? enKeys.get(key.replace(PLURAL_SUFFIX, '_other')) ?? '';
      expect(placeholders(text), key).toEqual(placeholders(english));
    }
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

describe('keys used by the renderer', () => {
  const files = fs
    .readdirSync('renderer', { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file));
  const used = new Set<string>();
  for (const file of files) {
    const source = fs.readFileSync(path.join('renderer', file), 'utf8');
    for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
  }
  const known = (tree: Tree, key: string) => {
    const keys = flatten(tree);
    return keys.has(key) || [...keys.keys()].some((candidate) => candidate.replace(PLURAL_SUFFIX, '') === key);
  };

  it('exist in both languages', () => {
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !known(ru, key) || !known(en, key));
    expect(missing).toEqual([]);
  });
});
