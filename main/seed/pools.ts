/**
 * Word pools for people and places. Names and cities come from @faker-js/faker's locale tables, read
 * once here; rows are then made by picking from these arrays with our own seeded Random, since
 * calling faker's generators per row is far too slow for a million rows.
 */
import { fakerEN, fakerEN_US, fakerRU } from '@faker-js/faker';
import { required, weighted } from './word-lists';

const ru = fakerRU.definitions;
const en = fakerEN.definitions;

/** Common names first: picked most of the time, so the long tail of rare ones stays a tail. */
export const russianFirstNames = {
  male: {
    common: [
      'Александр',
      'Сергей',
      'Дмитрий',
      'Андрей',
      'Алексей',
      'Максим',
      'Евгений',
      'Иван',
      'Михаил',
      'Владимир',
      'Николай',
      'Павел',
      'Артем',
      'Олег',
      'Игорь',
      'Роман',
      'Виктор',
      'Денис',
      'Антон',
      'Юрий',
      'Константин',
      'Кирилл',
      'Никита',
      'Илья',
      'Егор',
      'Вадим',
      'Василий',
      'Петр',
      'Григорий',
      'Станислав',
    ],
    all: required(ru.person.first_name.male, 'Russian male first names'),
  },
  female: {
    common: [
      'Елена',
      'Ольга',
      'Наталья',
      'Татьяна',
      'Ирина',
      'Анна',
      'Светлана',
      'Мария',
      'Екатерина',
      'Юлия',
      'Марина',
      'Анастасия',
      'Людмила',
      'Галина',
      'Дарья',
      'Ксения',
      'Алина',
      'Виктория',
      'Надежда',
      'Валентина',
      'Полина',
      'Оксана',
      'Вера',
      'Любовь',
      'Лариса',
      'Кристина',
      'Евгения',
      'Александра',
      'Яна',
      'Елизавета',
    ],
    all: required(ru.person.first_name.female, 'Russian female first names'),
  },
};

/**
 * Surnames as [male, female] pairs. faker's two lists are parallel (Иванов / Иванова at the same
 * index); checked here so a change in faker can't quietly mix genders.
 */
export const russianLastNames: Array<readonly [male: string, female: string]> = (() => {
  const male = required(ru.person.last_name.male, 'Russian male surnames');
  const female = required(ru.person.last_name.female, 'Russian female surnames');
  return male.map((name, index) => {
    const pair = female[index];
    const agrees = pair === `${name}а` || (name.endsWith('ий') && pair === `${name.slice(0, -2)}ая`);
    if (!agrees) throw new Error(`faker's surname lists are no longer parallel at ${name} / ${pair}`);
    return [name, pair] as const;
  });
})();

/**
 * Patronymics as [male, female] pairs (Сергеевич / Сергеевна). faker lists them separately and
 * unpaired, so the pairs are made from both lists with the regular -вич / -вна ending.
 */
export const russianPatronymics: { common: Array<readonly [string, string]>; all: Array<readonly [string, string]> } =
  (() => {
    const pairs = new Map<string, string>();
    for (const male of required(ru.person.middle_name.male, 'Russian male patronymics')) {
      if (male.endsWith('вич')) pairs.set(male, `${male.slice(0, -3)}вна`);
    }
    for (const female of required(ru.person.middle_name.female, 'Russian female patronymics')) {
      if (female.endsWith('вна')) pairs.set(`${female.slice(0, -3)}вич`, female);
    }
    const common = [
      'Александрович',
      'Сергеевич',
      'Владимирович',
      'Николаевич',
      'Андреевич',
      'Алексеевич',
      'Дмитриевич',
      'Михайлович',
      'Иванович',
      'Викторович',
      'Юрьевич',
      'Евгеньевич',
      'Анатольевич',
      'Петрович',
      'Васильевич',
      'Олегович',
      'Игоревич',
      'Павлович',
      'Геннадьевич',
      'Валерьевич',
    ].map((male) => [male, `${male.slice(0, -3)}вна`] as const);
    return { common, all: [...pairs] };
  })();

