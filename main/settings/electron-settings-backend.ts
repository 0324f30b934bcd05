import ElectronStore from 'electron-store';
import type { SettingsBackend } from './settings-store';

/** The desktop app keeps settings in electron-store (userData/settings.json). */
export function createElectronSettingsBackend(): SettingsBackend {
  return new ElectronStore<Record<string, unknown>>({ name: 'settings' });
}
