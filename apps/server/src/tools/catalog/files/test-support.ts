import { uploadSchema, type SessionResponse } from '@claraverse/shared';
import { multipartBody } from '../../../files/test-support.js';
import { createTestApp, type TestApp } from '../../../test/create-test-app.js';
import { bearer, registerAdmin } from '../../../test/factories.js';
import type { ToolContext } from '../../define-tool.js';
import { createTestToolContext } from '../../test-support.js';

/** A real app (SQLite or PostgreSQL, files on disk) whose `ToolFiles` the file tools use, and a user of it. */
export interface FileToolsTestbed {
  app: TestApp;
  session: SessionResponse;
  context: ToolContext;
  /** Uploads through `POST /api/upload` as the user; returns the file id. */
  upload(filename: string, data: Buffer | string, contentType?: string): Promise<string>;
}

/**
 * @param env extra configuration of the app (e.g. `OUTBOUND_ALLOWLIST` for a loopback test server); the context's
 *   `http` is the app's own SSRF-guarded client.
 */
export async function createFileToolsTestbed(env: Record<string, string> = {}): Promise<FileToolsTestbed> {
  const app = await createTestApp({ env });
  const session = await registerAdmin(app);
  const context = createTestToolContext({ userId: session.user.id, files: app.toolFiles, http: app.outboundHttp });
  return {
    app,
    session,
    context,
    async upload(filename, data, contentType) {
      const { payload, headers } = multipartBody({ filename, data, ...(contentType ? { contentType } : {}) });
      const response = await app.http.inject({ method: 'POST', url: '/api/upload', payload, headers: { ...headers, ...bearer(session.accessToken) } });
      if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
      return uploadSchema.parse(response.json()).fileId;
    },
  };
}
