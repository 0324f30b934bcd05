import type { AppContext } from '../../app-context';
import type { HandlerMap } from '../registry';
import { appHandlers } from './app-handlers';
import { databaseHandlers } from './database-handlers';
import { settingsHandlers } from './settings-handlers';

/** Every domain's handlers in one map; the type makes a missing channel a compile error. */
export function createHandlers(context: AppContext): HandlerMap {
  return {
    ...appHandlers(context),
    ...settingsHandlers(context),
    ...databaseHandlers(context),
  };
}
