/** Person names: Russian ones agree in gender across name, patronymic and surname. */
import { englishNames, russianFirstNames, russianLastNames, russianPatronymics } from './pools';
import type { Random } from './random';

export type Name = { first: string; middle: string | null; last: string };

const COMMON_FIRST_NAME_SHARE = 0.75;
const COMMON_PATRONYMIC_SHARE = 0.7;
// Some records are typed in without a patronymic.
const RUSSIAN_PATRONYMIC_SHARE = 0.9;
const ENGLISH_MIDDLE_NAME_SHARE = 0.25;

export function russianName(random: Random, male: boolean): Name {
  const firstNames = male ? russianFirstNames.male : russianFirstNames.female;
  const first = random.pick(random.chance(COMMON_FIRST_NAME_SHARE) ? firstNames.common : firstNames.all);
  const patronymics = random.chance(COMMON_PATRONYMIC_SHARE) ? russianPatronymics.common : russianPatronymics.all;
  const patronymic = random.pick(patronymics);
  const surname = random.pick(russianLastNames);
  return {
    first,
    middle: random.chance(RUSSIAN_PATRONYMIC_SHARE) ? patronymic[male ? 0 : 1] : null,
    last: surname[male ? 0 : 1],
  };
}

export function englishName(random: Random, male: boolean): Name {
  return {
    first: random.pick(male ? englishNames.male : englishNames.female),
    middle: random.chance(ENGLISH_MIDDLE_NAME_SHARE)
      ? random.pick(male ? englishNames.middleMale : englishNames.middleFemale)
      : null,
    last: random.pick(englishNames.last),
  };
}
