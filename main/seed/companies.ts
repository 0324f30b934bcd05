/** Companies, each with an office phone and a general e-mail most of the time. */
import { sortKey } from '../../shared/text/fold';
import { englishCompanyName, russianCompanyName } from './company-names';
import { companySearchDocument } from '../db/search-index';
import { pickOwner, pickTags, tagNames, type SeedContext } from './context';
import { phoneFor, russianOfficePhone, type Country } from './phones';
import { activityTexts } from './activity-texts';
import { industries, sources } from './business-words';
import { russianCities, ukCities, usCities } from './pools';
import { Random } from './random';
import { isoTime, YEAR_MS } from './time';
import { transliterate } from './transliterate';

/** What people and activities need to know about the companies just written, by index from firstId. */
export type CompanyFacts = {
  firstId: number;
  count: number;
  names: string[];
  cities: string[];
  /** Country of the city. */
  countries: Country[];
  /** Web domain, for work e-mails; null for sole traders. */
  domains: Array<string | null>;
  owners: Array<number | null>;
};

const RUSSIAN_SHARE = 0.85;
const LARGE_CITY_SHARE = 0.7;
const WEBSITE_SHARE = 0.6;
const PHONE_SHARE = 0.85;
const EMAIL_SHARE = 0.75;
const TAGGED_SHARE = 0.2;
const NOTES_SHARE = 0.05;
const HISTORY_YEARS = 5;
const MAILBOXES = ['info', 'info', 'sales', 'office', 'zakaz', 'mail'];
const TOP_LEVEL_DOMAINS: Record<Country, string> = { RU: 'ru', GB: 'co.uk', US: 'com' };

export function cityIn(country: Country, random: Random): string {
  if (country === 'GB') return random.pick(ukCities);
  if (country === 'US') return random.pick(usCities);
  return random.pick(random.chance(LARGE_CITY_SHARE) ? russianCities.large : russianCities.towns);
}

export function generateCompanies(context: SeedContext, firstId: number, count: number): CompanyFacts {
  const random = Random.derive(context.seed, 'companies', firstId);
  const facts: CompanyFacts = { firstId, count, names: [], cities: [], countries: [], domains: [], owners: [] };
  // Many companies share a brand («Стройторг» is everywhere), but each gets its own domain.
  const domainUses = new Map<string, number>();
  const start = context.now - HISTORY_YEARS * YEAR_MS;
  const span = HISTORY_YEARS * YEAR_MS;
  context.progress.begin('companies', count);
  for (let i = 0; i < count; i++) {
    const id = firstId + i;
    const country: Country = random.chance(RUSSIAN_SHARE) ? 'RU' : random.chance(0.5) ? 'GB' : 'US';
    const russian = country === 'RU';
    const { name, legalName, brand } = russian ? russianCompanyName(random) : englishCompanyName(random);
    const city = cityIn(country, random);
    let domain: string | null = null;
    if (brand !== null) {
      const base = transliterate(brand.replaceAll(' ', '-'));
      const uses = (domainUses.get(base) ?? 0) + 1;
      domainUses.set(base, uses);
      domain = `${base}${uses === 1 ? '' : uses}.${TOP_LEVEL_DOMAINS[country]}`;
    }
    const ownerId = pickOwner(context, random);
    // Ids follow creation time, as they would in a real database.
    const created = start + ((i + random.next()) / count) * span;
    const updated = random.chance(0.5) ? created + random.next() * (context.now - created) : created;
    const website = domain !== null && random.chance(WEBSITE_SHARE) ? `https://${domain}` : null;
    const industry = random.pick(industries);
    context.writer.company({
      id,
      name,
      sortKey: sortKey(name),
      legalName,
      website,
      industry,
      source: random.pick(sources),
      city,
      ownerId,
      notes: random.chance(NOTES_SHARE) ? random.pick(activityTexts.sentences) : null,
      createdAt: isoTime(created),
      updatedAt: isoTime(updated),
    });
    const owner = { personId: null, companyId: id };
    const hasPhone = random.chance(PHONE_SHARE);
    if (hasPhone) {
      const phone = russian ? russianOfficePhone(random, city) : phoneFor(country, random);
      context.writer.contactPoint(owner, 'phone', 'work', phone, 0);
    }
    const email = domain !== null && random.chance(EMAIL_SHARE) ? `${random.pick(MAILBOXES)}@${domain}` : null;
    if (email !== null) context.writer.contactPoint(owner, 'email', 'work', email, hasPhone ? 1 : 0);
    const tagIds =
      context.tagIds.length > 0 && random.chance(TAGGED_SHARE) ? pickTags(context, random, 1 + random.below(2)) : [];
    for (const tagId of tagIds) context.writer.companyTag(tagId, id);
    context.writer.companySearch(
      id,
      companySearchDocument({
        name,
        legalName,
        industry,
        city,
        website,
        emails: email === null ? [] : [email],
        tags: tagNames(context, tagIds),
      }),
    );
    facts.names.push(name);
    facts.cities.push(city);
    facts.countries.push(country);
    facts.domains.push(domain);
    facts.owners.push(ownerId);
    context.progress.tick(i + 1);
  }
  return facts;
}
