/** What a single word of a name looks like: a patronymic, a surname, a first name. */

const PATRONYMIC = /(?:ович|евич|ёвич|ич|овна|евна|ёвна|ична|инична)$/iu;
const LATIN_PATRONYMIC = /(?:ovich|evich|ovna|evna|ichna)$/i;
/** Turkic patronymics are two words: "Гейдар оглы", "Алиевна" has its own suffix. */
export const TURKIC_PATRONYMIC_WORD = /^(?:оглы|оглу|огли|кызы|гызы|улы|уулу|кизи)$/iu;

// Strong endings almost only surnames have; weak ones are shared with first names (Марина, Константин).
const STRONG_SURNAME = /(?:ов|ев|ёв|ова|ева|ёва|ский|цкий|ская|цкая|ской|цкой|ых|их|енко|юк|ук|швили|дзе|ян|янц)$/iu;
// "-ой": Толстой, Береговой; few first names end so.
const WEAK_SURNAME = /(?:ин|ын|ина|ына|ая|ой)$/iu;
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
    'лев петр федор борис вадим вячеслав герман давид даниил данила егор захар эдуард эмиль аркадий богдан',
    'всеволод гордей демьян ефим игнат иннокентий лука мирон назар платон прохор родион савелий тихон филипп',
    'эрик юлиан яков артемий елисей марат ренат рустам ринат ильдар азат айдар тагир шамиль заур ахмед магомед',
    'рамиль эльдар альберт арслан адам адриан афанасий вениамин владлен гавриил емельян еремей иосиф клим',
    'кузьма лаврентий леонтий макар мартин мирослав моисей наум нестор никифор остап потап ростислав святослав',
    'серафим спартак тарас трофим устин фома харитон юлий валериан феликс оскар всеслав',
    'агата агния аделина алевтина алеся алия альбина амалия анжела анжелика антонина ася белла божена варвара',
    'василиса вероника виолетта влада владислава гульнара гузель дана дина динара ева евдокия есения злата',
    'зинаида зульфия изабелла инга инна ираида камила камилла кира клавдия лада лейла лиана лилия лиля луиза',
    'майя марфа мила милана мирослава наиля нелли ника нонна олеся пелагея прасковья рената римма роза сабина',
    'серафима стефания таисия тереза фаина элеонора элина эльвира эльмира эмилия эмма юлиана ярослава айгуль',
    'асель розалия сания',
    'john james robert michael william david richard joseph thomas charles mary patricia jennifer linda elizabeth',
    'susan jessica sarah karen martin kevin justin austin dustin kristina karina marina irina alina nina',
    'george paul mark peter andrew steven brian edward daniel matthew anthony donald emily emma olivia anna',
    'helen margaret alice grace laura rachel rebecca sophie hannah kate lucy oliver harry jack charlie henry',
    'alexander benjamin samuel nicholas christopher jonathan patrick olga tatiana natalia svetlana elena',
    'sergey dmitry alexey andrey vladimir ivan nikolay mikhail pavel yuri igor oleg anastasia ekaterina',
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

/** A common first name, or a double one of them ("Анна-Мария"). */
export const isKnownFirstName = (word: string) => word.split('-').every((part) => FIRST_NAMES.has(fold(part)));

/** How much a word looks like a surname: 2 strong ending, 1 weak ending, 0 no clue, -1 a known first name. */
export function surnameScore(word: string): number {
  if (isKnownFirstName(word)) return -1;
  const part = lastPart(word);
  if (part.length < 3) return 0;
  if (STRONG_SURNAME.test(part) || LATIN_SURNAME.test(part)) return 2;
  if (WEAK_SURNAME.test(part)) return 1;
  return 0;
}
