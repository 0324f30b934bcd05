import type { CustomFieldType } from '../../../shared/domain/custom-fields';

/** Types whose values come from the field's own list of options (main rejects them without one). */
const CHOICE_TYPES: ReadonlySet<CustomFieldType> = new Set(['select', 'multiselect']);

export const hasOptions = (type: CustomFieldType): boolean => CHOICE_TYPES.has(type);

/** Options as main will store them: trimmed, no blanks, no repeats. */
export function cleanOptions(options: string[]): string[] {
  return [...new Set(options.map((option) => option.trim()).filter((option) => option !== ''))];
}
