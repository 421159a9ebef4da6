import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** Thrown when the (decoded) body passes the cap; the caller turns it into `response_too_large`. */
export class BodyTooLargeError extends Error {
  constructor() {
    super('response body over the size cap');
    this.name = 'BodyTooLargeError';
  }
}

function decoderFor(encoding: string | undefined): Transform | null {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

/**
 * Reads a response body, decompressing gzip/deflate/br, and stops as soon as more than `maxBytes` arrive
 * (counted after decompression, so a small compressed bomb is caught too). A declared Content-Length over
 * the cap fails before any byte is read.
 * @throws BodyTooLargeError; stream errors propagate.
 */
export async function readCappedBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  const encoding = response.headers['content-encoding'];
  if (!encoding && Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new BodyTooLargeError();
  }
  const decoder = decoderFor(encoding);
  const source: Readable = decoder ? response.pipe(decoder) : response;
  if (decoder) response.on('error', (error) => decoder.destroy(error));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > maxBytes) throw new BodyTooLargeError();
      chunks.push(buffer);
    }
  } finally {
    if (total > maxBytes || !response.complete) {
      response.destroy();
      decoder?.destroy();
    }
  }
  return Buffer.concat(chunks, total);
}
