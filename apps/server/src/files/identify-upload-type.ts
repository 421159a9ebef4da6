import { uploadFileTypes, type UploadFileType } from '@claraverse/shared';
import { AppError } from '../platform/errors/app-error.js';
import {
  allowedExtensionsText, bareMimeType, declaredTypeAgrees, describeType, extensionOf, uploadTypeOf, uploadTypesWithExtension,
} from './file-types.js';
import { createTextCheck, looksLikeUtf16, officeTypeOfZip, signatureMimeTypes, sniffSignature } from './sniff-content.js';
import type { ZipEntry } from './zip-entries.js';

/** What the sender said the file is. */
export interface DeclaredFile {
  filename: string;
  /** The part's (or response's) Content-Type, if any. */
  mimeType?: string;
}

/** Errors about a file's type: 415, and the connection is closed so an unread body is not drained. */
export function unsupportedType(message: string): AppError {
  return new AppError('unsupported_media_type', message, undefined, { connection: 'close' });
}

const officeTypes = uploadFileTypes.filter((type) => type.kind === 'document' || type.kind === 'spreadsheet');
const textTypes = uploadFileTypes.filter((type) => type.kind === 'data' || type.kind === 'text');
const plainText = uploadTypeOf('text/plain');

/** Refuses a name whose extension no upload type has (`.exe`), before any byte is read. */
export function assertAllowedExtension(filename: string): void {
  const extension = extensionOf(filename);
  if (extension && uploadTypesWithExtension(extension).length === 0) {
    throw unsupportedType(`Files of type .${extension} cannot be uploaded. Allowed: ${allowedExtensionsText}`);
  }
}

/**
 * The size cap for content starting with `head`, chosen before the rest arrives: the cap of the type the
 * signature shows (for a ZIP, of the office type the name claims, else the largest), or of text.
 * @throws AppError unsupported_media_type when the head already shows content we do not accept.
 */
export function maxBytesForHead(head: Buffer, declared: DeclaredFile): number {
  if (head.length === 0) return 0;
  const signature = sniffSignature(head);
  if (signature === 'zip') {
    const claimed = officeTypes.find((type) => type.extensions.includes(extensionOf(declared.filename) ?? ''));
    return claimed?.maxBytes ?? Math.max(...officeTypes.map((type) => type.maxBytes));
  }
  if (signature) return uploadTypeOf(signatureMimeTypes[signature]).maxBytes;
  const check = createTextCheck();
  check.push(head);
  if (looksLikeUtf16(head)) throw unsupportedType(`${declared.filename} is UTF-16 text; save it as UTF-8 and upload it again`);
  if (!check.isTextSoFar()) {
    throw unsupportedType(`The content of ${declared.filename} is not a type that can be uploaded. Allowed: ${allowedExtensionsText}`);
  }
  return Math.max(...textTypes.map((type) => type.maxBytes));
}

function textTypeFor(declared: DeclaredFile): UploadFileType {
  const extension = extensionOf(declared.filename);
  const byExtension = textTypes.find((type) => extension && type.extensions.includes(extension));
  if (byExtension) return byExtension;
  const declaredMime = bareMimeType(declared.mimeType);
  return textTypes.find((type) => type !== plainText && type.mimeType === declaredMime) ?? plainText;
}

/**
 * Decides what a received file is from its content (signature, ZIP entries, UTF-8 text) and checks that its
 * name and declared type agree.
 * @param zipEntries lists the archive's entries; called only for ZIP content.
 * @throws AppError unsupported_media_type when the content is not accepted or contradicts the declaration.
 */
export async function identifyUploadType(
  content: { head: Buffer; isText: boolean },
  declared: DeclaredFile,
  zipEntries: () => Promise<ZipEntry[] | null>,
): Promise<UploadFileType> {
  assertAllowedExtension(declared.filename);
  const signature = sniffSignature(content.head);
  let actual: UploadFileType;
  if (signature === 'zip') {
    const entries = await zipEntries();
    const officeType = entries ? officeTypeOfZip(entries.map((entry) => entry.name)) : null;
    if (!officeType) throw unsupportedType(`${declared.filename} is a ZIP archive, not a Word, PowerPoint or Excel file`);
    actual = uploadTypeOf(officeType);
  } else if (signature) {
    actual = uploadTypeOf(signatureMimeTypes[signature]);
  } else if (content.isText) {
    actual = textTypeFor(declared);
  } else {
    throw unsupportedType(`The content of ${declared.filename} is not a type that can be uploaded. Allowed: ${allowedExtensionsText}`);
  }
  const extension = extensionOf(declared.filename);
  if (extension && !actual.extensions.includes(extension)) {
    const claimed = uploadTypesWithExtension(extension)[0];
    throw unsupportedType(`${declared.filename} is named as ${claimed ? describeType(claimed) : `a .${extension} file`}, but its content is ${describeType(actual)}`);
  }
  if (!declaredTypeAgrees(declared.mimeType, actual)) {
    throw unsupportedType(`${declared.filename} was sent as ${bareMimeType(declared.mimeType)}, but its content is ${describeType(actual)}`);
  }
  return actual;
}
