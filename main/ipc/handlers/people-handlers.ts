import type { AppContext } from '../../app-context';
import { createPerson, getPerson, restorePeople, trashPeople, updatePerson } from '../../services/people-service';
import { runBulk } from '../../services/bulk-service';
import { countPeople, listPeoplePage } from '../../services/lists/people-list-service';
import type { HandlerMap } from '../registry';
import { announceChange, openDatabaseFor } from './open-database';

type PeopleHandlers = Pick<
  HandlerMap,
  | 'people:list'
  | 'people:count'
  | 'people:get'
  | 'people:create'
  | 'people:update'
  | 'people:trash'
  | 'people:restore'
  | 'people:bulk'
>;

export function peopleHandlers(context: AppContext): PeopleHandlers {
  const changed = <T>(value: T): T => {
    announceChange(context, 'people');
    return value;
  };
  return {
    'people:list': async (query) => {
      const { db, env } = openDatabaseFor(context);
      return { rows: await listPeoplePage(db, query, env) };
    },
    'people:count': async ({ filter }) => {
      const { db, env } = openDatabaseFor(context);
      return { count: await countPeople(db, filter, env) };
    },
    'people:get': ({ id }) => getPerson(openDatabaseFor(context).db, id),
    'people:create': async (values) => {
      const { db, env } = openDatabaseFor(context);
      return changed(await createPerson(db, values, env));
    },
    'people:update': async ({ id, version, values }) => {
      const { db, env } = openDatabaseFor(context);
      return changed(await updatePerson(db, id, version, values, env));
    },
    'people:trash': async ({ ids }) => {
      const { db, env } = openDatabaseFor(context);
      return changed({ ids: await trashPeople(db, ids, env) });
    },
    'people:bulk': async (request) => {
      const { db, env } = openDatabaseFor(context);
      return changed(await runBulk(db, 'person', request, env));
    },
    'people:restore': async ({ ids }) => {
      const { db, env } = openDatabaseFor(context);
      return changed({ ids: await restorePeople(db, ids, env) });
    },
  };
}
