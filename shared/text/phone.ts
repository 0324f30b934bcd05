// The package's ES2015+ build of the same code and metadata (its README's "/es6" entry): the default
// build's transpiled object spreads make every parse ~1.7× slower, and an import parses every number.
import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/min/es6';
import { digitsOf } from './fold';

/** A country libphonenumber's metadata has: one whose national numbers a default country can read. */
export function isPhoneCountry(code: string): code is CountryCode {
  return isSupportedCountry(code);
}

/** How an extension follows the number in a stored value; libphonenumber reads it back. */
const EXTENSION = ' ext. ';

/** The number without its extension: what search keys are made of. */
export function phoneWithoutExtension(value: string): string {
  const extension = value.indexOf(EXTENSION);
  return extension === -1 ? value : value.slice(0, extension);
}

export type NormalisedPhone = Readonly<{
  /**
   * E.164 when the number is valid (with " ext. N" when an extension was given: "доб. 345"),
   * otherwise the digits as typed (with + if given): nothing is lost.
   */
  value: string;
  valid: boolean;
}>;

/**
 * Recent readings of one default country (it rarely changes), by the text read: an import reads
 * each number from its cell and reads the stored form again when writing it, and libphonenumber
 * costs ~10 µs a number. Keyed by the text itself, not a joined key string to build and hash on
 * every call. Bounded, so a million-row file can't grow it.
 */
let recent = { country: '', readings: new Map<string, NormalisedPhone>() };
const RECENT_READINGS = 4096;

function readingsFor(country: string): Map<string, NormalisedPhone> {
  if (recent.country !== country) recent = { country, readings: new Map() };
  return recent.readings;
}

function remember(readings: Map<string, NormalisedPhone>, input: string, reading: NormalisedPhone): void {
  if (readings.size >= RECENT_READINGS) readings.clear();
  readings.set(input, reading);
}

/**
 * Valid readings made elsewhere (an import's worker thread parsed the file): writing them reads their
 * stored forms again, and finds them here instead of parsing each number a second time.
 */
export function rememberValidReadings(valid: readonly NormalisedPhone[], defaultCountry: string): void {
  const readings = readingsFor(defaultCountry.toUpperCase());
  for (const reading of valid) if (reading.valid) remember(readings, reading.value, reading);
}

/**
 * Reads a phone the way people write it: "8 916 123-45-67", "+7 (916) 123-45-67", or a number
 * Excel stored without its "+" (79161234567), using the default country for national forms.
 */
export function normalisePhone(input: string, defaultCountry: string): NormalisedPhone {
  const country = defaultCountry.toUpperCase();
  const readings = readingsFor(country);
  const known = readings.get(input);
  if (known) return known;
  const reading = readPhone(input.trim(), country as CountryCode);
  remember(readings, input, reading);
  // A valid reading reads back as itself: the write that follows finds it here.
  if (reading.valid) remember(readings, reading.value, reading);
  return reading;
}

/** Russian ways of writing an extension libphonenumber doesn't know: "вн. 12", "внутр. 12", "д. 12". */
const RUSSIAN_EXTENSION = /(?<=[\d)\s])\s*,?\s*(?:внутр(?:енний)?\.?|вн\.?|д\.)\s*(\d{1,6})\s*$/iu;

/**
 * «8 (916) 123-45-6», «8-916-…»: the 8 set apart is the trunk prefix, so ten digits are a number one
 * digit short. Read whole, they made a plausible +7 891 612-34-56. «812 123-45-67» (St Petersburg
 * without the 8) keeps its reading.
 */
