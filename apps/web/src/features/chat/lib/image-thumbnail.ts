/** Longest side of a thumbnail kept with a sent message, CSS pixels. */
const thumbnailSize = 160;

/**
 * A small JPEG data URL of an image file (~5–10 kB) to keep with the message: the upload itself expires on the
 * server. Undefined where the browser cannot decode the image (or has no canvas, as in tests).
 */
export async function makeThumbnail(file: Blob): Promise<string | undefined> {
  if (typeof createImageBitmap !== 'function') return undefined;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, thumbnailSize / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    // JPEG has no transparency: a white ground instead of black.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return canvas.toDataURL('image/jpeg', 0.8);
  } catch {
    return undefined;
  }
}
