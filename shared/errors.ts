import { z } from 'zod';

/**
 * Every failure that crosses the bridge carries one of these codes; the renderer
 * translates them (`errors.<code>` in the i18n files), the CLI prints `message`.
 */
export const errorCodes = [
  'InvalidInput',
  'WrongPassphrase',
  'PassphraseTooShort',
  'NotEncrypted',
  'FileNotFound',
  'FileExists',
  'FileNotAccessible',
  'DatabaseNotOpen',
  'NotFound',
  'Conflict',
  'DatabaseFromNewerVersion',
  'DatabaseBusy',
  'DatabaseCorrupt',
  'DiskFull',
  'MigrationFailed',
  'NotSupported',
  'Cancelled',
  'Unauthorized',
  'Internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const AppErrorJson = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorJson = z.infer<typeof AppErrorJson>;

/** An expected failure with a code the UI can translate. Plain data on the wire. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toJSON(): AppErrorJson {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromJSON(json: AppErrorJson): AppError {
    return new AppError(json.code, json.message, json.details);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
