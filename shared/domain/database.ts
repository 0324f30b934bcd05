import { z } from 'zod';
import { MIN_PASSPHRASE_LENGTH } from '../constants';

/** Length is checked by the service too, so the CLI gets the same rule; here it only bounds the input. */
export const Passphrase = z.string().min(1).max(1024);

export const FilePath = z.string().trim().min(1).max(4096);

export const DatabaseStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('closed') }),
  z.object({ state: z.literal('locked'), path: z.string(), name: z.string(), remembered: z.boolean() }),
  z.object({ state: z.literal('open'), path: z.string(), name: z.string() }),
]);
export type DatabaseStatus = z.infer<typeof DatabaseStatus>;

export const CipherSettings = z.object({
  cipher: z.string(),
  legacy: z.number().int(),
  kdfIterations: z.number().int(),
  pageSize: z.number().int(),
});
export type CipherSettings = z.infer<typeof CipherSettings>;

export const DatabaseInfo = z.object({
  path: z.string(),
  name: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  schemaVersion: z.number().int().nonnegative(),
  latestSchemaVersion: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  cipher: CipherSettings,
  journalMode: z.string(),
});
export type DatabaseInfo = z.infer<typeof DatabaseInfo>;

export const CreateDatabaseRequest = z.object({
  path: FilePath,
  name: z.string().trim().min(1).max(200),
  passphrase: Passphrase,
  remember: z.boolean().default(false),
});
export type CreateDatabaseRequest = z.input<typeof CreateDatabaseRequest>;

export const UnlockDatabaseRequest = z.object({
  path: FilePath,
  passphrase: Passphrase,
  remember: z.boolean().default(false),
});
export type UnlockDatabaseRequest = z.input<typeof UnlockDatabaseRequest>;

export const ChangePassphraseRequest = z.object({
  currentPassphrase: Passphrase,
  newPassphrase: Passphrase,
});
export type ChangePassphraseRequest = z.infer<typeof ChangePassphraseRequest>;

export const BackupResult = z.object({ path: z.string(), sizeBytes: z.number().int().nonnegative() });
export type BackupResult = z.infer<typeof BackupResult>;

export const passphraseRules = { minLength: MIN_PASSPHRASE_LENGTH } as const;
