/** What a single word of a name looks like: a patronymic, a surname, a first name. */

const PATRONYMIC = /(?:ович|евич|ёвич|ич|овна|евна|ёвна|ична|инична)$/iu;
const LATIN_PATRONYMIC = /(?:ovich|evich|ovna|evna|ichna)$/i;
/** Turkic patronymics are two words: "Гейдар оглы", "Алиевна" has its own suffix. */
export const TURKIC_PATRONYMIC_WORD = /^(?:оглы|оглу|огли|кызы|гызы|улы|уулу|кизи)$/iu;

// Strong endings almost only surnames have; weak ones are shared with first names (Марина, Константин).
const STRONG_SURNAME = /(?:ов|ев|ёв|ова|ева|ёва|ский|цкий|ская|цкая|ской|ых|их|енко|юк|ук|швили|дзе|ян|янц)$/iu;
const WEAK_SURNAME = /(?:ин|ын|ина|ына|ая)$/iu;
const LATIN_SURNAME = /(?:ov|ev|ova|eva|sky|skiy|skii|skaya|enko)$/i;

/** Common first names that end like surnames, so "Ирина Петрова" is read first-name first. */
const FIRST_NAMES = new Set(
  [
    'александр александра алексей алена алина алла анастасия анатолий андрей анна антон арина арсений артем артур',
    'валентин валентина валерий валерия василий вера виктор виктория виталий владимир владислав галина геннадий',
    'георгий глеб григорий дарья денис дмитрий евгений евгения екатерина елена елизавета жанна зарина зоя иван игорь',
    'илья ирина кирилл константин кристина ксения лариса леонид лидия любовь людмила максим маргарита марина мария',
    'марк матвей михаил надежда наталья наталия никита николай нина оксана олег ольга павел полина раиса роман',
    'руслан светлана семен сергей снежана софия станислав степан тамара татьяна тимофей тимур ульяна федор юлия',
    'юрий яна ярослав фатима мадина карина диана алиса ангелина каролина эвелина регина',
    'john james robert michael william david richard joseph thomas charles mary patricia jennifer linda elizabeth',
    'susan jessica sarah karen martin kevin justin austin dustin kristina karina marina irina alina nina',
  ]
    .join(' ')
    .split(' '),
);

const fold = (word: string) => word.toLowerCase().replaceAll('ё', 'е');
/** The last part of a double surname decides: "Петров-Водкин", "Римский-Корсаков". */
const lastPart = (word: string) => word.split('-').at(-1) ?? word;

/** "Иванович", "Ильинична", "Ivanovich", or a Turkic pair already joined: "Гейдар оглы". */
export function isPatronymic(word: string): boolean {
  if (word.includes(' ')) return TURKIC_PATRONYMIC_WORD.test(word.split(' ').at(-1) ?? '');
  const part = lastPart(word);
  return part.length > 4 && (PATRONYMIC.test(part) || LATIN_PATRONYMIC.test(part));
}

export const isKnownFirstName = (word: string) => FIRST_NAMES.has(fold(word));

/** How much a word looks like a surname: 2 strong ending, 1 weak ending, 0 no clue, -1 a known first name. */
export function surnameScore(word: string): number {
  if (isKnownFirstName(word)) return -1;
  const part = lastPart(word);
  if (part.length < 3) return 0;
  if (STRONG_SURNAME.test(part) || LATIN_SURNAME.test(part)) return 2;
  if (WEAK_SURNAME.test(part)) return 1;
  return 0;
}
