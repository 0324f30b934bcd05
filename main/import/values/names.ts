import { isPatronymic, surnameScore, TURKIC_PATRONYMIC_WORD } from './name-words';

export type FullNameParts = { lastName: string | null; firstName: string | null; middleName: string | null };

const CYRILLIC = /[\u0400-\u04FF]/;
const INITIAL = /^\p{L}\.$/u;
/** "И.И." and "И.И" (the last dot is often left out). */
const JOINED_INITIALS = /^(\p{L})\.(\p{L})\.?$/u;
/** "И.И.Иванов", "И.Иванов": initials written onto the surname. */
const INITIALS_ON_SURNAME = /^((?:\p{Lu}\.){1,2})(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)$/u;
/** "Иванов И": an initial without its dot. */
const BARE_INITIAL = /^\p{Lu}$/u;

const isAllCaps = (word: string) => word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
/** A Cyrillic word typed all in lower case ("иван"); Latin ones may be particles ("van", "de"). */
const isLowerCyrillic = (word: string) =>
  word.length > 1 && CYRILLIC.test(word) && word === word.toLowerCase() && word !== word.toUpperCase();
/** Words that stay lower case inside a name: "Анна фон Мекк", "Шарль де Голль", "ибн Хаттаб". */
const PARTICLES = new Set(['фон', 'де', 'ди', 'да', 'дю', 'ван', 'дер', 'ибн', 'бен', 'бин', 'аль', 'ла', 'эль']);

/**
 * "ИВАНОВА" → "Иванова", "ПЕТРОВ-ВОДКИН" → "Петров-Водкин", "O'NEIL" → "O'Neil", "иван" → "Иван".
 * Particles ("фон", "де", "ибн") stay lower case; other words as typed.
 */
export function tidyNameWord(word: string): string {
  if (PARTICLES.has(word.toLowerCase())) return word.toLowerCase();
  if ((!isAllCaps(word) && !isLowerCyrillic(word)) || INITIAL.test(word)) return word;
  return word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_, before: string, letter: string) => {
    return `${before}${letter.toUpperCase()}`;
  });
}

/**
 * The name's words, tidied: "И.И." (or "И.И") becomes two initials, "И" the initial "И.",
 * "И.И.Иванов" two initials and a surname, and "оглы"/"кызы" joins the word before it.
 */
function nameWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.trim().split(/\s+/)) {
    if (raw === '') continue;
    const initials = JOINED_INITIALS.exec(raw);
    const onSurname = INITIALS_ON_SURNAME.exec(raw);
    if (initials) words.push(`${initials[1]!.toUpperCase()}.`, `${initials[2]!.toUpperCase()}.`);
    else if (onSurname)
      words.push(
        ...onSurname[1]!
          .split('.')
          .filter(Boolean)
          .map((letter) => `${letter}.`),
        onSurname[2]!,
      );
    else if (BARE_INITIAL.test(raw)) words.push(`${raw}.`);
    else if (TURKIC_PATRONYMIC_WORD.test(raw) && words.length > 0) words[words.length - 1] += ` ${raw.toLowerCase()}`;
    else words.push(tidyNameWord(raw));
  }
  return words;
}

const parts = (lastName?: string, firstName?: string, middleName?: string): FullNameParts => ({
  lastName: lastName || null,
  firstName: firstName || null,
  middleName: middleName || null,
});

const isInitial = (word: string) => INITIAL.test(word);

function twoWords(a: string, b: string, cyrillic: boolean): FullNameParts {
  if (isPatronymic(b) && !isPatronymic(a)) return parts(undefined, a, b);
  if (isInitial(b) && !isInitial(a)) return parts(a, b);
  if (isInitial(a) && !isInitial(b)) return parts(b, a);
  const surnameFirst = surnameScore(a) - surnameScore(b);
  if (surnameFirst > 0) return parts(a, b);
  if (surnameFirst < 0) return parts(b, a);
  // No clue either way: Russian lists are "Фамилия Имя", English ones "First Last".
  return cyrillic ? parts(a, b) : parts(b, a);
}

function threeWords(a: string, b: string, c: string, cyrillic: boolean): FullNameParts {
  if (isInitial(b) && isInitial(c) && !isInitial(a)) return parts(a, b, c);
  if (isInitial(a) && isInitial(b) && !isInitial(c)) return parts(c, a, b);
  if (isPatronymic(c)) return parts(a, b, c);
  if (isPatronymic(b)) return parts(c, a, b);
  const surnameFirst = surnameScore(a) - surnameScore(c);
  if (surnameFirst > 0) return parts(a, b, c);
  if (surnameFirst < 0) return parts(c, a, b);
  return cyrillic ? parts(a, b, c) : parts(c, a, b);
}

function manyWords(words: string[], cyrillic: boolean): FullNameParts {
  const last = words.at(-1)!;
  // "Петров Водкин Кузьма Сергеевич": a patronymic at the end leaves the surname in front.
  if (isPatronymic(last)) return parts(words.slice(0, -2).join(' '), words.at(-2), last);
  if (isPatronymic(words[1]!)) return parts(words.slice(2).join(' '), words[0], words[1]);
  if (cyrillic) return parts(words[0], words[1], words.slice(2).join(' '));
  return parts(last, words[0], words.slice(1, -1).join(' '));
}

/**
 * Splits a full name into its parts the way a Russian reader would: "Иванов Иван Иванович" is
 * last-first-middle, "Иван Иванович Иванов" first-middle-last (the patronymic gives it away),
 * two words are ordered by which looks like a surname (otherwise Cyrillic is "Фамилия Имя", Latin
 * "First Last"), "Smith, John" is last-first. One word is a last name when it looks like a surname,
 * otherwise a first name. Extra spaces are dropped; ALL-CAPS words become Title Case.
 */
export function splitFullName(text: string): FullNameParts {
  const comma = text.indexOf(',');
  if (comma !== -1) {
    const last = nameWords(text.slice(0, comma)).join(' ');
    const [first, ...middle] = nameWords(text.slice(comma + 1).replaceAll(',', ' '));
    return parts(last, first, middle.join(' '));
  }
  const words = nameWords(text);
  const cyrillic = CYRILLIC.test(text);
  const [a, b, c] = words;
  if (a === undefined) return parts();
  if (b === undefined) return surnameScore(a) > 0 ? parts(a) : parts(undefined, a);
  if (c === undefined) return twoWords(a, b, cyrillic);
  if (words.length === 3) return threeWords(a, b, c, cyrillic);
  return manyWords(words, cyrillic);
}
