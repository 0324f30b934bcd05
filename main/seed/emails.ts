/** E-mail addresses made from a person's name: lower-case Latin, like people really have them. */
import { freeEmailDomains } from './pools';
import type { Name } from './names';
import type { Random } from './random';
import { transliterate } from './transliterate';

function nameParts(name: Name): { first: string; last: string } {
  // A name that transliterates to nothing still needs a usable local part.
  return { first: transliterate(name.first) || 'client', last: transliterate(name.last) || 'client' };
}

/** A free-mail address; the person's id in it keeps a million of them apart. */
export function personalEmail(random: Random, name: Name, id: number, russian: boolean): string {
  const { first, last } = nameParts(name);
  const styles = [
    `${first}.${last}`,
    `${first[0]}.${last}`,
    `${last}.${first}`,
    `${first}${last}`,
    `${last}${first[0]}`,
  ];
  const domains = russian ? freeEmailDomains.russian : freeEmailDomains.english;
  return `${random.pick(styles)}${id}@${random.pick(domains)}`;
}

export function workEmail(random: Random, name: Name, domain: string): string {
  const { first, last } = nameParts(name);
  const styles = [`${first[0]}.${last}`, `${first}.${last}`, `${last}`, `${first}`];
  return `${random.pick(styles)}@${domain}`;
}
