import type { AppContext } from '../../app-context';
import { findDuplicates, mergeExactDuplicates } from '../../services/duplicates-service';
import { listMerges, mergeCompanies, mergePeople, unmergeCompanies, unmergePeople } from '../../services/merge-service';
import type { HandlerMap } from '../registry';
import { announceChange, openDatabaseFor } from './open-database';

type MergeHandlers = Pick<
  HandlerMap,
  | 'people:merge'
  | 'people:unmerge'
  | 'people:merges'
  | 'companies:merge'
  | 'companies:unmerge'
  | 'companies:merges'
  | 'duplicates:find'
  | 'duplicates:mergeExact'
>;

/** What a merge of each entity changes: a company merge moves people too. */
const touched = { person: ['people', 'activities'], company: ['companies', 'people', 'activities'] } as const;

export function mergeHandlers(context: AppContext): MergeHandlers {
  const changed = <T>(entity: keyof typeof touched, value: T): T => {
    announceChange(context, ...touched[entity]);
    return value;
  };
  return {
    'people:merge': async (request) => {
      const { db, env } = openDatabaseFor(context);
      return changed('person', await mergePeople(db, request, env));
    },
    'people:unmerge': async ({ mergeId, force }) => {
      const { db, env } = openDatabaseFor(context);
      return changed('person', await unmergePeople(db, mergeId, force, env));
    },
    'people:merges': ({ personId }) => listMerges(openDatabaseFor(context).db, 'person', personId),
    'companies:merge': async (request) => {
      const { db, env } = openDatabaseFor(context);
      return changed('company', await mergeCompanies(db, request, env));
    },
    'companies:unmerge': async ({ mergeId, force }) => {
      const { db, env } = openDatabaseFor(context);
      return changed('company', await unmergeCompanies(db, mergeId, force, env));
    },
    'companies:merges': ({ companyId }) => listMerges(openDatabaseFor(context).db, 'company', companyId),
    'duplicates:find': async (query) => {
      const { db, env } = openDatabaseFor(context);
      return { groups: await findDuplicates(db, query, env) };
    },
    'duplicates:mergeExact': async (request) => {
      const { db, env } = openDatabaseFor(context);
      const merged = await mergeExactDuplicates(db, request, env);
      return changed(request.entity, { merged });
    },
  };
}
