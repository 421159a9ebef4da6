const maxFilenameLength = 200;

/**
 * A file name fit to show and to send back: the last path segment only, without control characters, trimmed,
 * at most 200 characters (the extension kept). Never used as a path: files are stored under random names.
 */
export function cleanFilename(name: string, fallback = 'file'): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const cleaned = lastSegment.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
  const withoutDots = cleaned.replace(/^\.+$/, '');
  if (!withoutDots) return fallback;
  if (withoutDots.length <= maxFilenameLength) return withoutDots;
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(withoutDots)?.[0] ?? '';
  return withoutDots.slice(0, maxFilenameLength - extension.length) + extension;
}

/** RFC 5987 percent-encoding (`encodeURIComponent` leaves a few characters the header grammar forbids). */
function encodeExtendedValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `Content-Disposition: attachment` for a download: an ASCII `filename` for old clients (non-ASCII, quotes
 * and backslashes replaced by `_`) and the exact name as UTF-8 in `filename*`.
 */
export function attachmentDisposition(filename: string): string {
  const clean = cleanFilename(filename);
  const ascii = clean.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtendedValue(clean)}`;
}
