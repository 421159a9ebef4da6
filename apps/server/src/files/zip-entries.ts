import { open } from 'node:fs/promises';

/** One entry of a ZIP archive's central directory. */
export interface ZipEntry {
  name: string;
  /** What the directory says the entry inflates to, bytes (a claim: a hostile file may lie). */
  uncompressedSize: number;
}

type ReadAt = (position: number, length: number) => Promise<Buffer>;

const endOfDirectorySignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EndSignature = 0x06064b50;
const directoryEntrySignature = 0x02014b50;
/** End record (22 bytes) plus the longest comment (65 535 bytes). */
const endSearchBytes = 22 + 0xffff;
/** More entries than any office file has; protects the listing itself from hostile archives. */
const maxEntries = 50_000;

class NotAZipError extends Error {}

async function findDirectory(readAt: ReadAt, size: number): Promise<{ offset: number; length: number; count: number }> {
  const tailStart = Math.max(0, size - endSearchBytes);
  const tail = await readAt(tailStart, size - tailStart);
  for (let index = tail.length - 22; index >= 0; index -= 1) {
    if (tail.readUInt32LE(index) !== endOfDirectorySignature) continue;
    let count = tail.readUInt16LE(index + 10);
    let length = tail.readUInt32LE(index + 12);
    let offset = tail.readUInt32LE(index + 16);
    if ((count === 0xffff || length === 0xffffffff || offset === 0xffffffff) && index >= 20 && tail.readUInt32LE(index - 20) === zip64LocatorSignature) {
      const zip64End = await readAt(Number(tail.readBigUInt64LE(index - 20 + 8)), 56);
      if (zip64End.readUInt32LE(0) !== zip64EndSignature) throw new NotAZipError('broken ZIP64 record');
      count = Number(zip64End.readBigUInt64LE(32));
      length = Number(zip64End.readBigUInt64LE(40));
      offset = Number(zip64End.readBigUInt64LE(48));
    }
    if (offset + length > size) throw new NotAZipError('central directory outside the file');
    return { offset, length, count };
  }
  throw new NotAZipError('no end of central directory');
}

async function listEntries(readAt: ReadAt, size: number): Promise<ZipEntry[]> {
  const directory = await findDirectory(readAt, size);
  if (directory.count > maxEntries) throw new NotAZipError('too many entries');
  const data = await readAt(directory.offset, directory.length);
  const entries: ZipEntry[] = [];
  let position = 0;
  for (let index = 0; index < directory.count; index += 1) {
    if (position + 46 > data.length || data.readUInt32LE(position) !== directoryEntrySignature) throw new NotAZipError('broken central directory');
    const nameLength = data.readUInt16LE(position + 28);
    const extraLength = data.readUInt16LE(position + 30);
    const commentLength = data.readUInt16LE(position + 32);
    entries.push({
      name: data.subarray(position + 46, position + 46 + nameLength).toString('utf8'),
      uncompressedSize: data.readUInt32LE(position + 24),
    });
    position += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Lists the entries of the ZIP archive at `path` from its central directory, reading only the end of the file
 * (a 100 MB workbook is never loaded to tell it from a Word file).
 * @returns the entries, or `null` when the file is not a readable ZIP archive.
 */
export async function listZipEntries(path: string): Promise<ZipEntry[] | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const readAt: ReadAt = async (position, length) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      await handle.read(buffer, 0, buffer.length, position);
      return buffer;
    };
    return await listEntries(readAt, size);
  } catch (error) {
    if (error instanceof NotAZipError || error instanceof RangeError) return null;
    throw error;
  } finally {
    await handle.close();
  }
}

/** `listZipEntries` for bytes already in memory. @returns null when they are not a readable ZIP archive. */
export async function listZipEntriesOfBuffer(data: Buffer): Promise<ZipEntry[] | null> {
  try {
    return await listEntries(async (position, length) => data.subarray(position, position + length), data.length);
  } catch (error) {
    if (error instanceof NotAZipError || error instanceof RangeError) return null;
    throw error;
  }
}
