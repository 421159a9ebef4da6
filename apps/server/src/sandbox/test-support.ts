import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../platform/errors/app-error.js';
import { createCapturingLogger } from '../test/capture-logger.js';
import type { ToolContext } from '../tools/define-tool.js';
import { createTestToolContext } from '../tools/test-support.js';
import type { StoredFileInfo, ToolFiles } from '../tools/tool-ports.js';
import { createSandbox, type SandboxService } from './sandbox.js';

export interface MemoryToolFiles extends ToolFiles {
  /** Adds an upload of `userId`; returns its id. */
  addUpload(userId: string, file: { filename: string; mimeType: string; data: Buffer }): string;
  /** Every generated file saved, in order. */
  generated: Array<StoredFileInfo & { userId: string; data: Buffer; url: string }>;
}

/** A small in-memory `ToolFiles` for the code tools' tests (the real store is tested in files/). */
export function createMemoryToolFiles(): MemoryToolFiles {
  const uploads = new Map<string, StoredFileInfo & { userId: string; data: Buffer }>();
  const generated: MemoryToolFiles['generated'] = [];
  return {
    // Ports added later (saveUpload) stay "missing" and fail loudly if touched.
    ...createTestToolContext().files,
    generated,
    addUpload(userId, file) {
      const fileId = randomUUID();
      uploads.set(fileId, { ...file, fileId, size: file.data.length, userId });
      return fileId;
    },
    async readUpload(userId, fileId) {
      const upload = uploads.get(fileId);
      if (!upload || upload.userId !== userId) throw new NotFoundError('file', fileId);
      return upload;
    },
    async saveGenerated(userId, file) {
      const fileId = randomUUID();
      const saved = { ...file, fileId, size: file.data.length, userId, url: `/api/files/${fileId}?code=test`, expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() };
      generated.push(saved);
      return saved;
    },
  };
}

let sharedSandbox: SandboxService | null = null;

/** A tool context with the real sandbox of this host (detected once per test file) and in-memory files. */
export function createSandboxToolContext(overrides: Partial<ToolContext> = {}): { context: ToolContext; files: MemoryToolFiles } {
  sharedSandbox ??= createSandbox({ logger: createCapturingLogger().logger });
  const files = createMemoryToolFiles();
  return { context: createTestToolContext({ sandbox: sharedSandbox, files, ...overrides }), files };
}
