import { AppError } from '../../shared/errors';

type SqliteLikeError = { code?: unknown; message?: unknown };

/** Turns driver errors into the app's codes; unknown errors pass through to become `Internal`. */
export function toAppError(error: unknown, context: { path?: string } = {}): unknown {
  if (error instanceof AppError) return error;
  const code = typeof (error as SqliteLikeError)?.code === 'string' ? (error as SqliteLikeError).code : '';
  const details = context.path === undefined ? undefined : { path: context.path };
  switch (code) {
    case 'SQLITE_NOTADB':
      return new AppError('WrongPassphrase', 'Wrong passphrase, or the file is not a Kartoteka database', details);
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new AppError('DatabaseBusy', 'The database is busy on another computer; try again', details);
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
    case 'SQLITE_READONLY':
    case 'SQLITE_AUTH':
      return new AppError('FileNotAccessible', 'The database file cannot be opened for writing', details);
    case 'SQLITE_CORRUPT':
      return new AppError('DatabaseCorrupt', 'The database file is damaged', details);
    case 'SQLITE_FULL':
      return new AppError('DiskFull', 'The disk is full', details);
    case 'ENOENT':
      return new AppError('FileNotFound', 'The database file does not exist', details);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('FileNotAccessible', 'The database file cannot be opened for writing', details);
    case 'ENOSPC':
      return new AppError('DiskFull', 'The disk is full', details);
    default:
      return error;
  }
}

/**
 * An error the app has a code for: its own, or SQLite's met after the open (another computer holds
 * the file, the file is damaged, the disk is full). SQLite names extended codes
 * (SQLITE_BUSY_RECOVERY); the primary one decides. Anything else is a fault: null.
 */
export function knownFailure(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const code = (error as SqliteLikeError | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const primary = code.split('_').slice(0, 2).join('_');
  if (primary === 'SQLITE_CANTOPEN' || primary === 'SQLITE_NOTADB') return null;
  const mapped = toAppError({ code: primary });
  return mapped instanceof AppError ? mapped : null;
}
