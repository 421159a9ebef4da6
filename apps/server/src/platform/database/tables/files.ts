import type { Selectable } from 'kysely';

// Files (files/): uploads and tool-generated secure files.
export interface FilesTable {
  id: string;
  user_id: string;
  /** `upload` (expires after the upload TTL) or `generated` (a tool's output behind an access code, 30 days). */
  kind: 'upload' | 'generated';
  /** The name shown to the user; never a path on disk. */
  filename: string;
  /** Sniffed from the content (uploads) or set by the tool. */
  mime_type: string;
  /** bigint: PostgreSQL returns it as a string, SQLite as a number; read with Number(). */
  size: number | string;
  /** SHA-256 of the content, hex. */
  sha256: string;
  /** Random name of the bytes under the files folder. */
  storage_name: string;
  /** SHA-256 of a generated file's access code, hex; null for uploads. */
  access_code_hash: string | null;
  conversation_id: string | null;
  /** JSON of what was read from the file at upload (page/word counts, text preview, data preview). */
  details: string | null;
  created_at: string;
  expires_at: string;
}

export interface FilesTables {
  files: FilesTable;
}

export type FileRow = Selectable<FilesTable>;
