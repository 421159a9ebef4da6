import { uploadFileTypes, type UploadFileKind, type UploadFileType } from '@claraverse/shared';

/** Files one message can carry (`chatTurnSchema.attachments`). */
export const maxAttachmentsPerMessage = 10;

/** The file picker's `accept`: every extension and type the server takes. */
export const attachmentAccept = [
  ...new Set(uploadFileTypes.flatMap((type) => [type.mimeType, ...type.extensions.map((extension) => `.${extension}`)])),
].join(',');

const kindNames: Record<UploadFileKind, string> = {
  image: 'images',
  pdf: 'PDFs',
  document: 'Word and PowerPoint files',
  spreadsheet: 'spreadsheets',
  data: 'CSV and JSON files',
  text: 'text files',
  audio: 'audio files',
};

/** "1.4 MB", "820 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} MB`;
}

/** The upload type of a file, from its name's extension, else the type the browser gives it. */
export function uploadTypeOf(file: Pick<File, 'name' | 'type'>): UploadFileType | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return (
    (extension ? uploadFileTypes.find((type) => type.extensions.includes(extension)) : undefined) ??
    uploadFileTypes.find((type) => type.mimeType === file.type)
  );
}

/**
 * Why a file cannot be attached, as a sentence, checked before uploading so the person learns at once; null when
 * it may be sent (the server still checks the content).
 */
export function attachmentProblem(file: Pick<File, 'name' | 'type' | 'size'>): string | null {
  const type = uploadTypeOf(file);
  if (!type) {
    return `${file.name} cannot be attached: ClaraVerse accepts images, PDFs, Word and PowerPoint files, spreadsheets, CSV, JSON, text and audio files.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > type.maxBytes) {
    return `${file.name} is ${formatBytes(file.size)}; ${kindNames[type.kind]} can be at most ${formatBytes(type.maxBytes)}.`;
  }
  return null;
}

/** Whether a file is shown as a picture (thumbnail) rather than a document chip. */
export function isImageType(mimeType: string): boolean {
  return mimeType.startsWith('image/');
}
