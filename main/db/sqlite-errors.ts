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
