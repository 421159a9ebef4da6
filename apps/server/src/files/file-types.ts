import { uploadFileTypes, type UploadFileType } from '@claraverse/shared';

/** The upload types, by the type they are stored as. */
const typesByMime = new Map(uploadFileTypes.map((type) => [type.mimeType, type]));

/** Other names browsers and servers give the same types (Windows sends CSV as `application/vnd.ms-excel`). */
const declaredAliases: Record<string, readonly string[]> = {
  'image/jpeg': ['image/jpg', 'image/pjpeg'],
  'image/png': ['image/x-png'],
  'text/csv': ['application/csv', 'text/x-csv', 'text/comma-separated-values', 'application/vnd.ms-excel'],
  'text/tab-separated-values': ['text/tsv'],
  'application/json': ['text/json', 'application/x-json'],
  'text/markdown': ['text/x-markdown'],
  'text/plain': ['application/xml', 'text/xml', 'application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-log'],
  'audio/mpeg': ['audio/mp3', 'audio/x-mp3', 'audio/mpeg3'],
  'audio/wav': ['audio/x-wav', 'audio/wave', 'audio/vnd.wave'],
  'audio/ogg': ['application/ogg', 'audio/opus', 'audio/x-ogg'],
  'audio/mp4': ['audio/x-m4a', 'audio/m4a', 'video/mp4', 'audio/aac'],
  'audio/webm': ['video/webm'],
  'audio/flac': ['audio/x-flac'],
};

/** Declared types that say nothing (a client that does not know). */
const genericDeclaredTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** The upload type stored as `mimeType`. @throws Error for a type not in the table (a programming error). */
export function uploadTypeOf(mimeType: string): UploadFileType {
  const type = typesByMime.get(mimeType);
  if (!type) throw new Error(`${mimeType} is not an upload type`);
  return type;
}

/** Every upload type whose extensions include `extension` (lower case, no dot). */
export function uploadTypesWithExtension(extension: string): UploadFileType[] {
  return uploadFileTypes.filter((type) => type.extensions.includes(extension));
}

/** The lower-cased extension of a file name without the dot, or `null` when it has none. */
export function extensionOf(filename: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(filename);
  return match?.[1] ? match[1].toLowerCase() : null;
}

/** `text/csv; charset=utf-8` → `text/csv`. */
export function bareMimeType(declared: string | undefined): string {
  return (declared ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Whether a declared Content-Type agrees with the type the content turned out to be. A generic or missing
 * declaration agrees with anything; `text/plain` agrees with any text-like type (CSV, JSON, Markdown).
 */
export function declaredTypeAgrees(declared: string | undefined, actual: UploadFileType): boolean {
  const bare = bareMimeType(declared);
  if (genericDeclaredTypes.has(bare)) return true;
  if (bare === actual.mimeType || declaredAliases[actual.mimeType]?.includes(bare)) return true;
  return bare === 'text/plain' && (actual.kind === 'data' || actual.kind === 'text');
}

/** A person's name for a type: `a PDF`, `a PNG image`, `plain text`. */
export function describeType(type: UploadFileType): string {
  const extension = (type.extensions[0] ?? '').toUpperCase();
  switch (type.kind) {
    case 'image': return `a ${extension} image`;
    case 'audio': return `${extension} audio`;
    case 'pdf': return 'a PDF';
    case 'document': return extension === 'DOCX' ? 'a Word document' : 'a PowerPoint presentation';
    case 'spreadsheet': return 'an Excel workbook';
    case 'data': return `${extension} data`;
    case 'text': return type.mimeType === 'text/markdown' ? 'Markdown text' : 'plain text';
  }
}

/** The allowed extensions, for error messages (`png, jpg, …`). */
export const allowedExtensionsText = uploadFileTypes.flatMap((type) => type.extensions).join(', ');
