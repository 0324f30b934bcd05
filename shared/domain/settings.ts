import { z } from 'zod';
import { isPhoneCountry } from '../text/phone';

export const languages = ['ru', 'en'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

export const Theme = z.enum(['light', 'dark', 'auto']);
export type Theme = z.infer<typeof Theme>;

export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export const RecentDatabase = z.object({
  path: z.string().min(1),
  name: z.string(),
  openedAt: z.iso.datetime(),
});
export type RecentDatabase = z.infer<typeof RecentDatabase>;

/** ISO 3166-1 alpha-2 country used to read national phone numbers ("8 916 …" in RU): one the phone library knows. */
export const CountryCode = z.string().refine(isPhoneCountry, 'Not a country code the phone library knows, like RU');

/** Where national numbers are read when no setting or option says otherwise. */
export const DEFAULT_COUNTRY = 'RU';

/** 0 means "never lock automatically". */
export const AutoLockMinutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);

/** Everything persisted in the settings file. Unknown or invalid values fall back to defaults. */
export const StoredSettings = z.object({
  language: Language.default('ru'),
  theme: Theme.default('auto'),
  recentDatabases: z.array(RecentDatabase).default([]),
  windowBounds: WindowBounds.nullable().default(null),
  backupFolder: z.string().nullable().default(null),
  autoLockMinutes: AutoLockMinutes.default(15),
  defaultCountry: CountryCode.default(DEFAULT_COUNTRY),
  /** Passphrases wrapped by the OS keychain (Electron safeStorage), base64, keyed by file path. */
  wrappedPassphrases: z.record(z.string(), z.string()).default({}),
});
export type StoredSettings = z.infer<typeof StoredSettings>;

/** What the renderer sees: never the wrapped secrets nor window geometry. */
export const Settings = z.object({
  language: Language,
  theme: Theme,
  recentDatabases: z.array(RecentDatabase.extend({ remembered: z.boolean() })),
  backupFolder: z.string().nullable(),
  autoLockMinutes: AutoLockMinutes,
  defaultCountry: CountryCode,
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = z
  .object({
    language: Language,
    theme: Theme,
    backupFolder: z.string().min(1).nullable(),
    autoLockMinutes: AutoLockMinutes,
    defaultCountry: CountryCode,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