const TRUNK_EIGHT_APART = /^8[\s(.-]/;

function readPhone(input: string, country: CountryCode): NormalisedPhone {
  const trimmed = input.replace(RUSSIAN_EXTENSION, ' доб. $1');
  if ((country === 'RU' || country === 'KZ') && TRUNK_EIGHT_APART.test(trimmed) && digitsOf(trimmed).length === 10) {
    return { value: digitsOf(trimmed), valid: false };
  }
  const direct = parsePhoneNumberFromString(trimmed, country);
  if (direct?.isValid())
    return { value: direct.ext ? `${direct.number}${EXTENSION}${direct.ext}` : direct.number, valid: true };
  const digits = digitsOf(trimmed);
  if (!trimmed.startsWith('+') && digits.length >= 11) {
    const international = parsePhoneNumberFromString(`+${digits}`);
    if (international?.isValid()) return { value: international.number, valid: true };
  }
  return { value: trimmed.startsWith('+') ? `+${digits}` : digits, valid: false };
}

/**
 * "+79161234567" → "+7 916 123-45-67", the way Russian numbers are written (other countries in
 * their international form); anything unparsable is shown as stored.
 */
export function formatPhone(value: string): string {
  const parsed = parsePhoneNumberFromString(value);
  if (!parsed?.isValid()) return value;
  if (parsed.countryCallingCode === '7') {
    // National "8 (916) 123-45-67" with +7 for the trunk 8 and no brackets.
    const national = parsed.formatNational().replace(/^8\s*/, '').replace(/[()]/g, '');
    return `+7 ${national}`;
  }
  return parsed.formatInternational();
}

/** Dashes, the minus sign and slashes put between a number's digit groups: read as hyphens. */
const GROUP_SEPARATORS = /[\u2010-\u2015\u2212/]/g;
const PHONE_QUERY = /^\+?[\d\s().-]+$/;
/** An extension after the number, its digits perhaps not typed yet: «, доб. 321», «ext 321», «вн. 12», «x321». */
const QUERY_EXTENSION = /(?<=[\d)])\s*,?\s*(?:доб(?:авочный)?|ext(?:ension)?|вн(?:утр(?:енний)?)?|д\.|x)\.?\s*\d*$/iu;

/**
 * The phone number a search text may be, separators read as hyphens («8 (916) 765–43–21»,
 * «916/765.43.21»): for the search box, a list's search text and its "phone contains" alike. null
 * for other text. An extension is left out: keys hold the number only, and the number is what finds
 * the record («+7 495 123-45-67 доб. 321» finds the office's every extension).
 */
export function phoneQueryNumber(text: string): string | null {
  const number = text.trim().replace(GROUP_SEPARATORS, '-').replace(QUERY_EXTENSION, '');
  return PHONE_QUERY.test(number) ? number : null;
}

/**
 * The digit strings a typed query may match: its own digits, and the E.164 digits of its national
 * reading ("8 916 123" → "8916123" and "7916123"; "916 123" → "7916123"), so any common way of
 * writing a number, or its start, finds it.
 */
export function phoneQueryDigits(query: string, defaultCountry: string): string[] {
  const digits = digitsOf(query);
  if (digits.length === 0) return [];
  const candidates = new Set([digits]);
  const country = defaultCountry.toUpperCase();
  // Russia and Kazakhstan dial a domestic long-distance number with a leading 8 for +7.
  const trunkEight = (country === 'RU' || country === 'KZ') && digits.startsWith('8');
  if (trunkEight && digits.length > 1) candidates.add(`7${digits.slice(1)}`);
  // The start of a national number typed without a prefix ("916 123" → "7916123"); most other
  // countries dial theirs with a trunk 0, which E.164 leaves out ("020 7946" → "44207946").
  if (!query.trim().startsWith('+') && !trunkEight && isPhoneCountry(country)) {
    const code = getCountryCallingCode(country);
    candidates.add(`${code}${digits}`);
    if (digits.startsWith('0') && !digits.startsWith('00') && digits.length > 1)
      candidates.add(`${code}${digits.slice(1)}`);
  }
  const full = normalisePhone(query, defaultCountry);
  if (full.valid) candidates.add(digitsOf(full.value));
  return [...candidates];
}
