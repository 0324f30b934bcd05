import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { digitsOf, foldText, sortKey } from '../../shared/text/fold';
import { normaliseEmail } from '../../shared/text/email';
import { composeDisplayName } from '../../shared/text/person-name';
import { formatPhone, normalisePhone, phoneQueryDigits, phoneWithoutExtension } from '../../shared/text/phone';
import { slugKey, toCyrillic, transliterate, withShortI, withSoftSigns } from '../../shared/text/transliterate';
import { allowedTypos, editDistance } from '../../main/services/fuzzy';

/** Plain optimal-string-alignment distance, the textbook way: the reference editDistance must agree with. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/** Text the way it reaches the app: Cyrillic and Latin of both cases, digits, quotes, brackets and odd spaces. */
const realisticText = fc.string({
  unit: fc.constantFrom(
    ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ',
    ...'abcxyzABCXYZ0123456789',
    ...'«»"\'“”„()[]-.,@_ ',
    '\t',
    '\n',
    '\u00a0',
  ),
  maxLength: 40,
});

/** What people type into a phone field. */
const phoneLike = fc
  .tuple(
    fc.constantFrom('', '+', '+7', '8', '7', '+44', '+1', '810', '00'),
    fc.string({ unit: fc.constantFrom(...'0123456789 -()'), maxLength: 20 }),
  )
  .map(([prefix, rest]) => `${prefix}${rest}`);

describe('foldText, sortKey, digitsOf', () => {
  it('folds case and ё to е, and collapses whitespace', () => {
    expect(foldText('Соловьёв')).toBe('соловьев');
    expect(foldText('СОЛОВЬЁВ')).toBe('соловьев');
    expect(foldText('Ёлка')).toBe('елка');
    expect(foldText('  Пётр\t\n Алексеевич\u00a0 ')).toBe('петр алексеевич');
    expect(foldText('McDonald')).toBe('mcdonald');
    expect(foldText('')).toBe('');
  });

  it('drops quotes and brackets in sort keys, so «Ромашка» sorts under Р', () => {
    expect(sortKey('«Ромашка»')).toBe('ромашка');
    expect(sortKey('ООО «Ромашка»')).toBe('ооо ромашка');
    expect(sortKey('"Альфа" (филиал)')).toBe('альфа филиал');
    expect(sortKey('“Вектор” [СПб]')).toBe('вектор спб');
    expect(sortKey('Ёжиков')).toBe('ежиков');
    // Quotes dropped next to a space must not leave a double space behind.
    expect(sortKey('АО « Звезда »')).toBe('ао звезда');
  });

  it('keeps only digits', () => {
    expect(digitsOf('+7 (916) 123-45-67')).toBe('79161234567');
    expect(digitsOf('no digits')).toBe('');
    expect(digitsOf('8 (812) 555-12-34 доб. 7')).toBe('881255512347');
  });

  it('foldText folds as the plain chain of replacements would, shortcuts or not', () => {
    const reference = (text: string) => text.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();
    fc.assert(fc.property(realisticText, (text) => foldText(text) === reference(text)));
    for (const text of ['a  b', 'a\tb', 'a\u00a0b', 'a \n b', ' a b ', 'a b', 'Ёё'])
      expect(foldText(text)).toBe(reference(text));
  });

  it('foldText is idempotent', () => {
    fc.assert(fc.property(realisticText, (text) => foldText(foldText(text)) === foldText(text)));
  });

  it('sortKey of folded text is the sort key of the text', () => {
    fc.assert(fc.property(realisticText, (text) => sortKey(foldText(text)) === sortKey(text)));
  });

  it('folded text has no upper case, no ё and no runs of whitespace', () => {
    fc.assert(
      fc.property(realisticText, (text) => {
        const folded = foldText(text);
        return !/[A-ZА-ЯЁё]/.test(folded) && !/\s\s/.test(folded) && folded === folded.trim();
      }),
    );
  });
});

