/**
 * A consent the file decides without saying when or where (no date or source column): dated the
 * import's time and sourced from the file. Without it, a withdrawal kept the old grant's date and
 * source, and a new consent had none, as if it had always been so. A column the file has but
 * leaves empty says "no date" (our own export of an undated consent): it stands.
 */
import type { FlatRecord } from './flat-record';

const CONSENTS = ['contactConsent', 'marketingConsent'] as const;

export type ConsentStamp = { at: string; source: string };

/**
 * `flat` (what the row will write) with the date and source of each consent the row decides,
 * where the file has no column for them; a decision the record has already keeps the record's date.
 */
export function stampConsents(
  flat: FlatRecord,
  row: FlatRecord,
  before: FlatRecord | null,
  stamp: ConsentStamp,
): FlatRecord {
  let stamped = flat;
  for (const field of CONSENTS) {
    const granted = row[field];
    if (typeof granted !== 'boolean' || (before !== null && before[field] === granted)) continue;
    const at = `${field}At`;
    const source = `${field}Source`;
    stamped = {
      ...stamped,
      ...(at in row ? {} : { [at]: stamp.at }),
      ...(source in row ? {} : { [source]: stamp.source }),
    };
  }
  return stamped;
}
