/** Company names as Russian lists have them: ООО «Стройторг-Плюс», ИП Петров И. С., Hansen Logistics LLC. */
import { englishCompanyWords, russianBrandParts, russianLegalForms } from './business-words';
import { russianName } from './names';
import type { Random } from './random';

export type CompanyName = {
  name: string;
  legalName: string | null;
  /** The word a web domain is made from; null for sole traders, who have none. */
  brand: string | null;
};

const SOLE_TRADER_SHARE = 0.1;
const STANDALONE_BRAND_SHARE = 0.3;
const BRAND_SUFFIX_SHARE = 0.3;

const legalForms = russianLegalForms.flatMap((form) => Array<(typeof russianLegalForms)[number]>(form[2]).fill(form));

function russianBrand(random: Random): string {
  const parts = russianBrandParts;
  if (random.chance(STANDALONE_BRAND_SHARE)) return random.pick(parts.standalone);
  const brand = random.pick(parts.heads) + random.pick(parts.tails);
  return random.chance(BRAND_SUFFIX_SHARE) ? `${brand}-${random.pick(parts.suffixes)}` : brand;
}

export function russianCompanyName(random: Random): CompanyName {
  if (random.chance(SOLE_TRADER_SHARE)) {
    const owner = russianName(random, random.chance(0.6));
    const initials = owner.middle === null ? `${owner.first[0]}.` : `${owner.first[0]}. ${owner.middle[0]}.`;
    return { name: `ИП ${owner.last} ${initials}`, legalName: null, brand: null };
  }
  const brand = russianBrand(random);
  const [short, full] = random.pick(legalForms);
  return { name: `${short} «${brand}»`, legalName: full === null ? null : `${full} «${brand}»`, brand };
}

function capitalised(word: string): string {
  return word.replace(/(^|\s)\S/g, (letter) => letter.toUpperCase());
}

export function englishCompanyName(random: Random): CompanyName {
  const words = englishCompanyWords;
  const noun = capitalised(random.pick(words.nouns));
  const brand = random.chance(0.5)
    ? `${random.pick(words.surnames)} ${noun}`
    : `${random.pick(words.adjectives)} ${noun}`;
  return { name: `${brand} ${random.pick(words.forms)}`, legalName: null, brand };
}
