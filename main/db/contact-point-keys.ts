import { digitsOf } from '../../shared/text/fold';
import { phoneWithoutExtension } from '../../shared/text/phone';

/** What a stored phone or e-mail is looked up by: a phone's digits (no extension), an e-mail as stored. */
export function contactPointSearchKey(kind: 'phone' | 'email', value: string): string {
  return kind === 'phone' ? digitsOf(phoneWithoutExtension(value)) : value;
}

/**
 * Index keys of a stored phone or e-mail: `search_key` for prefix lookups, `reversed_key` so an
 * ending ("…45-67") is an indexed prefix lookup too.
 */
export function contactPointKeys(kind: 'phone' | 'email', value: string): { search_key: string; reversed_key: string } {
  const key = contactPointSearchKey(kind, value);
  return { search_key: key, reversed_key: [...key].reverse().join('') };
}
