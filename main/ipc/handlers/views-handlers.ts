import type { AppContext } from '../../app-context';
import { countViews, createView, deleteView, listViews, updateView } from '../../services/saved-views-service';
import type { HandlerMap } from '../registry';
import { announceChange, openDatabaseFor } from './open-database';

type ViewsHandlers = Pick<HandlerMap, 'views:list' | 'views:counts' | 'views:create' | 'views:update' | 'views:delete'>;

export function viewsHandlers(context: AppContext): ViewsHandlers {
  return {
    'views:list': ({ entity }) => listViews(openDatabaseFor(context).db, entity),
    'views:counts': ({ entity }) => {
      const { db, env } = openDatabaseFor(context);
      return countViews(db, entity, env);
    },
    'views:create': async (values) => {
      const { db, env } = openDatabaseFor(context);
      const view = await createView(db, values, env);
      announceChange(context, 'views');
      return view;
    },
    'views:update': async ({ id, version, values }) => {
      const { db, env } = openDatabaseFor(context);
      const view = await updateView(db, id, version, values, env);
      announceChange(context, 'views');
      return view;
    },
    'views:delete': async ({ id }) => {
      await deleteView(openDatabaseFor(context).db, id);
      announceChange(context, 'views');
      return null;
    },
  };
}
