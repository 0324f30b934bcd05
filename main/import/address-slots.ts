/**
 * Where a file's addresses go in a record it updates. A sheet numbers its addresses by its own
 * columns (Outlook's Business address is its first), a record by the order they were added: an
 * address whose kind the file names lands on the record's address of that kind, or on a free slot,
 * never on top of an address of another kind (a work city on a home street and postcode).
 */
import { ADDRESS_GROUPS, addressGroupOf } from '../../shared/domain/import-fields';
import { isEmptyValue, type FlatRecord } from './flat-record';

/** The address groups the record's flat keys mention, in order. */
function groupsOf(flat: FlatRecord): number[] {
  const groups = new Set<number>();
  for (const key of Object.keys(flat)) {
    const group = addressGroupOf(key);
    if (group >= 0) groups.add(group);
  }
  return [...groups].sort((a, b) => a - b);
}

function hasAddress(flat: FlatRecord, group: number): boolean {
  const prefix = `${ADDRESS_GROUPS[group]}.`;
  return Object.entries(flat).some(
    ([key, value]) => key.startsWith(prefix) && !key.endsWith('.label') && !isEmptyValue(value),
  );
}

/** Every part the incoming address gives is what the existing one has: the same address. */
function sameAddress(existing: FlatRecord, incoming: FlatRecord, slot: number, group: number): boolean {
  const from = `${ADDRESS_GROUPS[group]}.`;
  const to = `${ADDRESS_GROUPS[slot]}.`;
  const parts = Object.entries(incoming).filter(
    ([key, value]) => key.startsWith(from) && !key.endsWith('.label') && !isEmptyValue(value),
  );
  const same = (a: unknown, b: unknown) =>
    String(a ?? '')
      .trim()
      .toLowerCase() ===
    String(b ?? '')
      .trim()
      .toLowerCase();
  return parts.length > 0 && parts.every(([key, value]) => same(existing[`${to}${key.slice(from.length)}`], value));
}

const labelOf = (flat: FlatRecord, group: number): string | null => {
  const label = flat[`${ADDRESS_GROUPS[group]}.label`];
  return typeof label === 'string' && label !== '' ? label : null;
};

/**
 * The incoming record with its address groups moved to the slots of `existing` they belong to:
 * an address with a kind goes to the existing address of that kind, else to the first free slot;
 * one without a kind stays where the sheet put it (a plain «Город» column updates the first address).
 * A row that carries our record id (a workbook we exported) numbers them as the record does: as they are.
 */
export function alignAddresses(existing: FlatRecord, incoming: FlatRecord): FlatRecord {
  const groups = groupsOf(incoming);
  if (groups.length === 0 || typeof incoming['id'] === 'number') return incoming;
  const target = new Map<number, number>();
  const taken = new Set<number>();
  for (const group of groups) {
    if (labelOf(incoming, group) === null) {
      target.set(group, group);
      taken.add(group);
    }
  }
  for (const group of groups) {
    const label = labelOf(incoming, group);
    if (label === null) continue;
    const free = (slot: number) => !taken.has(slot);
    const sameKind = ADDRESS_GROUPS.findIndex(
      (_, slot) => free(slot) && hasAddress(existing, slot) && labelOf(existing, slot) === label,
    );
    // Its own slot when that holds nothing yet, the same kind, or this very address under another
    // kind (the kind is what the file changes); else the first empty one.
    const own =
      free(group) &&
      (!hasAddress(existing, group) ||
        labelOf(existing, group) === label ||
        sameAddress(existing, incoming, group, group))
        ? group
        : -1;
    const empty = ADDRESS_GROUPS.findIndex((_, slot) => free(slot) && !hasAddress(existing, slot));
    const slot = sameKind >= 0 ? sameKind : own >= 0 ? own : empty;
    // No room left (ten addresses of other kinds): it goes nowhere rather than over another one.
    if (slot < 0) continue;
    target.set(group, slot);
    taken.add(slot);
  }
  if ([...target].every(([from, to]) => from === to) && target.size === groups.length) return incoming;
  const aligned: FlatRecord = {};
  for (const [key, value] of Object.entries(incoming)) {
    const group = addressGroupOf(key);
    if (group < 0) {
      aligned[key] = value;
      continue;
    }
    const slot = target.get(group);
    if (slot !== undefined) aligned[`${ADDRESS_GROUPS[slot]}${key.slice(key.indexOf('.'))}`] = value;
  }
  return aligned;
}
