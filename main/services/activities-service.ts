import { AppError } from '../../shared/errors';
import { ActivityInput, type Activity, type ActivityValues } from '../../shared/domain/activities';
import type { TimelinePage } from '../../shared/domain/timeline';
import type { AppDb } from '../db/kysely';
import type { Executor } from '../db/repositories/executor';
import {
  findActivity,
  insertActivity,
  listTimeline,
  type ActivityRow,
  type ActivityWrite,
} from '../db/repositories/activities';
import { moveToTrash, updateVersioned } from '../db/repositories/versioned';
import type { ServiceEnv } from './service-env';

function toRow(values: ActivityValues, updatedAt: string): ActivityWrite {
  return {
    kind: values.kind,
    occurred_at: new Date(values.occurredAt).toISOString(),
    duration_minutes: values.durationMinutes,
    direction: values.direction,
    outcome: values.outcome,
    subject: values.subject,
    body: values.body,
    person_id: values.personId,
    company_id: values.companyId,
    // No owner in the form: an edit keeps the stored one (the seed and later imports set it).
    updated_at: updatedAt,
  };
}

function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    durationMinutes: row.duration_minutes,
    direction: row.direction,
    outcome: row.outcome,
    subject: row.subject,
    body: row.body,
    personId: row.person_id,
    companyId: row.company_id,
    owner: row.owner_id === null || row.owner_name === null ? null : { id: row.owner_id, name: row.owner_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

async function getActivity(db: Executor, id: number): Promise<Activity> {
  const row = await findActivity(db, id);
  if (!row) throw new AppError('NotFound', 'The activity does not exist', { id });
  return toActivity(row);
}

/**
 * The person and company an activity is logged on must be live; on an edit, one it is linked to
 * already may be in the trash (a call with a person and their company stays editable on the
 * person's timeline when the company is trashed).
 */
async function checkSubjects(
  db: Executor,
  values: ActivityValues,
  linked: { personId: number | null; companyId: number | null } = { personId: null, companyId: null },
): Promise<void> {
  if (values.personId !== null && values.personId !== linked.personId) {
    const person = await db
      .selectFrom('people')
      .select('id')
      .where('id', '=', values.personId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!person) throw new AppError('NotFound', 'The person does not exist', { personId: values.personId });
  }
  if (values.companyId !== null && values.companyId !== linked.companyId) {
    const company = await db
      .selectFrom('companies')
      .select('id')
      .where('id', '=', values.companyId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!company) throw new AppError('NotFound', 'The company does not exist', { companyId: values.companyId });
  }
}

export async function logActivity(db: AppDb, input: ActivityInput, env: ServiceEnv): Promise<Activity> {
  const values = ActivityInput.parse(input);
  return db.transaction().execute(async (trx) => {
    await checkSubjects(trx, values);
    const now = env.now().toISOString();
    return getActivity(trx, await insertActivity(trx, toRow(values, now), now));
  });
}

export async function updateActivity(
  db: AppDb,
  id: number,
  version: number,
  input: ActivityInput,
  env: ServiceEnv,
): Promise<Activity> {
  const values = ActivityInput.parse(input);
  return db.transaction().execute(async (trx) => {
    const linked = await trx
      .selectFrom('activities')
      .select(['person_id as personId', 'company_id as companyId'])
      .where('id', '=', id)
      .executeTakeFirst();
    await checkSubjects(trx, values, linked);
    const outcome = await updateVersioned(trx, 'activities', id, version, toRow(values, env.now().toISOString()));
    if (outcome === 'missing') throw new AppError('NotFound', 'The activity does not exist', { id });
    if (outcome === 'conflict') throw new AppError('Conflict', 'The activity was changed elsewhere', { id });
    return getActivity(trx, id);
  });
}

export async function deleteActivity(db: AppDb, id: number, env: ServiceEnv): Promise<void> {
  const now = env.now().toISOString();
  const changed = await moveToTrash(db, 'activities', [id], now);
  if (changed.length === 0) throw new AppError('NotFound', 'The activity does not exist', { id });
}

export async function timeline(
  db: Executor,
  owner: { personId: number } | { companyId: number },
  limit: number,
  cursor: { occurredAt: string; id: number } | null,
): Promise<TimelinePage> {
  // One extra row tells whether there is a next page without counting.
  const rows = await listTimeline(db, owner, limit + 1, cursor);
  const page = rows.slice(0, limit).map(toActivity);
  const last = page.at(-1);
  const personIds = 'companyId' in owner ? [...new Set(page.flatMap((item) => item.personId ?? []))] : [];
  const people =
    personIds.length === 0
      ? []
      : await db.selectFrom('people').select(['id', 'display_name']).where('id', 'in', personIds).execute();
  return {
    activities: page,
    nextCursor: rows.length > limit && last ? { occurredAt: last.occurredAt, id: last.id } : null,
    people: people.map((person) => ({ id: person.id, name: person.display_name })),
  };
}
