import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Upload, UploadFileKind, UploadStatus } from '@claraverse/shared';
import { AppError, NotFoundError } from '../platform/errors/app-error.js';
import type { FileRow } from '../platform/database/tables.js';
import type { FileStore } from './file-store.js';
import type { FilesRepository } from './files.repository.js';
import { uploadTypeOf } from './file-types.js';
import { assertAllowedExtension, identifyUploadType, maxBytesForHead, type DeclaredFile } from './identify-upload-type.js';
import { inspectUpload, type UploadDetails } from './inspect-upload.js';
import { receiveToDisk } from './receive-to-disk.js';
import { cleanFilename } from './safe-filename.js';
import { listZipEntries } from './zip-entries.js';

/** An upload's bytes as a stream, with what a response needs. */
export interface FileContent {
  stream: Readable;
  filename: string;
  mimeType: string;
  size: number;
}

/** Options of one upload besides its bytes. */
export interface ReceiveOptions {
  conversationId?: string | null;
  /** Caps lower than the types' own (download_file's 10 MB for documents), bytes, by kind of file. */
  maxBytesByKind?: Partial<Record<UploadFileKind, number>>;
}

const megabytesText = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** 413, closing the connection so the rest of an oversized body is not read. */
export function tooLarge(filename: string, maxBytes: number): AppError {
  return new AppError('payload_too_large', `${filename} is larger than ${megabytesText(maxBytes)}, the limit for this type of file`, { maxBytes }, { connection: 'close' });
}

/** The API shape of an upload row. */
export function presentUpload(row: FileRow): Upload {
  const details = row.details ? (JSON.parse(row.details) as UploadDetails) : {};
  return {
    fileId: row.id, filename: row.filename, mimeType: row.mime_type, kind: uploadTypeOf(row.mime_type).kind, size: Number(row.size),
    sha256: row.sha256, conversationId: row.conversation_id, createdAt: row.created_at, expiresAt: row.expires_at,
    url: `/api/upload/${row.id}/content`, ...details,
  };
}

/**
 * Uploads: bytes streamed to disk under a random name while their type is sniffed and their size capped,
 * then checked against the declared name/type, read for previews, and recorded. Owner-only; other users get
 * 404. Expired uploads answer 410 until the sweep removes them.
 */
export function createUploadsService(deps: {
  repository: FilesRepository;
  store: FileStore;
  now: () => Date;
  ttlSeconds: number;
}) {
  const { repository, store } = deps;

  async function findLive(userId: string, id: string): Promise<FileRow> {
    const row = await repository.findOfUser(userId, id, 'upload');
    if (!row) throw new NotFoundError('upload', id);
    if (row.expires_at <= deps.now().toISOString()) {
      throw new AppError('gone', `${row.filename} expired at ${row.expires_at} and is no longer available; upload it again`);
    }
    return row;
  }

  /** Everything after the bytes are on disk as `<name>.part`: identify, check, inspect, commit, record. */
  async function finish(userId: string, storageName: string, received: { size: number; sha256: string; head: Buffer; isText: boolean }, declared: DeclaredFile, options: ReceiveOptions): Promise<Upload> {
    const partialPath = store.partialPathOf(storageName);
    try {
      if (received.size === 0) throw new AppError('validation_failed', `${declared.filename} is empty`);
      const type = await identifyUploadType(received, declared, () => listZipEntries(partialPath));
      const maxBytes = Math.min(type.maxBytes, options.maxBytesByKind?.[type.kind] ?? Infinity);
      if (received.size > maxBytes) throw tooLarge(declared.filename, maxBytes);
      const details = await inspectUpload(partialPath, type, received.size, declared.filename);
      await store.commit(storageName);
      const now = deps.now();
      const row: FileRow = {
        id: randomUUID(), user_id: userId, kind: 'upload', filename: declared.filename, mime_type: type.mimeType, size: received.size,
        sha256: received.sha256, storage_name: storageName, access_code_hash: null, conversation_id: options.conversationId ?? null,
        details: JSON.stringify(details), created_at: now.toISOString(), expires_at: new Date(now.getTime() + deps.ttlSeconds * 1000).toISOString(),
      };
      await repository.insert(row);
      return presentUpload(row);
    } catch (error) {
      await store.remove(storageName);
      throw error;
    }
  }

  return {
    /**
     * Stores one uploaded file from a stream. Reading stops as soon as the content passes its type's cap.
     * @throws AppError unsupported_media_type (type not accepted, or content and name disagree),
     *   payload_too_large, validation_failed (empty, unreadable) — nothing is left on disk in each case.
     */
    async receive(userId: string, source: Readable, declared: DeclaredFile, options: ReceiveOptions = {}): Promise<Upload> {
      const file = { filename: cleanFilename(declared.filename), ...(declared.mimeType ? { mimeType: declared.mimeType } : {}) };
      assertAllowedExtension(file.filename);
      const storageName = store.newStorageName();
      const received = await receiveToDisk(source, store.partialPathOf(storageName), {
        maxBytesFor: (head) => maxBytesForHead(head, file),
        tooLarge: (maxBytes) => tooLarge(file.filename, maxBytes),
      });
      return finish(userId, storageName, received, file, options);
    },

    /** `receive` for bytes already in memory (a file a tool downloaded). */
    receiveBuffer(userId: string, data: Buffer, declared: DeclaredFile, options: ReceiveOptions = {}): Promise<Upload> {
      return this.receive(userId, Readable.from([data]), declared, options);
    },

    get: async (userId: string, id: string): Promise<Upload> => presentUpload(await findLive(userId, id)),

    async status(userId: string, id: string): Promise<UploadStatus> {
      const row = await repository.findOfUser(userId, id, 'upload');
      if (!row) throw new NotFoundError('upload', id);
      return { fileId: row.id, status: row.expires_at <= deps.now().toISOString() ? 'expired' : 'ready', expiresAt: row.expires_at };
    },

    async openContent(userId: string, id: string): Promise<FileContent> {
      const row = await findLive(userId, id);
      return { stream: store.openRead(row.storage_name), filename: row.filename, mimeType: row.mime_type, size: Number(row.size) };
    },

    /** The bytes of a live file of this user, upload or generated (tools read both). */
    async readContent(userId: string, id: string): Promise<{ fileId: string; filename: string; mimeType: string; size: number; data: Buffer }> {
      const row = await repository.findAnyOfUser(userId, id);
      if (!row) throw new NotFoundError('file', id);
      if (row.expires_at <= deps.now().toISOString()) {
        throw new AppError('gone', `${row.filename} expired at ${row.expires_at} and is no longer available; ask the user to upload it again`);
      }
      return { fileId: row.id, filename: row.filename, mimeType: row.mime_type, size: Number(row.size), data: await store.read(row.storage_name) };
    },

    async remove(userId: string, id: string): Promise<void> {
      const row = await repository.findOfUser(userId, id, 'upload');
      if (!row) throw new NotFoundError('upload', id);
      await repository.deleteById(row.id);
      await store.remove(row.storage_name);
    },
  };
}
export type UploadsService = ReturnType<typeof createUploadsService>;
