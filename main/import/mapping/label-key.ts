import { compactKey } from './header-synonyms';
import { normaliseHeader } from './header-text';

// Signs that tell fields apart («Цена, $» and «Цена, €», «Скидка» and «Скидка, %»), kept as words.
const MEANINGFUL_SIGNS = /[\p{Sc}%‰№#+]/gu;

/**
 * The key a column header is matched to a custom field's label by: case, ё, spacing, dashes and
 * punctuation don't matter ("VIP-клиент" = "vip клиент", «Скидка.» = «Скидка»), currency and
 * percent signs do. Two labels of one key can't be told apart by an import.
 */
export const labelKey = (text: string): string =>
  compactKey(normaliseHeader(text.replace(MEANINGFUL_SIGNS, (sign) => ` sign${sign.codePointAt(0)} `)));
