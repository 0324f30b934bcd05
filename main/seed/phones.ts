/**
 * Phone numbers in E.164 (what the app stores for a valid number), from ranges libphonenumber
 * accepts as valid: the seed test checks a sample with isValid(), not every row.
 */
import { russianAreaCodes, usPhoneCodes } from './pools';
import type { Random } from './random';

/** Where a person or company is: decides phone ranges, cities and address style. */
export type Country = 'RU' | 'GB' | 'US';

/** +7 9xx: Russian mobiles. */
export function russianMobile(random: Random): string {
  return `+79${random.digits(9)}`;
}

/** An office number with the city's area code, or a mobile where we know none. */
export function russianOfficePhone(random: Random, city: string): string {
  const codes = russianAreaCodes.get(city);
  if (codes === undefined) return russianMobile(random);
  return `+7${random.pick(codes)}${random.between(2, 9)}${random.digits(6)}`;
}

const UK_MOBILE_PREFIXES = ['1', '2', '3', '4'];

/** +44 71–74: mainland mobile ranges (parts of 75 and 77–79 belong to Jersey, Guernsey and Man or are reserved). */
export function ukMobile(random: Random): string {
  return `+447${random.pick(UK_MOBILE_PREFIXES)}${random.digits(8)}`;
}

export function usPhone(random: Random): string {
  return `+1${random.pick(usPhoneCodes.area)}${random.pick(usPhoneCodes.exchange)}${random.digits(4)}`;
}

/** A mobile number of the country. */
export function phoneFor(country: Country, random: Random): string {
  if (country === 'RU') return russianMobile(random);
  return country === 'GB' ? ukMobile(random) : usPhone(random);
}
