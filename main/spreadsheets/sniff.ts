import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import { decodeText, detectEncoding } from './encoding';

/** How much of a file is read up front: enough to sniff, detect the encoding and guess a delimiter. */
export const HEAD_BYTES = 256 * 1024;

export type FileHead = {
  bytes: Buffer;
  /** Whether `bytes` is the whole file. */
  complete: boolean;
};

/** What the first bytes say a file is; `text` covers CSV/TSV/TXT. */
export type SniffedKind = 'zip' | 'ole2' | 'vcard' | 'legacy-excel-text' | 'binary' | 'text';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Maps a file-system error to the codes the UI translates. */
export function fileError(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('FileNotFound', `File not found: ${path}`, { path });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
    return new AppError('FileNotAccessible', `The file cannot be opened (${code}): ${path}`, { path });
  }
  if (code === 'EISDIR') return new AppError('InvalidInput', `This is a folder, not a file: ${path}`, { path });
  return error;
}

/** The error for asking a source about a sheet it doesn't have. */
export function noSuchSheet(sheet: string): AppError {
  return new AppError('NotFound', `There is no sheet named "${sheet}" in this file.`, { sheet });
}

/** Reads a file through `read`, its errors in the codes the UI translates; closed whatever happens. */
export async function readOpenFile<T>(path: string, read: (handle: fs.promises.FileHandle) => Promise<T>): Promise<T> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(path, 'r');
  } catch (error) {
    throw fileError(error, path);
  }
  try {
    return await read(handle);
  } catch (error) {
    throw fileError(error, path);
  } finally {
    await handle.close();
  }
}

export async function readHead(path: string, length = HEAD_BYTES): Promise<FileHead> {
  return readOpenFile(path, async (handle) => {
    const buffer = Buffer.alloc(length + 1);
    let done = 0;
    while (done < buffer.length) {
      const { bytesRead } = await handle.read(buffer, done, buffer.length - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    // One byte past `length` tells "exactly length bytes" apart from "more to come".
    return { bytes: buffer.subarray(0, Math.min(done, length)), complete: done <= length };
  });
}

/**
 * Content first: a zip is an xlsx candidate, OLE2 is the old binary .xls (or a password-protected
 * xlsx, which Excel wraps in OLE2 too), `BEGIN:VCARD` is a vCard. The extension only decides what
 * the content can't: an empty file, or a .vcf with junk before its first card.
 */
export function sniffKind(head: Buffer, extension: string): SniffedKind {
  if (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) return 'zip';
  if (head.subarray(0, 8).equals(OLE2_MAGIC)) return 'ole2';
  const ext = extension.toLowerCase();
  if (head.length === 0) {
    if (ext === '.vcf' || ext === '.vcard') return 'vcard';
    return ext === '.xlsx' || ext === '.xlsm' || ext === '.xls' ? 'binary' : 'text';
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'binary';
  const encoding = detectEncoding(head);
  // 8-bit text never contains NUL bytes; a file that does and isn't UTF-16 is some binary format.
  if ((encoding === 'utf-8' || encoding === 'windows-1251') && head.includes(0)) return 'binary';
  const text = decodeText(head.subarray(0, 64 * 1024), encoding).trimStart();
  if (/^BEGIN:VCARD\b/i.test(text)) return 'vcard';
  if ((ext === '.vcf' || ext === '.vcard') && /^BEGIN:VCARD\b/im.test(text)) return 'vcard';
  // Web "Export to Excel" buttons often save an HTML table or SpreadsheetML 2003 as .xls.
  if (/^(?:<!doctype html|<html|<table)/i.test(text)) return 'legacy-excel-text';
  if (/^<\?xml[^>]*>\s*(?:<\?mso-application progid="Excel\.Sheet"\?>|<Workbook\b)/i.test(text)) {
    return 'legacy-excel-text';
  }
  return 'text';
}

/**
 * An OLE2 file is either a real .xls or an encrypted OOXML package; the latter keeps its
 * payload in a stream named "EncryptedPackage", which sits in the first directory sector.
 */
export async function isEncryptedOoxml(path: string, head: Buffer): Promise<boolean> {
  if (head.length < 0x34) return false;
  const sectorSize = 1 << head.readUInt16LE(0x1e);
  const firstDirectorySector = head.readUInt32LE(0x30);
  if (sectorSize !== 512 && sectorSize !== 4096) return false;
  const offset = (firstDirectorySector + 1) * sectorSize;
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  if (offset + sectorSize <= head.length) return head.subarray(offset, offset + sectorSize).includes(needle);
  const handle = await fs.promises.open(path, 'r');
  try {
    const sector = Buffer.alloc(sectorSize);
    const { bytesRead } = await handle.read(sector, 0, sectorSize, offset);
    return sector.subarray(0, bytesRead).includes(needle);
  } finally {
    await handle.close();
  }
}
