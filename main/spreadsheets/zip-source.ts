import fs from 'node:fs';
import zlib from 'node:zlib';
import { AppError } from '../../shared/errors';

/**
 * Just enough of the zip format to read an xlsx by random access: the central directory, and
 * one entry's bytes as a stream. Reading by offset lets the xlsx reader inflate only the parts
 * it needs, in the order it needs them, instead of walking the whole archive front to back.
 */

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** An xlsx's directory is a few KB; anything near this is not a workbook. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

export function unreadable(detail: string): AppError {
  return new AppError(
    'InvalidInput',
    `The file could not be read as an Excel workbook (${detail}). Open it in Excel and save it again as .xlsx or .csv.`,
    { reason: 'unreadable' },
  );
}

async function readAt(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  if (done < length) throw unreadable('truncated archive');
  return buffer;
}

/** uint64 from a zip64 field; sizes beyond 2^53 are not a spreadsheet anyway. */
function readUInt64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw unreadable('oversized zip64 field');
  return Number(value);
}

async function locateDirectory(
  handle: fs.promises.FileHandle,
  fileSize: number,
): Promise<{ offset: number; size: number; count: number }> {
  // The end record is 22 bytes plus a comment of up to 64 KB, so search that tail backwards.
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      at = i;
      break;
    }
  }
  if (at < 0) throw unreadable('no zip directory');
  let count = tail.readUInt16LE(at + 10);
  let size = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locatorAt = tailStart + at - 20;
    if (locatorAt < 0) throw unreadable('broken zip64 directory');
    const locator = await readAt(handle, locatorAt, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) throw unreadable('broken zip64 directory');
    const record = await readAt(handle, readUInt64(locator, 8), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw unreadable('broken zip64 directory');
    count = readUInt64(record, 32);
    size = readUInt64(record, 40);
    offset = readUInt64(record, 48);
  }
  if (size > MAX_DIRECTORY_BYTES || offset + size > fileSize) throw unreadable('broken zip directory');
  return { offset, size, count };
}

/** The archive's entries by name ("\" separators, written by some Windows tools, become "/"). */
export async function readZipDirectory(path: string): Promise<Map<string, ZipEntry>> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const { offset, size, count } = await locateDirectory(handle, fileSize);
    const directory = await readAt(handle, offset, size);
    const entries = new Map<string, ZipEntry>();
    let at = 0;
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
        throw unreadable('broken zip directory');
      }
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const entry: ZipEntry = {
        name: directory.toString('utf8', at + 46, at + 46 + nameLength).replaceAll('\\', '/'),
        flags: directory.readUInt16LE(at + 8),
        method: directory.readUInt16LE(at + 10),
        crc32: directory.readUInt32LE(at + 16),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      };
      applyZip64Extra(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
      entries.set(entry.name, entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Zip64 keeps the real values in extra field 1, only for the fields saturated at 0xFFFFFFFF, in this order. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + length) throw unreadable('broken zip64 entry');
        const value = readUInt64(extra, field);
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + length;
  }
}

/**
 * An entry's uncompressed bytes, streamed. The file is opened here and closed when the generator
 * finishes, fails or is returned early. The length is checked against the directory, so a damaged
 * entry fails loudly instead of yielding a silently shortened sheet.
 */
export async function* zipEntryChunks(path: string, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.flags & 0x0001) throw unreadable('the archive is encrypted');
  if (entry.method !== 0 && entry.method !== 8) throw unreadable(`unsupported compression method ${entry.method}`);
  if (entry.compressedSize === 0) {
    if (entry.size !== 0) throw unreadable(`damaged entry ${entry.name}`);
    return;
  }
  const handle = await fs.promises.open(path, 'r');
  let header: Buffer;
  try {
    header = await readAt(handle, entry.localHeaderOffset, 30);
  } finally {
    await handle.close();
  }
  if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw unreadable(`damaged entry ${entry.name}`);
  // The local header's extra field may differ in length from the directory's copy.
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = fs.createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  const inflater = entry.method === 8 ? zlib.createInflateRaw() : null;
  if (inflater) raw.on('error', (error) => inflater.destroy(error));
  const output = inflater ? raw.pipe(inflater) : raw;
  let total = 0;
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.size) throw unreadable(`damaged entry ${entry.name}`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(`damaged entry ${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    raw.destroy();
    inflater?.destroy();
  }
  if (total !== entry.size) throw unreadable(`damaged entry ${entry.name}`);
}

/** A small entry (workbook.xml, rels) read whole; refuses anything that isn't small. */
export async function readZipEntry(path: string, entry: ZipEntry, maxBytes = 32 * 1024 * 1024): Promise<Buffer> {
  if (entry.size > maxBytes) throw unreadable(`${entry.name} is too large`);
  const chunks: Buffer[] = [];
  for await (const chunk of zipEntryChunks(path, entry)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
