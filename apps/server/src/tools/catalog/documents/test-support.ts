import { randomUUID } from 'node:crypto';
import type { DocumentRenderer } from '../../tool-ports.js';
import type { ToolContext } from '../../define-tool.js';
import { createTestToolContext } from '../../test-support.js';

export interface SavedFile {
  userId: string;
  fileId: string;
  filename: string;
  mimeType: string;
  data: Buffer;
}

/**
 * A ToolContext for the document tools: the given renderer (a real Chromium one in these tests) and an
 * in-memory stand-in for the generated-file store that keeps what the tool saved, for the test to read.
 */
export function createDocumentToolContext(documents: DocumentRenderer, overrides: Partial<ToolContext> = {}): { context: ToolContext; saved: SavedFile[] } {
  const saved: SavedFile[] = [];
  const base = createTestToolContext();
  const context = createTestToolContext({
    documents,
    files: {
      ...base.files,
      saveGenerated: (userId, file) => {
        const fileId = randomUUID();
        saved.push({ userId, fileId, ...file });
        return Promise.resolve({
          fileId, filename: file.filename, mimeType: file.mimeType, size: file.data.length,
          url: `/api/files/${fileId}?code=test-code`, expiresAt: new Date(Date.UTC(2030, 0, 1)).toISOString(),
        });
      },
    },
    ...overrides,
  });
  return { context, saved };
}
