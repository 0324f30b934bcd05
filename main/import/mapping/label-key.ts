import { compactKey } from './header-synonyms';
import { normaliseHeader } from './header-text';

/**
 * The key a column header is matched to a custom field's label by: case, ё, spacing, dashes and
 * punctuation don't matter ("VIP-клиент" = "vip клиент", "Скидка, %" = "Скидка"). Two labels of
 * one key can't be told apart by an import.
 */
export const labelKey = (text: string): string => compactKey(normaliseHeader(text));
