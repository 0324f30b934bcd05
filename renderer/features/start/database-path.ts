import { DATABASE_EXTENSION } from '../../../shared/constants';

const FORBIDDEN_IN_FILE_NAMES = new Set(['<', '>', ':', '"', '/', '\\', '|', '?', '*']);

/** A file name from the database name: keeps letters in any script, drops what file systems refuse. */
export function suggestDatabasePath(folder: string, name: string, platform: string): string {
  const separator = platform === 'win32' ? '\\' : '/';
  const base =
    [...name]
      .map((char) => (char.charCodeAt(0) < 32 || FORBIDDEN_IN_FILE_NAMES.has(char) ? ' ' : char))
      .join('')
      .replace(/\s+/g, ' ')
      .trim() || 'kartoteka';
  return `${folder.replace(/[\\/]+$/, '')}${separator}${base}${DATABASE_EXTENSION}`;
}
