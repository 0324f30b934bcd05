import type { AppContext } from '../../app-context';
import type { HandlerMap } from '../registry';
import { activitiesHandlers } from './activities-handlers';
import { appHandlers } from './app-handlers';
import { companiesHandlers } from './companies-handlers';
import { databaseHandlers } from './database-handlers';
import { importHandlers } from './import-handlers';
import { peopleHandlers } from './people-handlers';
import { referenceHandlers } from './reference-handlers';
import { mergeHandlers } from './merge-handlers';
import { privacyHandlers } from './privacy-handlers';
import { settingsHandlers } from './settings-handlers';
import { viewsHandlers } from './views-handlers';

/** Every domain's handlers in one map; the type makes a missing channel a compile error. */
export function createHandlers(context: AppContext): HandlerMap {
  return {
    ...appHandlers(context),
    ...settingsHandlers(context),
    ...databaseHandlers(context),
    ...peopleHandlers(context),
    ...companiesHandlers(context),
    ...activitiesHandlers(context),
    ...referenceHandlers(context),
    ...viewsHandlers(context),
    ...privacyHandlers(context),
    ...mergeHandlers(context),
    ...importHandlers(context),
  };
}
