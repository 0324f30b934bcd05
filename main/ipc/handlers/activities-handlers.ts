import type { AppContext } from '../../app-context';
import { deleteActivity, logActivity, timeline, updateActivity } from '../../services/activities-service';
import type { HandlerMap } from '../registry';
import { announceChange, openDatabaseFor } from './open-database';

type ActivitiesHandlers = Pick<
  HandlerMap,
  'activities:log' | 'activities:update' | 'activities:delete' | 'activities:timeline'
>;

export function activitiesHandlers(context: AppContext): ActivitiesHandlers {
  return {
    'activities:log': async (values) => {
      const { db, env } = openDatabaseFor(context);
      const activity = await logActivity(db, values, env);
      announceChange(context, 'activities');
      return activity;
    },
    'activities:update': async ({ id, version, values }) => {
      const { db, env } = openDatabaseFor(context);
      const activity = await updateActivity(db, id, version, values, env);
      announceChange(context, 'activities');
      return activity;
    },
    'activities:delete': async ({ id }) => {
      const { db, env } = openDatabaseFor(context);
      await deleteActivity(db, id, env);
      announceChange(context, 'activities');
      return null;
    },
    'activities:timeline': ({ personId, companyId, limit, cursor }) => {
      const owner = personId !== undefined ? { personId } : { companyId: companyId! };
      return timeline(openDatabaseFor(context).db, owner, limit, cursor);
    },
  };
}
