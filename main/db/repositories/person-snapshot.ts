import type { Selectable } from 'kysely';
import type {
  AddressesTable,
  ContactPointsTable,
  PeopleTable,
  PersonCustomValuesTable,
  PersonTagsTable,
} from '../schema';
import type { Executor } from './executor';

/** A person's own row and every side-table row, exactly as stored. */
export type PersonSnapshot = {
  row: Selectable<PeopleTable>;
  contactPoints: Array<Selectable<ContactPointsTable>>;
  addresses: Array<Selectable<AddressesTable>>;
  tags: Array<Selectable<PersonTagsTable>>;
  customValues: Array<Selectable<PersonCustomValuesTable>>;
};

export async function takePersonSnapshot(db: Executor, id: number): Promise<PersonSnapshot | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [contactPoints, addresses, tags, customValues] = await Promise.all([
    db.selectFrom('contact_points').selectAll().where('person_id', '=', id).orderBy('id').execute(),
    db.selectFrom('addresses').selectAll().where('person_id', '=', id).orderBy('id').execute(),
    db.selectFrom('person_tags').selectAll().where('person_id', '=', id).execute(),
    db.selectFrom('person_custom_values').selectAll().where('person_id', '=', id).execute(),
  ]);
  return { row, contactPoints, addresses, tags, customValues };
}

/**
 * Puts a person back as the snapshot had them, rows and ids included. The version moves
 * forward (never back), so an edit based on the pre-restore state is still seen as stale.
 */
export async function restorePersonSnapshot(db: Executor, snapshot: PersonSnapshot): Promise<void> {
  const { id, version: _version, ...columns } = snapshot.row;
  await db
    .updateTable('people')
    .set((eb) => ({ ...columns, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('contact_points').where('person_id', '=', id).execute();
  await db.deleteFrom('addresses').where('person_id', '=', id).execute();
  await db.deleteFrom('person_tags').where('person_id', '=', id).execute();
  await db.deleteFrom('person_custom_values').where('person_id', '=', id).execute();
  if (snapshot.contactPoints.length > 0) await db.insertInto('contact_points').values(snapshot.contactPoints).execute();
  if (snapshot.addresses.length > 0) await db.insertInto('addresses').values(snapshot.addresses).execute();
  if (snapshot.tags.length > 0) await db.insertInto('person_tags').values(snapshot.tags).execute();
  if (snapshot.customValues.length > 0)
    await db.insertInto('person_custom_values').values(snapshot.customValues).execute();
}
