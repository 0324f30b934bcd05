export type NameParts = { firstName: string | null; middleName: string | null; lastName: string | null };

const CYRILLIC = /[\u0400-\u04FF]/;

/**
 * The name a person is listed under when none is given: Russian names in the "Фамилия Имя
 * Отчество" order of Russian business lists, others as "First Middle Last".
 */
export function composeDisplayName(parts: NameParts): string {
  const { firstName, middleName, lastName } = parts;
  const all = [firstName, middleName, lastName].filter((part): part is string => !!part && part.trim() !== '');
  if (all.length === 0) return '';
  const ordered = all.some((part) => CYRILLIC.test(part))
    ? [lastName, firstName, middleName]
    : [firstName, middleName, lastName];
  return ordered
    .filter((part): part is string => !!part && part.trim() !== '')
    .map((part) => part.trim())
    .join(' ');
}
