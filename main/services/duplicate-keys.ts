import { sortKey } from '../../shared/text/fold';
import { legalFormFreeWords } from '../../shared/text/legal-forms';
import { isPatronymic } from '../import/values/name-words';
import { allowedTypos, editDistance } from './fuzzy';

/**
 * The part of a company name that tells companies apart: folded (case, ё), quotes and legal
 * forms dropped, so «ООО "Ромашка"», "Ромашка, ООО" and "ромашка" are one key.
 */
export function companyNameKey(name: string): string {
  return companyNameKeyOfSortKey(sortKey(name));
}

/** companyNameKey from a stored sort key (already folded, quotes dropped): no folding per row. */
export function companyNameKeyOfSortKey(folded: string): string {
  const words = legalFormFreeWords(folded);
  return words.length === 0 ? folded : words.join(' ');
}

/** A name's folded words in one order: «иванов иван» and «иван иванов» are one key (lists write both). */
export function orderFreeKey(folded: string): string {
  return folded
    .split(' ')
    .filter((word) => word !== '')
    .sort()
    .join(' ');
}

/**
 * orderFreeKey without a patronymic, for one person's name stored whole on one record and in parts
 * (surname and first name only) on another: «Иванов Иван Иванович» / «Иванов» + «Иван».
 */
export function surnameAndNameKey(folded: string): string {
  const words = folded.split(' ').filter((word) => word !== '');
  // One patronymic, last («Иванов Иван Иванович») or second («Иван Иванович Иванов»), never the
  // first word: surnames end so too (Лукашевич, Богданович).
  const patronymic =
    words.length < 3 ? -1 : isPatronymic(words.at(-1)!) ? words.length - 1 : isPatronymic(words[1]!) ? 1 : -1;
  return orderFreeKey(words.filter((_, index) => index !== patronymic).join(' '));
}

const BAG_SIZE = 32;

/**
 * Which of these keys are the same, the same but for a patronymic one has («петров олег» /
 * «петров олег ильич»), or one or two typos apart (by the search's fuzzy measure): clusters of
 * indexes, each with more than one. The same name twice is the likeliest duplicate of all (one
 * copy with a company, one without). The typo pass is quadratic: for big blocks, `typos: false`.
 */
export function similarKeyClusters(keys: readonly string[], { typos: withTypos = true } = {}): number[][] {
  const parent = keys.map((_, index) => index);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const firstOf = new Map<string, number>();
  keys.forEach((key, index) => {
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, index);
    else parent[root(index)] = root(first);
  });
  keys.forEach((key, index) => {
    const words = key.split(' ');
    if (words.length < 3) return;
    const shorter = firstOf.get(`${words[0]} ${words[1]}`);
    if (shorter !== undefined) parent[root(index)] = root(shorter);
  });
  if (!withTypos) return clustersOf(keys, root);
  // A typo changes at most two letters of the bag of letters: keys whose bags differ more are
  // skipped before the (costlier) edit distance.
  const bags = keys.map((key) => {
    const bag = new Int8Array(BAG_SIZE);
    for (let c = 0; c < key.length; c += 1) bag[key.charCodeAt(c) % BAG_SIZE]! += 1;
    return bag;
  });
  const bagsApart = (x: Int8Array, y: Int8Array, most: number) => {
    let apart = 0;
    for (let c = 0; c < BAG_SIZE && apart <= most; c += 1) apart += Math.abs(x[c]! - y[c]!);
    return apart > most;
  };
  // By length, so each key is compared only with keys at most two letters longer.
  const order = keys.map((_, index) => index).sort((x, y) => keys[x]!.length - keys[y]!.length);
  for (let x = 0; x < order.length; x += 1) {
    const i = order[x]!;
    const a = keys[i]!;
    const typos = allowedTypos(a.length);
    if (typos === 0) continue;
    for (let y = x + 1; y < order.length; y += 1) {
      const j = order[y]!;
      const b = keys[j]!;
      if (b.length - a.length > typos) break;
      if (a === b || bagsApart(bags[i]!, bags[j]!, 2 * typos)) continue;
      if (editDistance(a, b, typos) <= typos) parent[root(j)] = root(i);
    }
  }
  return clustersOf(keys, root);
}

function clustersOf(keys: readonly string[], root: (index: number) => number): number[][] {
  const clusters = new Map<number, number[]>();
  keys.forEach((_, index) => {
    const cluster = clusters.get(root(index));
    if (cluster) cluster.push(index);
    else clusters.set(root(index), [index]);
  });
  return [...clusters.values()].filter((cluster) => cluster.length > 1);
}
