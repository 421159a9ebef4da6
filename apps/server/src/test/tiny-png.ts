import { crc32, deflateSync, inflateSync } from 'node:zlib';

/**
 * Real PNG files for tests, built from the specification (signature, IHDR, IDAT, IEND with CRCs): an image of
 * one colour, 8-bit RGB, no interlace. Any decoder (a browser, Pillow) opens them.
 */

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/** A `width`×`height` PNG filled with `rgb` (default red). */
export function createTinyPng(width = 2, height = 2, rgb: [number, number, number] = [255, 0, 0]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const row = Buffer.alloc(1 + width * 3); // filter byte 0, then pixels
  for (let x = 0; x < width; x += 1) row.set(rgb, 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Reads a PNG made by `createTinyPng` (or any 8-bit RGB, unfiltered one) back: size and the first pixel.
 * Verifies the signature and every chunk CRC. @throws Error when the bytes are not such a PNG
 */
export function readTinyPng(data: Buffer): { width: number; height: number; firstPixel: [number, number, number] } {
  if (!data.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const typeAndData = data.subarray(offset + 4, offset + 8 + length);
    if (crc32(typeAndData) !== data.readUInt32BE(offset + 8 + length)) throw new Error('not a PNG: bad chunk CRC');
    const type = typeAndData.subarray(0, 4).toString('ascii');
    const body = typeAndData.subarray(4);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
    }
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const pixels = inflateSync(Buffer.concat(idat));
  return { width, height, firstPixel: [pixels[1] ?? 0, pixels[2] ?? 0, pixels[3] ?? 0] };
}
