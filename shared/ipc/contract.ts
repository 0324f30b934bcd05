import { z } from 'zod';
import type { Channel } from './channels';
import {
  BackupResult,
  ChangePassphraseRequest,
  CreateDatabaseRequest,
  DatabaseInfo,
  DatabaseStatus,
  FilePath,
  UnlockDatabaseRequest,
} from '../domain/database';
import { Settings, SettingsPatch } from '../domain/settings';

const Empty = z.object({}).strict();
const Done = z.null();
const PickedPath = z.object({ path: z.string().nullable() });

export const HostKind = z.enum(['electron', 'browser']);
export type HostKind = z.infer<typeof HostKind>;

export const AppInfo = z.object({
  version: z.string(),
  host: HostKind,
  platform: z.string(),
  /** False in the browser host: the renderer then asks for a path in a text field. */
  nativeDialogs: z.boolean(),
  /** True only where the OS keychain really protects the secret (never Linux `basic_text`). */
  canRememberPassphrase: z.boolean(),
  defaultDatabaseFolder: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Every request channel with its input and output schema: the one API of the app. */
export const contract = {
  'app:info': { input: Empty, output: AppInfo },
  'app:reportActivity': { input: Empty, output: Done },
  'settings:get': { input: Empty, output: Settings },
  'settings:update': { input: SettingsPatch, output: Settings },
  'settings:forgetRecent': { input: z.object({ path: FilePath }), output: Settings },
  'database:status': { input: Empty, output: DatabaseStatus },
  'database:create': { input: CreateDatabaseRequest, output: DatabaseStatus },
  'database:unlock': { input: UnlockDatabaseRequest, output: DatabaseStatus },
  'database:unlockRemembered': { input: z.object({ path: FilePath }), output: DatabaseStatus },
  'database:lock': { input: Empty, output: DatabaseStatus },
  'database:close': { input: Empty, output: DatabaseStatus },
  'database:info': { input: Empty, output: DatabaseInfo },
  'database:changePassphrase': { input: ChangePassphraseRequest, output: Done },
  'database:backup': { input: Empty, output: BackupResult },
  'dialogs:chooseNewDatabasePath': { input: z.object({ suggestedName: z.string() }), output: PickedPath },
  'dialogs:chooseExistingDatabase': { input: Empty, output: PickedPath },
  'dialogs:chooseFolder': { input: Empty, output: PickedPath },
} as const satisfies { [C in Channel]: { input: z.ZodType; output: z.ZodType } };

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
