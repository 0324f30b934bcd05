/** The CRM's own staff, who own records: a few Russian names. */
import type { SeedContext } from './context';
import { russianName } from './names';
import { Random } from './random';
import { isoTime, YEAR_MS } from './time';
import { transliterate } from './transliterate';

const HISTORY_YEARS = 5;
const MAX_DRAWS = 50;

export function generateUsers(
  context: Pick<SeedContext, 'writer' | 'seed' | 'now'>,
  firstId: number,
  count: number,
): number[] {
  const random = Random.derive(context.seed, 'users', firstId);
  const ids: number[] = [];
  // Owners are told apart by name (see createUser): a name drawn twice is drawn again.
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    let name = russianName(random, random.chance(0.5));
    for (let attempt = 0; taken.has(`${name.first} ${name.last}`) && attempt < MAX_DRAWS; attempt++) {
      name = russianName(random, random.chance(0.5));
    }
    if (taken.has(`${name.first} ${name.last}`)) name = { ...name, last: `${name.last}-${i + 1}` };
    taken.add(`${name.first} ${name.last}`);
    const email = `${transliterate(name.first)}.${transliterate(name.last)}@example.com`;
    // Staff accounts exist before the clients they own.
    const created = context.now - HISTORY_YEARS * YEAR_MS - random.next() * YEAR_MS;
    context.writer.user(firstId + i, `${name.first} ${name.last}`, email, isoTime(created));
    ids.push(firstId + i);
  }
  return ids;
}
