import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createTextCheck } from './sniff-content.js';

/** Bytes collected before the size cap is chosen: enough for every signature and a look at text. */
export const receiveHeadBytes = 4096;

/** What was learnt while the bytes went to disk. */
export interface ReceivedContent {
  /** Bytes written. */
  size: number;
  /** SHA-256, hex. */
  sha256: string;
  /** The first `receiveHeadBytes` bytes (fewer for a smaller file). */
  head: Buffer;
  /** Valid UTF-8 without NUL bytes, all the way through. */
  isText: boolean;
}

export interface ReceiveOptions {
  /**
   * Chooses the size cap (bytes) once the head is known; throws to refuse the content outright (its error is
   * what `receiveToDisk` rejects with).
   */
  maxBytesFor(head: Buffer): number;
  /** The error for content past the cap. */
  tooLarge(maxBytes: number): Error;
}

/**
 * Streams `source` into a new file at `path` (created exclusively, mode 0600) while hashing it, checking it
 * is text and counting bytes. Stops reading as soon as the cap is passed: nothing is buffered beyond one
 * chunk, and on any failure the partial file is removed before the promise rejects.
 */
export async function receiveToDisk(source: Readable, path: string, options: ReceiveOptions): Promise<ReceivedContent> {
  const hash = createHash('sha256');
  const textCheck = createTextCheck();
  let size = 0;
  let head = Buffer.alloc(0);
  let maxBytes: number | null = null;

  const decide = () => {
    maxBytes ??= options.maxBytesFor(head);
    return maxBytes;
  };
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        size += chunk.length;
        if (head.length < receiveHeadBytes) {
          head = Buffer.concat([head, chunk.subarray(0, receiveHeadBytes - head.length)]);
          if (head.length >= receiveHeadBytes) decide();
        }
        if (maxBytes !== null && size > maxBytes) throw options.tooLarge(maxBytes);
        hash.update(chunk);
        textCheck.push(chunk);
        callback(null, chunk);
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback) {
      try {
        if (size > decide()) throw options.tooLarge(decide());
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });

  const writer = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  try {
    await pipeline(source, meter, writer);
  } catch (error) {
    // The file may still be opening when the source fails: wait until the destroyed writer has closed, or the
    // unlink could run first and the open create the file afterwards.
    if (!writer.closed) await new Promise<void>((resolve) => writer.once('close', () => resolve()));
    await unlink(path).catch(() => undefined);
    throw error;
  }
  return { size, sha256: hash.digest('hex'), head, isText: textCheck.finish() };
}
