/**
 * The activity timeline: calls, meetings, e-mails and notes over the last three years, ids in time
 * order. A long tail: a few people have many activities, most have a handful, and the first ten
 * people get 1,000 each for the "open a person with 1,000 activities" benchmark.
 */
import type { CompanyFacts } from './companies';
import { pickOwner, type SeedContext } from './context';
import type { PeopleFacts } from './people';
import { activityTexts } from './activity-texts';
import { Random } from './random';
import { isoTime, YEAR_MS } from './time';
import type { ActivityRow } from './writer';

export const HEAVY_PEOPLE = 10;
export const HEAVY_PERSON_ACTIVITIES = 1000;

const HISTORY_YEARS = 3;
const COMPANY_ONLY_SHARE = 0.15;
const WITH_PERSON_COMPANY_SHARE = 0.3;
const OWNER_OF_PERSON_SHARE = 0.7;
const BODY_SHARE = 0.7;

type Kind = ActivityRow['kind'];

function kindOf(roll: number): Kind {
  return roll < 0.4 ? 'call' : roll < 0.65 ? 'email' : roll < 0.8 ? 'meeting' : 'note';
}

function body(random: Random): string | null {
  if (!random.chance(BODY_SHARE)) return null;
  const first = random.pick(activityTexts.sentences);
  return random.chance(0.5) ? `${first} ${random.pick(activityTexts.sentences)}` : first;
}

/** Kind-specific fields: calls and meetings last a while, calls and e-mails have a direction. */
function details(
  random: Random,
  kind: Kind,
): Pick<ActivityRow, 'durationMinutes' | 'direction' | 'outcome' | 'subject'> {
  const direction = random.chance(0.5) ? 'inbound' : 'outbound';
  switch (kind) {
    case 'call':
      return {
        durationMinutes: random.between(1, 30),
        direction,
        outcome: random.pick(activityTexts.callOutcomes),
        subject: random.pick(activityTexts.callSubjects),
      };
    case 'meeting':
      return {
        durationMinutes: 15 * random.between(1, 8),
        direction: null,
        outcome: random.pick(activityTexts.meetingOutcomes),
        subject: random.pick(activityTexts.meetingSubjects),
      };
    case 'email':
      return {
        durationMinutes: null,
        direction,
        outcome: random.pick(activityTexts.emailOutcomes),
        subject: random.pick(activityTexts.emailSubjects),
      };
    case 'note':
      return {
        durationMinutes: null,
        direction: null,
        outcome: null,
        subject: random.pick(activityTexts.noteSubjects),
      };
  }
}

export function generateActivities(
  context: SeedContext,
  firstId: number,
  count: number,
  people: PeopleFacts,
  companies: CompanyFacts,
): void {
  const random = Random.derive(context.seed, 'activities', firstId);
  const start = context.now - HISTORY_YEARS * YEAR_MS;
  const span = HISTORY_YEARS * YEAR_MS;
  // Every heavyEvery-th activity goes to one of the first people, round-robin, when there is room for it.
  const heavyTotal = HEAVY_PEOPLE * HEAVY_PERSON_ACTIVITIES;
  const heavyEvery = people.count > HEAVY_PEOPLE ? Math.floor(count / heavyTotal) : 0;
  // The rest go to everyone else, so the first people have exactly their 1,000.
  const tailStart = heavyEvery >= 2 ? HEAVY_PEOPLE : 0;
  context.progress.begin('activities', count);
  for (let i = 0; i < count; i++) {
    let personIndex = -1;
    let companyId: number | null = null;
    if (heavyEvery >= 2 && i % heavyEvery === 0 && i / heavyEvery < heavyTotal) {
      personIndex = (i / heavyEvery) % HEAVY_PEOPLE;
    } else if (people.count === 0 || (companies.count > 0 && random.chance(COMPANY_ONLY_SHARE))) {
      companyId = companies.firstId + random.below(companies.count);
    } else {
      // u^1.5 favours low indexes, older clients: a long tail from ~200 activities down to one or two.
      const roll = random.next();
      personIndex = tailStart + Math.floor(roll * Math.sqrt(roll) * (people.count - tailStart));
    }
    let ownerId: number | null;
    if (personIndex >= 0) {
      const personCompany = people.companies[personIndex]!;
      if (personCompany !== 0 && random.chance(WITH_PERSON_COMPANY_SHARE)) companyId = personCompany;
      const personOwner = people.owners[personIndex]!;
      ownerId = personOwner !== 0 && random.chance(OWNER_OF_PERSON_SHARE) ? personOwner : pickOwner(context, random);
    } else {
      ownerId = pickOwner(context, random);
    }
    const kind = kindOf(random.next());
    context.writer.activity({
      id: firstId + i,
      kind,
      occurredAt: isoTime(start + ((i + random.next()) / count) * span),
      ...details(random, kind),
      body: body(random),
      personId: personIndex >= 0 ? people.firstId + personIndex : null,
      companyId,
      ownerId,
    });
    context.progress.tick(i + 1);
  }
}
