import type { Executor } from './executor';
import { contactPointKeys } from '../contact-point-keys';

export type ContactOwner = { personId: number } | { companyId: number };
export type ContactPointValue = { kind: 'phone' | 'email'; label: string; value: string; valid: boolean };
export type StoredContactPoint = ContactPointValue & { id: number; position: number };

function ownerColumns(owner: ContactOwner) {
  return 'personId' in owner
    ? { person_id: owner.personId, company_id: null }
    : { person_id: null, company_id: owner.companyId };
}

/** Replaces all phones and e-mails of one person or company, keeping the given order. */
export async function replaceContactPoints(
  db: Executor,
  owner: ContactOwner,
  points: ContactPointValue[],
): Promise<void> {
  await deleteContactPoints(db, owner);
  if (points.length === 0) return;
  await db
    .insertInto('contact_points')
    .values(
      points.map((point, position) => ({
        ...ownerColumns(owner),
        kind: point.kind,
        label: point.label,
        value: point.value,
        is_valid: point.valid ? 1 : 0,
        position,
        ...contactPointKeys(point.kind, point.value),
      })),
    )
    .execute();
}

export async function deleteContactPoints(db: Executor, owner: ContactOwner): Promise<void> {
  const query = db.deleteFrom('contact_points');
  await (
    'personId' in owner
      ? query.where('person_id', '=', owner.personId)
      : query.where('company_id', '=', owner.companyId)
  ).execute();
}

export async function listContactPoints(db: Executor, owner: ContactOwner): Promise<StoredContactPoint[]> {
  const query = db.selectFrom('contact_points').select(['id', 'kind', 'label', 'value', 'is_valid', 'position']);
  const rows = await (
    'personId' in owner
      ? query.where('person_id', '=', owner.personId)
      : query.where('company_id', '=', owner.companyId)
  )
    .orderBy('kind')
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    label: row.label,
    value: row.value,
    valid: row.is_valid === 1,
    position: row.position,
  }));
}

export type ContactPointMatch = {
  personId: number | null;
  companyId: number | null;
  kind: 'phone' | 'email';
  value: string;
};

/** Keys starting with `prefix`, or (`reversed_key`) keys ending with the reversed `prefix`. */
export type ContactKeyLookup = { column: 'search_key' | 'reversed_key'; prefix: string };

/**
 * Phones or e-mails found by the lookups, each a range scan on an index, in the order given: the
 * first ones fill the `limit` before the later ones are run.
 */
export async function findContactPointsByKey(
  db: Executor,
  kind: 'phone' | 'email',
  lookups: readonly ContactKeyLookup[],
  limit: number,
): Promise<ContactPointMatch[]> {
  const matches: ContactPointMatch[] = [];
  const seen = new Set<number>();
  for (const { column, prefix } of lookups) {
    if (matches.length >= limit) break;
    const rows = await db
      .selectFrom('contact_points')
      .select(['id', 'person_id', 'company_id', 'kind', 'value'])
      .where('kind', '=', kind)
      .where(column, '>=', prefix)
      // U+FFFF sorts after every character a key can hold, so this is "starts with".
      .where(column, '<', `${prefix}\uffff`)
      .limit(limit)
      .execute();
    for (const row of rows) {
      if (seen.has(row.id) || matches.length >= limit) continue;
      seen.add(row.id);
      matches.push({ personId: row.person_id, companyId: row.company_id, kind: row.kind, value: row.value });
    }
  }
  return matches;
}
