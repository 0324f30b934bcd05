import { AppError } from '../../../shared/errors';
import { APP_VERSION } from '../../app-version';
import type { AppContext } from '../../app-context';
import type { HandlerMap } from '../registry';

type AppHandlers = Pick<
  HandlerMap,
  | 'app:info'
  | 'app:reportActivity'
  | 'dialogs:chooseNewDatabasePath'
  | 'dialogs:chooseExistingDatabase'
  | 'dialogs:chooseFolder'
  | 'dialogs:chooseImportFile'
  | 'dialogs:chooseExportPath'
>;

export function appHandlers(context: AppContext): AppHandlers {
  const { environment } = context;
  const dialogs = () => {
    if (environment.dialogs === null) throw new AppError('NotSupported', 'File dialogs exist only in the desktop app');
    return environment.dialogs;
  };
  return {
    'app:info': () => ({
      version: APP_VERSION,
      host: environment.kind,
      platform: environment.platform,
      nativeDialogs: environment.dialogs !== null,
      canRememberPassphrase: environment.vault.available,
      defaultDatabaseFolder: environment.defaultDatabaseFolder,
    }),
    // Activity is recorded by the dispatcher for every call; this channel exists for idle input.
    'app:reportActivity': () => null,
    'dialogs:chooseNewDatabasePath': async ({ suggestedName }) => ({
      path: await dialogs().chooseNewDatabasePath(suggestedName),
    }),
    'dialogs:chooseExistingDatabase': async () => ({ path: await dialogs().chooseExistingDatabase() }),
    'dialogs:chooseFolder': async () => ({ path: await dialogs().chooseFolder() }),
    'dialogs:chooseImportFile': async () => ({ path: await dialogs().chooseImportFile() }),
    'dialogs:chooseExportPath': async ({ suggestedName, extension }) => ({
      path: await dialogs().chooseExportPath(suggestedName, extension),
    }),
  };
}
