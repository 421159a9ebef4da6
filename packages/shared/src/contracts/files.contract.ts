import { z } from 'zod';
import { isoDateSchema } from './common.contract.js';

const megabytes = (count: number) => count * 1024 * 1024;

/** Families of uploadable files; each has its own size cap. */
export const uploadFileKinds = ['image', 'pdf', 'document', 'spreadsheet', 'data', 'text', 'audio'] as const;
export type UploadFileKind = (typeof uploadFileKinds)[number];

/** One type of file `POST /api/upload` accepts: the type is sniffed from the content, and the name must agree. */
export interface UploadFileType {
  /** The type stored and served (`image/png`). */
  mimeType: string;
  kind: UploadFileKind;
  /** Lower-case extensions without the dot; the first is used when a name has none. */
  extensions: readonly string[];
  /** Largest accepted size, bytes. */
  maxBytes: number;
}

/**
 * Everything an upload may be, with the reference's caps: images 20 MB, PDF and Word/PowerPoint 10 MB,
 * spreadsheets/CSV/JSON/text 100 MB, audio 25 MB. The web app builds its file picker's `accept` from this.
 */
export const uploadFileTypes: readonly UploadFileType[] = [
  { mimeType: 'image/png', kind: 'image', extensions: ['png'], maxBytes: megabytes(20) },
  { mimeType: 'image/jpeg', kind: 'image', extensions: ['jpg', 'jpeg'], maxBytes: megabytes(20) },
  { mimeType: 'image/gif', kind: 'image', extensions: ['gif'], maxBytes: megabytes(20) },
  { mimeType: 'image/webp', kind: 'image', extensions: ['webp'], maxBytes: megabytes(20) },
  { mimeType: 'application/pdf', kind: 'pdf', extensions: ['pdf'], maxBytes: megabytes(10) },
  {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    kind: 'document', extensions: ['docx'], maxBytes: megabytes(10),
  },
  {
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    kind: 'document', extensions: ['pptx'], maxBytes: megabytes(10),
  },
  {
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    kind: 'spreadsheet', extensions: ['xlsx'], maxBytes: megabytes(100),
  },
  { mimeType: 'text/csv', kind: 'data', extensions: ['csv'], maxBytes: megabytes(100) },
  { mimeType: 'text/tab-separated-values', kind: 'data', extensions: ['tsv'], maxBytes: megabytes(100) },
  { mimeType: 'application/json', kind: 'data', extensions: ['json'], maxBytes: megabytes(100) },
  { mimeType: 'text/markdown', kind: 'text', extensions: ['md', 'markdown'], maxBytes: megabytes(100) },
  {
    mimeType: 'text/plain', kind: 'text', extensions: ['txt', 'text', 'log', 'xml', 'yaml', 'yml'], maxBytes: megabytes(100),
  },
  { mimeType: 'audio/mpeg', kind: 'audio', extensions: ['mp3'], maxBytes: megabytes(25) },
  { mimeType: 'audio/wav', kind: 'audio', extensions: ['wav'], maxBytes: megabytes(25) },
  { mimeType: 'audio/ogg', kind: 'audio', extensions: ['ogg', 'oga', 'opus'], maxBytes: megabytes(25) },
  { mimeType: 'audio/mp4', kind: 'audio', extensions: ['m4a', 'mp4'], maxBytes: megabytes(25) },
  { mimeType: 'audio/webm', kind: 'audio', extensions: ['webm'], maxBytes: megabytes(25) },
  { mimeType: 'audio/flac', kind: 'audio', extensions: ['flac'], maxBytes: megabytes(25) },
];

/** The first rows of a CSV/TSV/JSON/spreadsheet upload, for the attachment card and the model. */
export const dataPreviewSchema = z.object({
  headers: z.array(z.string()),
  /** First rows after the header, cells as text. */
  rows: z.array(z.array(z.string())),
  /** Data rows in the whole file (the first sheet of a workbook), header excluded. */
  rowCount: z.number().int().min(0),
  columnCount: z.number().int().min(0),
  /** Sheets of a workbook, the previewed one first. */
  sheetNames: z.array(z.string()).optional(),
});
export type DataPreview = z.infer<typeof dataPreviewSchema>;

/** An upload of the current user (201 of `POST /api/upload`, 200 of `GET /api/upload/:id`). */
export const uploadSchema = z.object({
  fileId: z.string(),
  /** The name the user gave it (never used on disk). */
  filename: z.string(),
  /** Sniffed from the content. */
  mimeType: z.string(),
  kind: z.enum(uploadFileKinds),
  /** Bytes. */
  size: z.number().int().min(1),
  /** SHA-256 of the content, hex. */
  sha256: z.string(),
  conversationId: z.string().nullable(),
  createdAt: isoDateSchema,
  /** After this instant the file is gone (410, then deleted). */
  expiresAt: isoDateSchema,
  /** `GET` path of the bytes (needs the same bearer token). */
  url: z.string(),
  /** PDF pages or presentation slides. */
  pageCount: z.number().int().min(0).optional(),
  /** Words of the extracted text (PDF, DOCX, PPTX, text). */
  wordCount: z.number().int().min(0).optional(),
  /** The beginning of the extracted text. */
  preview: z.string().optional(),
  dataPreview: dataPreviewSchema.optional(),
});
export type Upload = z.infer<typeof uploadSchema>;

/** `GET /api/upload/:id/status`: whether the file can still be used (e.g. before an agent runs). */
export const uploadStatusSchema = z.object({
  fileId: z.string(),
  status: z.enum(['ready', 'expired']),
  expiresAt: isoDateSchema,
});
export type UploadStatus = z.infer<typeof uploadStatusSchema>;

/** A file a tool generated, downloadable with its access code (`GET /api/files/:id?code=`). */
export const secureFileSchema = z.object({
  fileId: z.string(),
  filename: z.string(),
  mimeType: z.string(),
  size: z.number().int().min(0),
  createdAt: isoDateSchema,
  expiresAt: isoDateSchema,
});
export type SecureFile = z.infer<typeof secureFileSchema>;

export const secureFilesResponseSchema = z.object({ files: z.array(secureFileSchema) });

/** `?code=` of a secure file link: 32 hex characters; anything else is treated as a wrong code (404). */
export const secureFileCodeQuerySchema = z.object({ code: z.string().max(200).optional() });
