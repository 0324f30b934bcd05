/**
 * People with their phones, e-mails, an address and tags. About 0.5 % are deliberate duplicates of
 * someone entered shortly before (same e-mail, same phone, or same name at the same company), so
 * the duplicate finder has real work to do.
 */
import { sortKey } from '../../shared/text/fold';
import { composeDisplayName } from '../../shared/text/person-name';
import { cityIn, type CompanyFacts } from './companies';
import { personSearchDocument } from '../db/search-index';
import { pickOwner, pickTags, tagNames, type SeedContext } from './context';
import { personalEmail, workEmail } from './emails';
import { englishName, russianName, type Name } from './names';
import { phoneFor, russianOfficePhone, type Country } from './phones';
import { activityTexts } from './activity-texts';
import { englishPositions, russianPositions, sources } from './business-words';
import { englishStreets, russianStreets } from './pools';
import { Random } from './random';
import { isoDate, isoTime, YEAR_MS } from './time';
import type { AddressRow } from './writer';

/** By index from firstId: what activities need to know about each person. */
export type PeopleFacts = {
  firstId: number;
  count: number;
  /** 0 when the person has no company. */
  companies: Int32Array;
  /** 0 when the person has no owner. */
  owners: Int32Array;
};

const RUSSIAN_SHARE = 0.75;
const WITH_COMPANY_SHARE = 0.7;
const CITY_OF_COMPANY_SHARE = 0.7;
const ADDRESS_SHARE = 0.6;
const BIRTHDAY_SHARE = 0.3;
const SECOND_PHONE_SHARE = 0.3;
const WORK_EMAIL_SHARE = 0.7;
const PERSONAL_EMAIL_SHARE = 0.85;
const PERSONAL_EMAIL_SHARE_AT_WORK = 0.5;
const TAGGED_SHARE = 0.4;
const PREFERRED_CHANNEL_SHARE = 0.25;
const NOTES_SHARE = 0.03;
const DUPLICATE_SHARE = 0.005;
const HISTORY_YEARS = 5;
// How far back a duplicate may look: duplicates are usually entered close together.
const RECENT_PEOPLE = 1024;
const CHANNELS = ['phone', 'phone', 'email', 'messenger', 'meeting'];
const COUNTRY_NAMES: Record<Country, string> = { RU: 'Россия', GB: 'United Kingdom', US: 'United States' };

type Labelled = [label: string, value: string];
type Recent = { name: Name; country: Country; companyId: number | null; phone: string; email: Labelled | null };
/** What a deliberate duplicate shares with the earlier record. */
type DuplicateKind = 'nameAndCompany' | 'email' | 'phone';
const DUPLICATE_KINDS: readonly DuplicateKind[] = ['nameAndCompany', 'email', 'phone'];

function address(random: Random, country: Country, city: string, atWork: boolean): AddressRow {
  const label = atWork ? 'work' : 'home';
  if (country === 'RU') {
    const flat = atWork ? '' : `, кв. ${random.between(1, 300)}`;
    return {
      label,
      country: COUNTRY_NAMES.RU,
      city,
      street: `${random.pick(russianStreets.kinds)} ${random.pick(russianStreets.names)}, д. ${random.between(1, 150)}${flat}`,
      postalCode: String(random.between(101000, 692999)),
    };
  }
  return {
    label,
    country: COUNTRY_NAMES[country],
    city,
    street: `${random.between(1, 400)} ${random.pick(englishStreets.names)} ${random.pick(englishStreets.kinds)}`,
    postalCode: country === 'US' ? random.digits(5) : null,
  };
}

