import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { dateBoxFormat, parseTypedDate } from '../../renderer/components/typed-date';

describe('a typed date', () => {
  it('is read day first in Russian, whatever the computer writes', () => {
    expect(parseTypedDate('14.03.1985', 'ru', false)).toBe('1985-03-14');
    expect(parseTypedDate(' 1.2.1985 ', 'ru', false)).toBe('1985-02-01');
    expect(parseTypedDate('1.03.1985', 'ru', false)).toBe('1985-03-01');
    expect(parseTypedDate('01.3.1985', 'ru', false)).toBe('1985-03-01');
    expect(parseTypedDate('01.02.85', 'ru', false)).toBe('1985-02-01');
    expect(parseTypedDate('01/02/1985', 'ru', false)).toBe('1985-02-01');
    expect(parseTypedDate('1985-03-14', 'ru', false)).toBe('1985-03-14');
  });

  it('is read month first in English, and as the box shows it', () => {
    expect(parseTypedDate('01/02/1985', 'en', false)).toBe('1985-01-02');
    expect(parseTypedDate('Mar 14, 1985', 'en', false)).toBe('1985-03-14');
    expect(parseTypedDate('March 14, 1985', 'en', false)).toBe('1985-03-14');
    expect(parseTypedDate('1985-03-14', 'en', false)).toBe('1985-03-14');
  });

  it('is no date when it cannot be one or is half typed', () => {
    for (const text of ['31.02.2024', '14.0', '14.03.', '32.01.2020', 'вчера', '', '   ', '14.13.2020']) {
      expect(parseTypedDate(text, 'ru', false), text).toBeNull();
    }
    expect(parseTypedDate('14/03/1985', 'en', false)).toBeNull();
  });

  it('takes a time after the date, and a date alone as midnight', () => {
    expect(parseTypedDate('14.03.2025 9:05', 'ru', true)).toBe('2025-03-14 09:05:00');
    expect(parseTypedDate('14.03.2025, 18:30', 'ru', true)).toBe('2025-03-14 18:30:00');
    expect(parseTypedDate('14.03.2025', 'ru', true)).toBe('2025-03-14 00:00:00');
    expect(parseTypedDate('Mar 14, 2025 14:30', 'en', true)).toBe('2025-03-14 14:30:00');
    expect(parseTypedDate('14.03.2025 25:00', 'ru', true)).toBeNull();
  });

  it('reads back what the box shows', () => {
    for (const language of ['ru', 'en']) {
      for (const withTime of [false, true]) {
        const value = withTime ? '2025-11-03 07:45:00' : '2025-11-03';
        const shown = dayjs(value).locale(language).format(dateBoxFormat(language, withTime));
        expect(parseTypedDate(shown, language, withTime), shown).toBe(value);
      }
    }
  });
});
