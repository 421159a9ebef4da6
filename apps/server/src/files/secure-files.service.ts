import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SecureFile } from '@claraverse/shared';
import { safeEqual, sha256Hex } from '../platform/crypto/tokens.js';
import type { FileRow } from '../platform/database/tables.js';
import { AppError, NotFoundError, ValidationError } from '../platform/errors/app-error.js';
import type { FileStore } from './file-store.js';
import type { FilesRepository } from './files.repository.js';
import { cleanFilename } from './safe-filename.js';
import type { FileContent } from './uploads.service.js';

/** How long a generated file can be downloaded, milliseconds (30 days, as the reference). */
export const secureFileLifetimeMs = 30 * 86_400_000;
/** Largest generated file, bytes. */
export const maxGeneratedBytes = 100 * 1024 * 1024;

const codePattern = /^[0-9a-f]{32}$/;

function present(row: FileRow): SecureFile {
  return { fileId: row.id, filename: row.filename, mimeType: row.mime_type, size: Number(row.size), createdAt: row.created_at, expiresAt: row.expires_at };
}

/**
 * "Secure files": what tools generate (PDFs, text files), downloadable by anyone holding the link, whose
 * random access code (16 bytes, hex) is shown once and stored only as its SHA-256. An unknown id and a wrong
 * code get the same 404, so a link cannot be guessed one half at a time.
 */
export function createSecureFilesService(deps: { repository: FilesRepository; store: FileStore; now: () => Date }) {
  const { repository, store } = deps;

  async function findWithCode(id: string, code: string | undefined): Promise<FileRow> {
    const row = await repository.findGenerated(id);
    const isCodeRight = row?.access_code_hash && code && codePattern.test(code) && safeEqual(sha256Hex(code), row.access_code_hash);
    if (!row || !isCodeRight) throw new AppError('not_found', 'No file with this id and access code; check the link');
    if (row.expires_at <= deps.now().toISOString()) throw new AppError('gone', `${row.filename} expired at ${row.expires_at}`);
    return row;
  }

  return {
    /**
     * Stores a generated file for 30 days.
     * @returns its record, the access code (shown only now) and the download path with the code.
     * @throws ValidationError when the file is empty or larger than 100 MB.
     */
    async save(userId: string, file: { filename: string; mimeType: string; data: Buffer }): Promise<SecureFile & { code: string; url: string }> {
      if (file.data.length === 0) throw new ValidationError('The generated file is empty');
      if (file.data.length > maxGeneratedBytes) throw new ValidationError('The generated file is larger than 100 MB');
      const code = randomBytes(16).toString('hex');
      const storageName = store.newStorageName();
      await store.write(storageName, file.data);
      const now = deps.now();
      const row: FileRow = {
        id: randomUUID(), user_id: userId, kind: 'generated', filename: cleanFilename(file.filename), mime_type: file.mimeType,
        size: file.data.length, sha256: createHash('sha256').update(file.data).digest('hex'), storage_name: storageName,
        access_code_hash: sha256Hex(code), conversation_id: null, details: null,
        created_at: now.toISOString(), expires_at: new Date(now.getTime() + secureFileLifetimeMs).toISOString(),
      };
      try {
        await repository.insert(row);
      } catch (error) {
        await store.remove(storageName);
        throw error;
      }
      return { ...present(row), code, url: `/api/files/${row.id}?code=${code}` };
    },

    /** @throws AppError not_found (unknown id or wrong code), gone (expired) */
    async open(id: string, code: string | undefined): Promise<FileContent> {
      const row = await findWithCode(id, code);
      return { stream: store.openRead(row.storage_name), filename: row.filename, mimeType: row.mime_type, size: Number(row.size) };
    },

    info: async (id: string, code: string | undefined): Promise<SecureFile> => present(await findWithCode(id, code)),

    list: async (userId: string): Promise<SecureFile[]> => (await repository.listOfUser(userId, 'generated')).map(present),

    async remove(userId: string, id: string): Promise<void> {
      const row = await repository.findOfUser(userId, id, 'generated');
      if (!row) throw new NotFoundError('file', id);
      await repository.deleteById(row.id);
      await store.remove(row.storage_name);
    },
  };
}
export type SecureFilesService = ReturnType<typeof createSecureFilesService>;
