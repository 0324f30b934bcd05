import type { AppContext } from '../../app-context';
import { listAllTags } from '../../db/repositories/tags';
import {
  archiveCustomField,
  createCustomField,
  listCustomFields,
  updateCustomField,
  viewsUsingCustomField,
} from '../../services/custom-fields-service';
import { search } from '../../services/search-service';
import { createUser, listUsers } from '../../services/users-service';
import type { HandlerMap } from '../registry';
import { announceChange, openDatabaseFor } from './open-database';

type ReferenceHandlers = Pick<
  HandlerMap,
  | 'search:query'
  | 'users:list'
  | 'users:create'
  | 'tags:list'
  | 'customFields:list'
  | 'customFields:create'
  | 'customFields:update'
  | 'customFields:archive'
  | 'customFields:viewsUsing'
>;

/** Search and the lists records refer to: owners, tags, custom field definitions. */
export function referenceHandlers(context: AppContext): ReferenceHandlers {
  return {
    'search:query': async ({ query, limit, types }) => {
      const { db, env } = openDatabaseFor(context);
      const started = performance.now();
      const hits = await search(db, query, { limit, types, defaultCountry: env.defaultCountry });
      return { hits, elapsedMs: performance.now() - started };
    },
    'users:list': () => listUsers(openDatabaseFor(context).db),
    'users:create': async (values) => {
      const { db, env } = openDatabaseFor(context);
      const user = await createUser(db, values, env);
      announceChange(context, 'users');
      return user;
    },
    'tags:list': () => listAllTags(openDatabaseFor(context).db),
    'customFields:list': ({ entity }) => listCustomFields(openDatabaseFor(context).db, entity),
    'customFields:create': async (values) => {
      const { db, env } = openDatabaseFor(context);
      const field = await createCustomField(db, values, env);
      announceChange(context, 'customFields');
      return field;
    },
    'customFields:update': async ({ id, label, options }) => {
      const field = await updateCustomField(openDatabaseFor(context).db, id, label, options);
      announceChange(context, 'customFields', 'people', 'companies');
      return field;
    },
    'customFields:archive': async ({ id }) => {
      const { db, env } = openDatabaseFor(context);
      const changedViews = await archiveCustomField(db, id, env);
      announceChange(
        context,
        'customFields',
        'people',
        'companies',
        ...(changedViews.length > 0 ? ['views' as const] : []),
      );
      return null;
    },
    'customFields:viewsUsing': ({ id }) => viewsUsingCustomField(openDatabaseFor(context).db, id),
  };
}
