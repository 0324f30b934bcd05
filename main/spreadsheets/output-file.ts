/**
 * Where an export's file is written, and whether it may be. The file is written beside its target
 * under a name of its own and moved onto the target only once complete: a failed or cancelled export
 * never leaves half a file, nor takes away the file that was there.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import nodePath from 'node:path';
import { AppError } from '../../shared/errors';
import { fileError } from './sniff';

export type OutputFile = {
  stream: fs.WriteStream;
  /** Puts the finished file in place (replacing one there). */
  commit(): Promise<void>;
  /** Removes what was written; the target is as it was. */
  discard(): Promise<void>;
};

export function openOutputFile(target: string): OutputFile {
  const part = nodePath.join(
    nodePath.dirname(target),
    `.${nodePath.basename(target)}.${randomUUID().slice(0, 8)}.part`,
  );
  const stream = fs.createWriteStream(part, { flags: 'wx' });
  return {
    stream,
    async commit() {
      try {
        await fs.promises.rename(part, target);
      } catch (error) {
        await fs.promises.rm(part, { force: true });
        throw fileError(error, target);
      }
    },
    async discard() {
      await fs.promises.rm(part, { force: true });
    },
  };
}

/**
 * Refuses a target an export must not write: one without the format's extension (so no export can
 * land on a database, or any other file a mistyped path names), a folder, a folder that isn't there,
 * and a file that exists unless the user agreed to replace it (a save dialog asks).
 */
export function checkOutputTarget(target: string, extensions: readonly string[], replace: boolean): void {
  const extension = nodePath.extname(target).toLowerCase();
  if (!extensions.includes(extension)) {
    throw new AppError('InvalidInput', `The file name must end in ${extensions.join(' or ')}`, {
      path: target,
      reason: 'fileExtension',
    });
  }
  const stat = statOf(target);
  if (stat?.isDirectory()) {
    throw new AppError('InvalidInput', `This is a folder, not a file: ${target}`, { path: target });
  }
  if (stat && !replace) throw new AppError('FileExists', `The file exists already: ${target}`, { path: target });
  if (!stat && statOf(nodePath.dirname(target))?.isDirectory() !== true) {
    throw new AppError('FileNotFound', `No such folder: ${nodePath.dirname(target)}`, { path: target });
  }
}

/** The file's stat, undefined when there is none; other failures in the codes the UI translates. */
function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw fileError(error, file);
  }
}
