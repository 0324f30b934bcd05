import type { Insertable, Selectable } from 'kysely';
import type { ActivitiesTable } from '../schema';
import type { Executor } from './executor';

export type ActivityRow = Selectable<ActivitiesTable> & { owner_name: string | null };
export type ActivityWrite = Omit<Insertable<ActivitiesTable>, 'id' | 'version' | 'created_at' | 'deleted_at'>;

export async function insertActivity(db: Executor, values: ActivityWrite, createdAt: string): Promise<number> {
  const row = await db
    .insertInto('activities')
    .values({ ...values, created_at: createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function selectActivities(db: Executor) {
  return db
    .selectFrom('activities')
    .leftJoin('users', 'users.id', 'activities.owner_id')
    .selectAll('activities')
    .select('users.display_name as owner_name')
    .where('activities.deleted_at', 'is', null);
}

export async function findActivity(db: Executor, id: number): Promise<ActivityRow | undefined> {
  return selectActivities(db).where('activities.id', '=', id).executeTakeFirst();
}

export type TimelineCursor = { occurredAt: string; id: number };

/**
 * One page of a timeline, newest first. Keyset paging on (occurred_at, id) walks the
 * (person_id, occurred_at DESC, id DESC) index, so page 20 costs what page 1 costs. A company's
 * timeline holds what was logged on its live people too (each person's index read, then sorted:
 * milliseconds for thousands of activities).
 */
export async function listTimeline(
  db: Executor,
  owner: { personId: number } | { companyId: number },
  limit: number,
  after: TimelineCursor | null,
): Promise<ActivityRow[]> {
  let query = selectActivities(db);
  query =
    'personId' in owner
      ? query.where('activities.person_id', '=', owner.personId)
      : query.where((eb) =>
          eb.or([
            eb('activities.company_id', '=', owner.companyId),
            eb(
              'activities.person_id',
              'in',
              eb
                .selectFrom('people')
                .select('people.id')
                .where('people.company_id', '=', owner.companyId)
                .where('people.deleted_at', 'is', null)
                .where('people.erased_at', 'is', null),
            ),
          ]),
        );
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('activities.occurred_at', '<', after.occurredAt),
        eb.and([eb('activities.occurred_at', '=', after.occurredAt), eb('activities.id', '<', after.id)]),
      ]),
    );
  }
  return query.orderBy('activities.occurred_at', 'desc').orderBy('activities.id', 'desc').limit(limit).execute();
}
