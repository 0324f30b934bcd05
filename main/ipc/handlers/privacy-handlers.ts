import type { AppContext } from '../../app-context';
import { erasePerson, exportPersonalData } from '../../services/privacy-service';
import type { HandlerMap } from '../registry';
import { announceChange, openDatabaseFor } from './open-database';

type PrivacyHandlers = Pick<HandlerMap, 'people:exportData' | 'people:erase'>;

export function privacyHandlers(context: AppContext): PrivacyHandlers {
  return {
    'people:exportData': ({ id, language }) => {
      const { db, env } = openDatabaseFor(context);
      return exportPersonalData(db, id, env, language);
    },
    'people:erase': async ({ id, confirmation }) => {
      const { db, env } = openDatabaseFor(context);
      await erasePerson(db, id, confirmation, env);
      announceChange(context, 'people', 'activities');
      return null;
    },
  };
}
