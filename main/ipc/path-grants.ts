/**
 * The files the desktop window may name. In Electron a path reaches main only from a native
 * dialog the user answered (or the list of databases opened before): a window that names any other
 * file (a script slipped into the page, say) could have main read it into an import preview, or
 * write an export over it. The browser host, which has no dialogs and takes typed paths on
 * 127.0.0.1 behind its launch token, doesn't use this.
 */
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { Channel } from '../../shared/ipc/channels';
import type { NativeDialogs } from '../app-context';

/** The channels that open, read or write the file their input's `path` names. */
const FILE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'database:create',
  'database:unlock',
  'import:open',
  'import:saveSkipped',
  'export:records',
  'export:database',
]);

export class PathGrants {
  readonly #picked = new Set<string>();

  /** `knownDatabases`: the files opened before (the start page lists them to unlock). */
  constructor(private readonly knownDatabases: () => readonly string[]) {}

  /** Remembers a path the user picked; returns it, for use in place. */
  grant(picked: string | null): string | null {
    if (picked !== null) this.#picked.add(path.resolve(picked));
    return picked;
  }

  /** Why a call may not go ahead (it names a file the user never picked), or null. */
  refusal(channel: Channel, input: unknown): AppError | null {
    if (!FILE_CHANNELS.has(channel)) return null;
    const named = (input as { path?: unknown } | null)?.path;
    // Not a path at all: the contract's own validation answers that, with its field.
    if (typeof named !== 'string' || named.trim() === '') return null;
    const resolved = path.resolve(named.trim());
    if (this.#picked.has(resolved)) return null;
    if (channel === 'database:unlock' && this.knownDatabases().some((known) => path.resolve(known) === resolved)) {
      return null;
    }
    return new AppError('Unauthorized', 'Files are chosen in a dialog of the app', { channel });
  }
}

/** The dialogs, each remembering the path the user picked. */
export function grantingDialogs(dialogs: NativeDialogs, grants: PathGrants): NativeDialogs {
  return {
    chooseNewDatabasePath: async (suggestedName) => grants.grant(await dialogs.chooseNewDatabasePath(suggestedName)),
    chooseExistingDatabase: async () => grants.grant(await dialogs.chooseExistingDatabase()),
    chooseFolder: async () => grants.grant(await dialogs.chooseFolder()),
    chooseImportFile: async () => grants.grant(await dialogs.chooseImportFile()),
    chooseExportPath: async (suggestedName, extension) =>
      grants.grant(await dialogs.chooseExportPath(suggestedName, extension)),
  };
}
