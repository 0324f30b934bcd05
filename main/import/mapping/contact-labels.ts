import { normaliseHeader } from './header-text';

const VALUE_COLUMN = /^(phone|email) (\d+) value$/;

/**
 * For Google's "Phone 2 - Value" / "E-mail 1 - Value": the index of its "… - Label" (new export)
 * or "… - Type" (old export) column, which says what kind of number each row's value is. The
 * column to its left first, as Google writes them; null when there is none.
 */
export function labelColumnFor(headers: readonly string[], index: number): number | null {
  const match = VALUE_COLUMN.exec(normaliseHeader(headers[index] ?? ''));
  if (!match) return null;
  const wanted = [`${match[1]} ${match[2]} label`, `${match[1]} ${match[2]} type`];
  const isLabel = (i: number) => i !== index && wanted.includes(normaliseHeader(headers[i] ?? ''));
  if (isLabel(index - 1)) return index - 1;
  const anywhere = headers.findIndex((_, i) => isLabel(i));
  return anywhere === -1 ? null : anywhere;
}
