import type { AppContext } from '../../app-context';
import type { HandlerMap } from '../registry';

type SettingsHandlers = Pick<HandlerMap, 'settings:get' | 'settings:update' | 'settings:forgetRecent'>;

export function settingsHandlers({ environment }: AppContext): SettingsHandlers {
  const { settings } = environment;
  return {
    'settings:get': () => settings.toPublic(),
    'settings:update': (patch) => {
      settings.applyPatch(patch);
      return settings.toPublic();
    },
    'settings:forgetRecent': ({ path }) => {
      settings.forgetRecent(path);
      return settings.toPublic();
    },
  };
}
