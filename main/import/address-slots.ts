/**
 * Where a file's addresses go in a record it updates. A sheet numbers its addresses by its own
 * columns (Outlook's Business address is its first), a record by the order they were added: an
 * address whose kind the file names lands on the record's address of that kind, or on a free slot,
 * never on top of an address of another kind (a work city on a home street and postcode).
 */
import { ADDRESS_GROUPS, addressGroupOf } from '../../shared/domain/import-fields';
import { isEmptyValue, type FlatRecord } from './flat-record';

/** One address of a flat record: its kind and its non-empty parts ("city" → "Москва"). */
type Slot = { label: string | null; parts: Map<string, string> };

/** The record's addresses by slot, read in one pass over its keys. */
function slotsOf(flat: FlatRecord): Map<number, Slot> {
  const slots = new Map<number, Slot>();
  for (const [key, value] of Object.entries(flat)) {
    const group = addressGroupOf(key);
    if (group < 0) continue;
    let slot = slots.get(group);
    if (slot === undefined) {
      slot = { label: null, parts: new Map() };
      slots.set(group, slot);
    }
    const part = key.slice(key.indexOf('.') + 1);
    if (part === 'label') slot.label = typeof value === 'string' && value !== '' ? value : null;
    else if (!isEmptyValue(value)) slot.parts.set(part, String(value).trim().toLowerCase());
  }
  return slots;
}

/** The record's address is this very one: every part it has, the file gives the same. */
function sameAddress(record: Slot, incoming: Slot): boolean {
  if (record.parts.size === 0) return false;
  for (const [part, value] of record.parts) if (incoming.parts.get(part) !== value) return false;
  return true;
}

/**
 * The incoming record with its address groups moved to the slots of `existing` they belong to:
 * an address with a kind goes to the existing address of that kind (or the one it is, under a new
 * kind), else to the first free slot; one without a kind stays where the sheet put it. A row whose
 * addresses have no kind at all (a plain «Город» column) or that carries our record id (a workbook
 * we exported, numbered as the record is) is left as it is. Empty groups of a row that names kinds
 * are dropped: which address they would clear can't be told.
 */
export function alignAddresses(existing: FlatRecord, incoming: FlatRecord): FlatRecord {
  if (typeof incoming['id'] === 'number') return incoming;
  const groups = slotsOf(incoming);
  if (groups.size === 0 || [...groups.values()].every((group) => group.label === null)) return incoming;
  const record = slotsOf(existing);
  const occupied = (slot: number) => (record.get(slot)?.parts.size ?? 0) > 0;
  const target = new Map<number, number>();
  const taken = new Set<number>();
  for (const [group, address] of groups) {
    if (address.label === null && address.parts.size > 0) {
      target.set(group, group);
      taken.add(group);
    }
  }
  for (const [group, address] of groups) {
    if (address.label === null || address.parts.size === 0) continue;
    const free = (slot: number) => !taken.has(slot);
    const slots = ADDRESS_GROUPS.map((_, slot) => slot).filter(free);
    const same =
      slots.find((slot) => occupied(slot) && record.get(slot)?.label === address.label) ??
      slots.find((slot) => occupied(slot) && sameAddress(record.get(slot)!, address)) ??
      (free(group) && !occupied(group) ? group : undefined) ??
      slots.find((slot) => !occupied(slot));
    // No room left (ten addresses of other kinds): it goes nowhere rather than over another one.
    if (same === undefined) continue;
    target.set(group, same);
    taken.add(same);
  }
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
