import type { ToolFiles } from '../tools/tool-ports.js';
import type { SecureFilesService } from './secure-files.service.js';
import type { UploadsService } from './uploads.service.js';

/** The files port tools use: read this user's files, keep downloads as uploads, publish generated files. */
export function createToolFiles(deps: { uploads: UploadsService; secureFiles: SecureFilesService }): ToolFiles {
  return {
    readUpload: (userId, fileId) => deps.uploads.readContent(userId, fileId),
    async saveUpload(userId, file) {
      const upload = await deps.uploads.receiveBuffer(
        userId, file.data, { filename: file.filename, ...(file.mimeType ? { mimeType: file.mimeType } : {}) },
        file.maxBytesByKind ? { maxBytesByKind: file.maxBytesByKind } : {},
      );
      return { fileId: upload.fileId, filename: upload.filename, mimeType: upload.mimeType, size: upload.size, expiresAt: upload.expiresAt };
    },
    async saveGenerated(userId, file) {
      const saved = await deps.secureFiles.save(userId, file);
      return { fileId: saved.fileId, filename: saved.filename, mimeType: saved.mimeType, size: saved.size, url: saved.url, expiresAt: saved.expiresAt };
    },
  };
}
