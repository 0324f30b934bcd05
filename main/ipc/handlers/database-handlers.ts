import type { AppContext } from '../../app-context';
import type { HandlerMap } from '../registry';

type DatabaseHandlers = Pick<
  HandlerMap,
  | 'database:status'
  | 'database:create'
  | 'database:unlock'
  | 'database:unlockRemembered'
  | 'database:lock'
  | 'database:close'
  | 'database:info'
  | 'database:changePassphrase'
  | 'database:backup'
>;

export function databaseHandlers({ session }: AppContext): DatabaseHandlers {
  return {
    'database:status': () => session.status(),
    'database:create': (request) => session.create(request),
    'database:unlock': (request) => session.unlock(request),
    'database:unlockRemembered': ({ path }) => session.unlockRemembered(path),
    'database:lock': () => session.lock('user'),
    'database:close': () => session.close(),
    'database:info': () => session.info(),
    'database:changePassphrase': async (request) => {
      await session.changePassphrase(request);
      return null;
    },
    'database:backup': () => session.backup(),
  };
}
