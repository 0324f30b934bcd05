import { transliterate as toLatin } from '../../shared/text/transliterate';

// Pools are small, so each word is transliterated once.
const cache = new Map<string, string>();

/**
 * Russian letters as people write them in e-mail addresses and domains (ivan.petrov, stroytorg):
 * lower-case ASCII letters, digits and hyphens only; spaces, accents and quotes are dropped.
 */
export function transliterate(text: string): string {
  let result = cache.get(text);
  if (result === undefined) {
    // Latin accents decompose to the plain letter; Cyrillic was already turned into Latin.
    result = toLatin(text)
      .normalize('NFD')
      .replace(/[^a-z0-9-]/g, '');
    cache.set(text, result);
  }
  return result;
}