export const englishNames = {
  male: required(en.person.first_name.male, 'English male first names'),
  female: required(en.person.first_name.female, 'English female first names'),
  middleMale: required(en.person.middle_name.male, 'English male middle names'),
  middleFemale: required(en.person.middle_name.female, 'English female middle names'),
  last: required(en.person.last_name.generic, 'English surnames'),
};

/** Big cities by rough weight, then faker's list of towns (qualifiers like "(Моск.)" dropped). */
export const russianCities = {
  large: weighted([
    ['Москва', 24],
    ['Санкт-Петербург', 10],
    ['Новосибирск', 3],
    ['Екатеринбург', 3],
    ['Казань', 3],
    ['Нижний Новгород', 2],
    ['Челябинск', 2],
    ['Самара', 2],
    ['Ростов-на-Дону', 2],
    ['Уфа', 2],
    ['Красноярск', 2],
    ['Воронеж', 2],
    ['Пермь', 2],
    ['Краснодар', 2],
    ['Омск', 1],
    ['Волгоград', 1],
    ['Саратов', 1],
    ['Тюмень', 1],
    ['Тольятти', 1],
    ['Ижевск', 1],
    ['Барнаул', 1],
    ['Иркутск', 1],
    ['Хабаровск', 1],
    ['Владивосток', 1],
    ['Ярославль', 1],
    ['Томск', 1],
    ['Калининград', 1],
    ['Сочи', 1],
  ]),
  towns: [
    ...new Set(
      required(ru.location.city_name, 'Russian cities')
        .filter((city) => !city.includes('метеост'))
        .map((city) => city.replace(/\s*\(.*\)$/, '')),
    ),
  ],
};

/** Landline area codes (3 digits, so numbers stay 10 digits after +7) of the cities above that have one. */
export const russianAreaCodes: ReadonlyMap<string, readonly string[]> = new Map([
  ['Москва', ['495', '499']],
  ['Санкт-Петербург', ['812']],
  ['Новосибирск', ['383']],
  ['Екатеринбург', ['343']],
  ['Казань', ['843']],
  ['Нижний Новгород', ['831']],
  ['Челябинск', ['351']],
  ['Самара', ['846']],
  ['Ростов-на-Дону', ['863']],
  ['Уфа', ['347']],
  ['Красноярск', ['391']],
  ['Воронеж', ['473']],
  ['Пермь', ['342']],
  ['Краснодар', ['861']],
]);

export const ukCities = weighted([
  ['London', 8],
  ['Manchester', 2],
  ['Birmingham', 2],
  ['Leeds', 1],
  ['Glasgow', 1],
  ['Edinburgh', 1],
  ['Bristol', 1],
  ['Liverpool', 1],
  ['Sheffield', 1],
  ['Cardiff', 1],
  ['Belfast', 1],
  ['Nottingham', 1],
]);
export const usCities = required(en.location.city_name, 'US cities');
export const usPhoneCodes = {
  // Tables only en_US has, so faker's shared type doesn't declare them.
  area: required(fakerEN_US.definitions.phone_number.area_code as string[] | undefined, 'US area codes'),
  exchange: required(fakerEN_US.definitions.phone_number.exchange_code as string[] | undefined, 'US exchange codes'),
};

/** faker's street names are feminine adjectives (Садовая), so only feminine kinds fit: ул., пл., наб. */
export const russianStreets = {
  names: required(ru.location.street_name_part, 'Russian street names'),
  kinds: ['ул.', 'ул.', 'ул.', 'ул.', 'ул.', 'пл.', 'наб.', 'аллея'],
};
export const englishStreets = {
  names: englishNames.last,
  kinds: ['Street', 'Road', 'Avenue', 'Lane', 'Drive', 'Way'],
};

export const freeEmailDomains = {
  russian: weighted([
    ['mail.ru', 6],
    ['yandex.ru', 5],
    ['gmail.com', 4],
    ['ya.ru', 1],
    ['bk.ru', 1],
    ['list.ru', 1],
    ['inbox.ru', 1],
    ['rambler.ru', 1],
  ]),
  english: weighted([
    ['gmail.com', 6],
    ['outlook.com', 2],
    ['yahoo.com', 2],
    ['hotmail.com', 1],
    ['icloud.com', 1],
  ]),
};
