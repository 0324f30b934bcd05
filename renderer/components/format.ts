/** Bytes in the largest unit that keeps the number readable, in the UI language. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * A calendar date ('YYYY-MM-DD') as the language writes it: 14.03.1985 in Russian, Mar 14, 1985 in
 * English (a numeric 03/14/1985 would read two ways).
 */
export function formatDate(isoDate: string, language: string): string {
  const style: Intl.DateTimeFormatOptions = language.startsWith('ru')
    ? { day: '2-digit', month: '2-digit', year: 'numeric' }
    : { dateStyle: 'medium' };
  // Noon UTC, shown in UTC: the same day whatever the computer's time zone.
  return new Intl.DateTimeFormat(language, { ...style, timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** A phone as main formats it, its extension named in the UI language («+7 495 123-45-67 доб. 345»). */
export function shownPhone(display: string, t: (key: string) => string): string {
  return display.replace(' ext. ', ` ${t('records.phoneExtension')} `);
}