describe('normalisePhone (default country RU)', () => {
  it.each([
    ['8 916 123-45-67', '+79161234567'],
    ['+7 (916) 123-45-67', '+79161234567'],
    ['79161234567', '+79161234567'],
    ['9161234567', '+79161234567'],
    ['8 (812) 555-12-34', '+78125551234'],
    ['  8-916-123-45-67  ', '+79161234567'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalisePhone(input, 'RU')).toEqual({ value: expected, valid: true });
  });

  it('reads international numbers from other countries', () => {
    expect(normalisePhone('+44 20 7946 0958', 'RU')).toEqual({ value: '+442079460958', valid: true });
    // The default country code is case-insensitive.
    expect(normalisePhone('020 7946 0958', 'gb')).toEqual({ value: '+442079460958', valid: true });
  });

  it('keeps garbage as its digits, marked invalid', () => {
    expect(normalisePhone('12', 'RU')).toEqual({ value: '12', valid: false });
    expect(normalisePhone('+12', 'RU')).toEqual({ value: '+12', valid: false });
    expect(normalisePhone('тел. 1-2-3', 'RU')).toEqual({ value: '123', valid: false });
  });

  it('takes an 8 set apart for the trunk prefix: ten digits after it are a number a digit short', () => {
    expect(normalisePhone('8 (916) 123-45-6', 'RU')).toEqual({ value: '8916123456', valid: false });
    expect(normalisePhone('8-916-123-45-6', 'RU')).toEqual({ value: '8916123456', valid: false });
    // Ten digits that begin with a city code starting with 8 are a whole number.
    expect(normalisePhone('812 555-12-34', 'RU')).toEqual({ value: '+78125551234', valid: true });
    expect(normalisePhone('8 800 555-35-35', 'RU')).toEqual({ value: '+78005553535', valid: true });
  });

  it('keeps the extension of an office number', () => {
    // "доб." is the Russian "ext."; the extension is part of what the user typed and must survive.
    const office = normalisePhone('8 495 123-45-67 доб. 345', 'RU');
    expect(digitsOf(office.value)).toMatch(/345$/);
  });

  it('gives the number without its extension for search keys', () => {
    const office = normalisePhone('8 495 123-45-67 доб. 345', 'RU').value;
    expect(phoneWithoutExtension(office)).toBe('+74951234567');
    expect(phoneWithoutExtension('+79161234567')).toBe('+79161234567');
    expect(phoneWithoutExtension('123')).toBe('123');
  });

  it('never loses digits: invalid keeps them all, valid keeps the national number', () => {
    fc.assert(
      fc.property(phoneLike, (input) => {
        const { value, valid } = normalisePhone(input, 'RU');
        if (!valid) {
          expect(digitsOf(value)).toBe(digitsOf(input));
          expect(value.startsWith('+')).toBe(input.trim().startsWith('+'));
          return;
        }
        // E.164 is at most 15 digits; some countries' valid numbers are short (+49 1000), and an
        // extension typed after the number is kept as " ext. N".
        expect(value).toMatch(/^\+[1-9]\d{3,14}( ext\. \d+)?$/);
        const national = parsePhoneNumberFromString(value)?.nationalNumber ?? '';
        expect(national).not.toBe('');
        expect(digitsOf(input)).toContain(national);
      }),
      { numRuns: 500 },
    );
  });

  it("reads a number anew when the default country changes, not from the last country's readings", () => {
    const london = '020 7946 0958';
    expect(normalisePhone(london, 'GB')).toEqual({ value: '+442079460958', valid: true });
    expect(normalisePhone(london, 'RU').valid).toBe(false);
    expect(normalisePhone(london, 'gb')).toEqual({ value: '+442079460958', valid: true });
  });

  it('is stable: a stored value normalises to itself', () => {
    fc.assert(
      fc.property(phoneLike, (input) => {
        const once = normalisePhone(input, 'RU');
        expect(normalisePhone(once.value, 'RU')).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatPhone and phoneQueryDigits', () => {
  it('formats valid E.164 numbers internationally and leaves the rest as stored', () => {
    expect(formatPhone('+79161234567')).toBe('+7 916 123-45-67');
    expect(formatPhone('+380441234567')).toBe('+380 44 123 4567');
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958');
    expect(formatPhone('12')).toBe('12');
    expect(formatPhone('+12')).toBe('+12');
  });

  it('offers the typed digits and the +7 reading of a leading 8', () => {
    const digits = phoneQueryDigits('8 916 123', 'RU');
    expect(digits).toContain('8916123');
    expect(digits).toContain('7916123');
    expect(phoneQueryDigits('8 916 123-45-67', 'RU')).toEqual(expect.arrayContaining(['89161234567', '79161234567']));
    expect(phoneQueryDigits('916 123 45 67', 'RU')).toEqual(expect.arrayContaining(['9161234567', '79161234567']));
    // The start of a national number, typed without 8 or +7.
    expect(phoneQueryDigits('916 123', 'RU')).toEqual(expect.arrayContaining(['916123', '7916123']));
    expect(phoneQueryDigits('495 12', 'RU')).toContain('749512');
    expect(phoneQueryDigits('+44 20', 'RU')).toEqual(['4420']);
    expect(phoneQueryDigits('no digits', 'RU')).toEqual([]);
  });

  it('reads the start of a number typed with a trunk 0 without it, as E.164 stores it', () => {
    expect(phoneQueryDigits('020 7946', 'GB')).toContain('44207946');
    expect(phoneQueryDigits('044 123', 'UA')).toContain('38044123');
    // "00" is the international prefix, not a trunk 0.
    expect(phoneQueryDigits('0044 20', 'GB')).not.toContain('4404420');
  });

  it('reads a leading 8 as +7 only in countries that dial that way', () => {
    expect(phoneQueryDigits('8 916 123', 'KZ')).toContain('7916123');
    // In Germany 089 is Munich: no +7 reading, only the typed digits and the German one.
    const german = phoneQueryDigits('8 916 123', 'DE');
    expect(german).toContain('8916123');
    expect(german).not.toContain('7916123');
  });
});

describe('toCyrillic', () => {
  it('reads Russian names written in Latin letters back into Cyrillic', () => {
    expect(toCyrillic('Shchukin')).toBe('щукин');
    expect(toCyrillic('Kuznetsov')).toBe('кузнецов');
    expect(toCyrillic('Zhukova')).toBe('жукова');
    expect(toCyrillic('Sergey Andreyevich')).toBe('сергей андреевич');
    expect(toCyrillic('Yakovlev')).toBe('яковлев');
    for (const [latin, cyrillic] of [
      ['Dmitry', 'дмитрий'],
      ['Vasily', 'василий'],
      ['Kseniya', 'ксения'],
      ['Mariya', 'мария'],
      ['Julia', 'юлия'],
      ['Yulia', 'юлия'],
      ['Anastasia', 'анастасия'],
      ['Viacheslav', 'вячеслав'],
      ['Tatyana', 'татьяна'],
      ['Ilya', 'илья'],
      ['Ilyin', 'ильин'],
      ['Vasilyev', 'васильев'],
      ['Fyodorov', 'федоров'],
      ['Pyotr', 'петр'],
      ['Alyona', 'алена'],
      ['Mayorov', 'майоров'],
      ['Tsoi', 'цой'],
      ['Andrei', 'андрей'],
      ['Nikolai', 'николай'],
      ['Raisa', 'раиса'],
      ['Zoya', 'зоя'],
      ['Sergeyev', 'сергеев'],
    ]) {
      expect(toCyrillic(latin!)).toBe(cyrillic);
    }
    expect(withShortI(toCyrillic('Zaitseva'))).toBe('зайцева');
    expect(withShortI(toCyrillic('Chaikovskii'))).toBe('чайковский');
    expect(withShortI('иванов')).toBeNull();
    expect(withSoftSigns(toCyrillic('Olga'))).toBe('ольга');
    expect(withSoftSigns('иванов')).toBeNull();
  });
});

describe('Russian extensions', () => {
  it('reads вн., внутр. and д. as an extension, as доб. is', () => {
    for (const typed of [
      '+7 495 123-45-67 вн.123',
      '8 495 123-45-67 внутр. 123',
      '8(495)123-45-67 д.123',
      '8 495 1234567 доб. 123',
    ]) {
      expect(normalisePhone(typed, 'RU')).toEqual({ value: '+74951234567 ext. 123', valid: true });
    }
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases addresses and rejects the rest', () => {
    expect(normaliseEmail('  P.Soloviev@Romashka.RU ')).toBe('p.soloviev@romashka.ru');
    expect(normaliseEmail('ivan@example.com')).toBe('ivan@example.com');
    expect(normaliseEmail('not an address')).toBeNull();
    expect(normaliseEmail('ivan@')).toBeNull();
    expect(normaliseEmail('')).toBeNull();
  });

  it('accepts Cyrillic domains (.рф) in either form, and still rejects broken ones', () => {
    expect(normaliseEmail('Info@Почта.РФ')).toBe('info@почта.рф');
    expect(normaliseEmail('info@xn--80a1acny.xn--p1ai')).toBe('info@xn--80a1acny.xn--p1ai');
    expect(normaliseEmail('иван@пример.рф')).toBe('иван@пример.рф');
    expect(normaliseEmail('a@почта..рф')).toBeNull();
    for (const junk of ['a@почта.рф/evil', 'a@почта.рф:8080', 'a@почта.рф?x=1', 'a@почта.рф#x', 'a@поч та.рф']) {
      expect(normaliseEmail(junk)).toBeNull();
    }
    expect(normaliseEmail('x@y..ru')).toBeNull();
    expect(normaliseEmail('a@b')).toBeNull();
    expect(normaliseEmail('a b@c.ru')).toBeNull();
  });

  it('drops invisible characters pasted along and reads full-width letters as plain ones', () => {
    for (const pasted of [
      'ivan@mail.ru\u200b',
      'iv\u00adan@mail.ru',
      'ivan@mail\u2060.ru',
      '\ufeffivan@mail.ru',
      'ivan@ｍａｉｌ.ru',
    ]) {
      expect(normaliseEmail(pasted), JSON.stringify(pasted)).toBe('ivan@mail.ru');
    }
  });
});

describe('composeDisplayName', () => {
  it('orders Russian names as Фамилия Имя Отчество', () => {
    expect(composeDisplayName({ firstName: 'Пётр', middleName: 'Алексеевич', lastName: 'Соловьёв' })).toBe(
      'Соловьёв Пётр Алексеевич',
    );
  });

  it('orders other names as First Middle Last', () => {
    expect(composeDisplayName({ firstName: 'John', middleName: 'Ronald', lastName: 'Tolkien' })).toBe(
      'John Ronald Tolkien',
    );
  });

  it('uses the Russian order when any part is Cyrillic', () => {
    expect(composeDisplayName({ firstName: 'John', middleName: null, lastName: 'Иванов' })).toBe('Иванов John');
  });

  it('skips missing and blank parts and trims the rest', () => {
    expect(composeDisplayName({ firstName: 'Иван', middleName: null, lastName: 'Петров' })).toBe('Петров Иван');
    expect(composeDisplayName({ firstName: null, middleName: null, lastName: 'Smith' })).toBe('Smith');
    expect(composeDisplayName({ firstName: '  Анна ', middleName: '   ', lastName: null })).toBe('Анна');
    expect(composeDisplayName({ firstName: 'Jane', middleName: '', lastName: ' Doe ' })).toBe('Jane Doe');
  });

  it('is empty without any name', () => {
    expect(composeDisplayName({ firstName: null, middleName: null, lastName: null })).toBe('');
    expect(composeDisplayName({ firstName: ' ', middleName: '', lastName: '\t' })).toBe('');
  });
});

describe('transliterate and slugKey', () => {
  it('writes Russian letters in Latin', () => {
    expect(transliterate('Щука')).toBe('shchuka');
    expect(transliterate('Юлия Ёжикова')).toBe('yuliya ezhikova');
    expect(transliterate('Объект')).toBe('obekt');
    expect(transliterate('Hello')).toBe('hello');
  });

  it('makes machine keys from labels', () => {
    expect(slugKey('Дата договора')).toBe('data_dogovora');
    expect(slugKey('Регион')).toBe('region');
    expect(slugKey('  Сумма (руб.)  ')).toBe('summa_rub');
    expect(slugKey('Client ID #2')).toBe('client_id_2');
    expect(slugKey('')).toBe('field');
    expect(slugKey('!!!')).toBe('field');
    expect(slugKey('漢字')).toBe('field');
  });

  it('keeps a long key to 60 characters without a trailing underscore', () => {
    const long = slugKey(`${'a'.repeat(59)} bb`);
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^[a-z0-9]+(?:_[a-z0-9]+)*$/);
  });

  it('makes keys of [a-z0-9] words joined by single underscores', () => {
    fc.assert(
      fc.property(realisticText, (label) => {
        const key = slugKey(label);
        return key.length <= 60 && /^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(key);
      }),
    );
  });
});

describe('editDistance and allowedTypos', () => {
  it('counts edits, with an adjacent swap as one', () => {
    expect(editDistance('соловьев', 'соловьев', 2)).toBe(0);
    expect(editDistance('ab', 'ba', 2)).toBe(1);
    expect(editDistance('соловьев', 'солвоьев', 2)).toBe(1);
    expect(editDistance('соловьев', 'соловьов', 2)).toBe(1);
    expect(editDistance('соловьев', 'соловев', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('', 'abc', 3)).toBe(3);
  });

  it('stops past the maximum with a value above it', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBeGreaterThan(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('agrees with the textbook distance up to the maximum', () => {
    const word = fc.string({ unit: fc.constantFrom(...'абвгде'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const expected = referenceDistance(a, b);
        const actual = editDistance(a, b, max);
        return expected <= max ? actual === expected : actual > max;
      }),
      { numRuns: 500 },
    );
  });

  it('allows no typos below 4 letters, one up to 7, two from 8', () => {
    expect([0, 1, 3, 4, 7, 8, 20].map(allowedTypos)).toEqual([0, 0, 0, 1, 1, 2, 2]);
  });
});
