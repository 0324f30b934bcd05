import type { AppContext } from '../../app-context';
import {
  createCompany,
  getCompany,
  restoreCompanies,
  trashCompanies,
  updateCompany,
} from '../../services/companies-service';
import { runBulk } from '../../services/bulk-service';
import { countCompanies, listCompaniesPage } from '../../services/lists/companies-list-service';
import type { HandlerMap } from '../registry';
import { announceChange, openDatabaseFor } from './open-database';

type CompaniesHandlers = Pick<
  HandlerMap,
  | 'companies:list'
  | 'companies:count'
  | 'companies:get'
  | 'companies:create'
  | 'companies:update'
  | 'companies:trash'
  | 'companies:restore'
  | 'companies:bulk'
>;

export function companiesHandlers(context: AppContext): CompaniesHandlers {
  // People show their company's name, so a company change is a people change too.
  const changed = <T>(value: T): T => {
    announceChange(context, 'companies', 'people');
    return value;
  };
  return {
    'companies:list': async (query) => {
      const { db, env } = openDatabaseFor(context);
      return { rows: await listCompaniesPage(db, query, env) };
    },
    'companies:count': async ({ filter }) => {
      const { db, env } = openDatabaseFor(context);
      return { count: await countCompanies(db, filter, env) };
    },
    'companies:get': ({ id }) => getCompany(openDatabaseFor(context).db, id),
    'companies:create': async (values) => {
      const { db, env } = openDatabaseFor(context);
      return changed(await createCompany(db, values, env));
    },
    'companies:update': async ({ id, version, values }) => {
      const { db, env } = openDatabaseFor(context);
      return changed(await updateCompany(db, id, version, values, env));
    },
    'companies:trash': async ({ ids }) => {
      const { db, env } = openDatabaseFor(context);
      return changed({ ids: await trashCompanies(db, ids, env) });
    },
    'companies:bulk': async (request) => {
      const { db, env } = openDatabaseFor(context);
      return changed(await runBulk(db, 'company', request, env));
    },
    'companies:restore': async ({ ids }) => {
      const { db, env } = openDatabaseFor(context);
      return changed({ ids: await restoreCompanies(db, ids, env) });
    },
  };
}
