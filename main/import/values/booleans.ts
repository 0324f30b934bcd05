import type { CellValue } from '../../spreadsheets/cell';
import { foldText } from '../../../shared/text/fold';

export type BooleanReading = { ok: true; value: boolean } | { ok: false };

// "х" is the Cyrillic letter people type for a tick as often as the Latin "x".
const TRUE_WORDS = ['да', 'д', 'yes', 'y', 'true', '1', 'x', 'х', '✓', '✔', '☑', '+', 'истина', 'вкл', 'вкл.', 'on'];
const FALSE_WORDS = ['нет', 'н', 'no', 'n', 'false', '0', '-', '−', '✗', '✘', 'ложь', 'выкл', 'выкл.', 'off'];

const words = new Map<string, boolean>([
  ...TRUE_WORDS.map((word) => [word, true] as const),
  ...FALSE_WORDS.map((word) => [word, false] as const),
]);

/** Yes/no as people write it in either language: "да", "нет", "x", "✓", "+", 1/0, TRUE/FALSE cells. */
export function parseBooleanCell(value: CellValue): BooleanReading {
  if (typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number') return value === 1 || value === 0 ? { ok: true, value: value === 1 } : { ok: false };
  if (typeof value !== 'string') return { ok: false };
  const known = words.get(foldText(value));
  return known === undefined ? { ok: false } : { ok: true, value: known };
}