export function generatePeople(
  context: SeedContext,
  firstId: number,
  count: number,
  companies: CompanyFacts,
): PeopleFacts {
  const random = Random.derive(context.seed, 'people', firstId);
  const { writer } = context;
  const facts: PeopleFacts = { firstId, count, companies: new Int32Array(count), owners: new Int32Array(count) };
  const recent: Recent[] = [];
  const start = context.now - HISTORY_YEARS * YEAR_MS;
  const span = HISTORY_YEARS * YEAR_MS;
  context.progress.begin('people', count);
  for (let i = 0; i < count; i++) {
    const id = firstId + i;
    const duplicateOf = recent.length > 0 && random.chance(DUPLICATE_SHARE) ? random.pick(recent) : null;
    const duplicateKind = duplicateOf === null ? null : random.pick(DUPLICATE_KINDS);

    const male = random.chance(0.5);
    let country: Country = random.chance(RUSSIAN_SHARE) ? 'RU' : random.chance(0.5) ? 'GB' : 'US';
    let name = country === 'RU' ? russianName(random, male) : englishName(random, male);
    let companyIndex = companies.count > 0 && random.chance(WITH_COMPANY_SHARE) ? random.below(companies.count) : -1;
    let companyId = companyIndex < 0 ? null : companies.firstId + companyIndex;
    if (duplicateOf !== null && duplicateKind === 'nameAndCompany') {
      ({ name, country, companyId } = duplicateOf);
      companyIndex = companyId === null ? -1 : companyId - companies.firstId;
    }
    const russian = country === 'RU';

    // People mostly live where their company is; the city decides the address's country, not the name.
    const atCompanyCity = companyIndex >= 0 && random.chance(CITY_OF_COMPANY_SHARE);
    const cityCountry = atCompanyCity ? companies.countries[companyIndex]! : country;
    const city = atCompanyCity ? companies.cities[companyIndex]! : cityIn(country, random);
    const ownerId =
      companyIndex >= 0 && random.chance(0.8) ? companies.owners[companyIndex]! : pickOwner(context, random);
    const created = start + ((i + random.next()) / count) * span;
    const updated = random.chance(0.5) ? created + random.next() * (context.now - created) : created;
    const displayName = composeDisplayName({ firstName: name.first, middleName: name.middle, lastName: name.last });
    const jobTitle =
      companyIndex >= 0 || random.chance(0.2) ? random.pick(russian ? russianPositions : englishPositions) : null;
    writer.person({
      id,
      firstName: name.first,
      middleName: name.middle,
      lastName: name.last,
      displayName,
      sortKey: sortKey(displayName),
      companyId,
      position: jobTitle,
      birthday: random.chance(BIRTHDAY_SHARE) ? isoDate(context.now - (20 + random.next() * 50) * YEAR_MS) : null,
      source: random.pick(sources),
      city,
      ownerId,
      preferredChannel: random.chance(PREFERRED_CHANNEL_SHARE) ? random.pick(CHANNELS) : null,
      language: russian ? 'ru' : 'en',
      notes: random.chance(NOTES_SHARE) ? random.pick(activityTexts.sentences) : null,
      createdAt: isoTime(created),
      updatedAt: isoTime(updated),
    });

    const domain = companyIndex >= 0 ? companies.domains[companyIndex]! : null;
    const phones = [phoneFor(country, random)];
    if (random.chance(SECOND_PHONE_SHARE)) {
      const office = cityCountry === 'RU' && companyIndex >= 0;
      phones.push(office ? russianOfficePhone(random, city) : phoneFor(country, random));
    }
    const emails: Labelled[] = [];
    if (domain !== null && random.chance(WORK_EMAIL_SHARE)) emails.push(['work', workEmail(random, name, domain)]);
    if (random.chance(domain === null ? PERSONAL_EMAIL_SHARE : PERSONAL_EMAIL_SHARE_AT_WORK)) {
      emails.push(['personal', personalEmail(random, name, id, russian)]);
    }
    // An earlier record without an e-mail can't lend one: that duplicate just doesn't happen.
    if (duplicateOf !== null && duplicateKind === 'email' && duplicateOf.email !== null) emails[0] = duplicateOf.email;
    if (duplicateOf !== null && duplicateKind === 'phone') phones[0] = duplicateOf.phone;
    const owner = { personId: id, companyId: null };
    let slot = 0;
    for (const phone of phones) writer.contactPoint(owner, 'phone', slot === 0 ? 'mobile' : 'work', phone, slot++);
    for (const [label, email] of emails) writer.contactPoint(owner, 'email', label, email, slot++);

    if (random.chance(ADDRESS_SHARE)) {
      writer.address(owner, address(random, cityCountry, city, companyIndex >= 0 && random.chance(0.5)));
    }
    const tagIds =
      context.tagIds.length > 0 && random.chance(TAGGED_SHARE)
        ? pickTags(context, random, random.chance(0.7) ? 1 : random.chance(0.6) ? 2 : 3)
        : [];
    for (const tagId of tagIds) writer.personTag(tagId, id);
    writer.personSearch(
      id,
      personSearchDocument({
        displayName,
        lastName: name.last,
        firstName: name.first,
        middleName: name.middle,
        companyName: companyIndex >= 0 ? companies.names[companyIndex]! : null,
        position: jobTitle,
        city,
        emails: emails.map(([, email]) => email),
        tags: tagNames(context, tagIds),
      }),
    );

    const entry: Recent = { name, country, companyId, phone: phones[0]!, email: emails[0] ?? null };
    if (recent.length < RECENT_PEOPLE) recent.push(entry);
    else recent[random.below(RECENT_PEOPLE)] = entry;
    facts.companies[i] = companyId ?? 0;
    facts.owners[i] = ownerId ?? 0;
    context.progress.tick(i + 1);
  }
  return facts;
}
