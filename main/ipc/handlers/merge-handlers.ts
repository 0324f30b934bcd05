import type { AppContext } from '../../app-context';
import { findDuplicates, mergeExactDuplicates } from '../../services/duplicates-service';
import { listMerges, mergePeople, unmergePeople } from '../../services/merge-service';
import type { HandlerMap } from '../registry';
import { announceChange, openDatabaseFor } from './open-database';

type MergeHandlers = Pick<
  HandlerMap,
  'people:merge' | 'people:unmerge' | 'people:merges' | 'duplicates:find' | 'duplicates:mergeExact'
>;

export function mergeHandlers(context: AppContext): MergeHandlers {
  return {
    'people:merge': async (request) => {
      const { db, env } = openDatabaseFor(context);
      const result = await mergePeople(db, request, env);
      announceChange(context, 'people', 'activities');
      return result;
    },
    'people:unmerge': async ({ mergeId, force }) => {
      const { db, env } = openDatabaseFor(context);
      const person = await unmergePeople(db, mergeId, force, env);
      announceChange(context, 'people', 'activities');
      return person;
    },
    'people:merges': ({ personId }) => listMerges(openDatabaseFor(context).db, personId),
    'duplicates:find': async (query) => {
      const { db, env } = openDatabaseFor(context);
      return { groups: await findDuplicates(db, query, env) };
    },
    'duplicates:mergeExact': async ({ reasons }) => {
      const { db, env } = openDatabaseFor(context);
      const merged = await mergeExactDuplicates(db, reasons, env);
      announceChange(context, 'people', 'activities');
      return { merged };
    },
  };
}
