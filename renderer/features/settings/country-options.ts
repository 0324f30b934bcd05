/** Countries most clients of a Russian-speaking office have phones in; any other stored code is added. */
export const PHONE_COUNTRIES = [
  'RU',
  'KZ',
  'BY',
  'UA',
  'UZ',
  'AM',
  'GE',
  'AZ',
  'KG',
  'TJ',
  'MD',
  'US',
  'GB',
  'DE',
  'FR',
  'IL',
  'TR',
  'CN',
] as const;

/** Country names in the UI language, sorted the way that language sorts them. */
export function countryOptions(language: string, current: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const codes = [...new Set<string>([...PHONE_COUNTRIES, current])];
  const collator = new Intl.Collator(language);
  return codes
    .map((code) => ({ value: code, label: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
