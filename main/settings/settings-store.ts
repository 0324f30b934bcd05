import Conf from 'conf';
import { MAX_RECENT_DATABASES } from '../../shared/constants';
import { StoredSettings, type Settings, type SettingsPatch } from '../../shared/domain/settings';

/** The part of conf / electron-store this module uses: the whole document at once. */
export type SettingsBackend = { store: Record<string, unknown> };

/**
 * Settings validated by one zod schema on every read and write. Invalid or unknown values in
 * the file fall back to defaults instead of crashing the app at start.
 */
export class SettingsStore {
  readonly #backend: SettingsBackend;

  constructor(backend: SettingsBackend) {
    this.#backend = backend;
  }

  read(): StoredSettings {
    const parsed = StoredSettings.safeParse(this.#backend.store);
    if (parsed.success) return parsed.data;
    // Keep the fields that are valid on their own; default the rest.
    const repaired: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this.#backend.store)) {
      // Own keys only: `constructor` or `__proto__` in a hand-edited file must not reach the prototype.
      if (!Object.hasOwn(StoredSettings.shape, key)) continue;
      const field = StoredSettings.shape[key as keyof StoredSettings];
      if (field.safeParse(value).success) repaired[key] = value;
    }
    return StoredSettings.parse(repaired);
  }

  #write(next: StoredSettings): StoredSettings {
    const valid = StoredSettings.parse(next);
    this.#backend.store = valid;
    return valid;
  }

  update(patch: Partial<StoredSettings>): StoredSettings {
    return this.#write({ ...this.read(), ...patch });
  }

  applyPatch(patch: SettingsPatch): StoredSettings {
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    return this.update(defined);
  }

  recordRecent(path: string, name: string, openedAt: Date): StoredSettings {
    const current = this.read();
    const others = current.recentDatabases.filter((entry) => entry.path !== path);
    const recentDatabases = [{ path, name, openedAt: openedAt.toISOString() }, ...others].slice(
      0,
      MAX_RECENT_DATABASES,
    );
    return this.update({ recentDatabases });
  }

  forgetRecent(path: string): StoredSettings {
    const current = this.read();
    const { [path]: _forgotten, ...wrappedPassphrases } = current.wrappedPassphrases;
    return this.update({
      recentDatabases: current.recentDatabases.filter((entry) => entry.path !== path),
      wrappedPassphrases,
    });
  }

  setWrappedPassphrase(path: string, wrapped: string | null): StoredSettings {
    const { [path]: _previous, ...others } = this.read().wrappedPassphrases;
    return this.update({ wrappedPassphrases: wrapped === null ? others : { ...others, [path]: wrapped } });
  }

  /** The renderer's view: no secrets, no window geometry. */
  toPublic(): Settings {
    const stored = this.read();
    return {
      language: stored.language,
      theme: stored.theme,
      backupFolder: stored.backupFolder,
      autoLockMinutes: stored.autoLockMinutes,
      defaultCountry: stored.defaultCountry,
      recentDatabases: stored.recentDatabases.map((entry) => ({
        ...entry,
        remembered: entry.path in stored.wrappedPassphrases,
      })),
    };
  }
}

/** A settings file in `folder`: what Node tests, the CLI and the browser host use. */
export function createFileSettingsStore(folder: string): SettingsStore {
  // A settings file that is not even JSON is replaced by defaults rather than stopping the app.
  const conf = new Conf<Record<string, unknown>>({ cwd: folder, configName: 'settings', clearInvalidConfig: true });
  return new SettingsStore(conf);
}
