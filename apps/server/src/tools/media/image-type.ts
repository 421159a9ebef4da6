/** Image types the media tools send to and accept from models. */
export type ImageMimeType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

const extensions: Record<ImageMimeType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/**
 * The type of an image from its first bytes (PNG, JPEG, GIF, WebP), or null for anything else. Bytes decide,
 * not a declared type: providers and web servers label images wrongly often enough.
 */
export function detectImageType(data: Uint8Array): ImageMimeType | null {
  const ascii = (start: number, end: number) => Buffer.from(data.subarray(start, end)).toString('latin1');
  if (data.length >= 8 && data[0] === 0x89 && ascii(1, 8) === 'PNG\r\n\x1a\n') return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** The file extension of an image type (`png`, `jpg`, …). */
export function imageExtension(mimeType: ImageMimeType): string {
  return extensions[mimeType];
}
