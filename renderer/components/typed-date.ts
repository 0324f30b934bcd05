import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/ru';

dayjs.extend(customParseFormat);

/**
 * How a date box shows its date: 14.03.1985 in Russian, as the lists show it; Mar 14, 1985 in
 * English (a numeric 03/14/1985 reads two ways). With a time, 24-hour «14:30» after it.
 */
export function dateBoxFormat(language: string, withTime: boolean): string {
  const date = language.startsWith('ru') ? 'DD.MM.YYYY' : 'MMM D, YYYY';
  return withTime ? `${date} HH:mm` : date;
}

// What a person types, day first in Russian, month first in English (as their systems write
// it); ISO and the box's own format in both. Two-digit years: 00–68 are 20xx, 69–99 19xx.
const typedDates = {
  ru: [
    'DD.MM.YYYY',
    'D.M.YYYY',
    'D.MM.YYYY',
    'DD.M.YYYY',
    'DD.MM.YY',
    'D.M.YY',
    'DD/MM/YYYY',
    'D/M/YYYY',
    'YYYY-MM-DD',
  ],
  en: [
    'MMM D, YYYY',
    'MMMM D, YYYY',
    'MMM D YYYY',
    'MM/DD/YYYY',
    'M/D/YYYY',
    'M/D/YY',
    'YYYY-MM-DD',
    'DD.MM.YYYY',
    'D.M.YYYY',
  ],
};
const typedTimes = ['HH:mm', 'H:mm'];

/**
 * A typed date read strictly ("31.02.2024" and half-typed "14.0" are no date), as the box's
 * value: "YYYY-MM-DD", or with a time "YYYY-MM-DD HH:mm:ss". A time box takes a date alone as midnight.
 */
export function parseTypedDate(text: string, language: string, withTime: boolean): string | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return null;
  const locale = language.startsWith('ru') ? 'ru' : 'en';
  const dates = typedDates[locale];
  const formats = withTime
    ? [...dates.flatMap((date) => typedTimes.flatMap((time) => [`${date} ${time}`, `${date}, ${time}`])), ...dates]
    : dates;
  for (const format of formats) {
    const parsed = dayjs(trimmed, format, locale, true);
    if (parsed.isValid()) return parsed.format(withTime ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD');
  }
  return null;
}
