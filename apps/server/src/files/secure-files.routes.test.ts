import { apiErrorSchema, secureFileSchema, secureFilesResponseSchema, type SessionResponse } from '@claraverse/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../platform/crypto/tokens.js';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../test/factories.js';

let app: TestApp | undefined;
afterEach(() => app?.close());

let clockOffsetMs = 0;
const now = () => new Date(Date.now() + clockOffsetMs);

async function start(env: Record<string, string> = {}) {
  clockOffsetMs = 0;
  app = await createTestApp({ env, overrides: { now } });
  const admin = await registerAdmin(app);
  return { app, admin };
}

const csv = Buffer.from('name,score\nAda,10\n');

describe('GET /api/files/:id?code=', () => {
  it('downloads a generated file without a session, as an attachment that is not sniffed', async () => {
    const { app, admin } = await start();
    const saved = await app.toolFiles.saveGenerated(admin.user.id, { filename: '../Scores "Q1".csv', mimeType: 'text/csv', data: csv });
    expect(saved).toMatchObject({ filename: 'Scores "Q1".csv', mimeType: 'text/csv', size: csv.length, url: expect.stringMatching(/^\/api\/files\/[0-9a-f-]{36}\?code=[0-9a-f]{32}$/) });
    expect(Date.parse(saved.expiresAt) - Date.now()).toBeGreaterThan(29.9 * 86_400_000);

    const download = await app.http.inject({ url: saved.url });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(csv);
    expect(download.headers).toMatchObject({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="Scores _Q1_.csv"; filename*=UTF-8''Scores%20%22Q1%22.csv`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    const code = new URL(saved.url, 'http://x').searchParams.get('code') ?? '';
    const info = await app.http.inject({ url: `/api/files/${saved.fileId}/info?code=${code}` });
    expect(secureFileSchema.parse(info.json())).toMatchObject({ fileId: saved.fileId, size: csv.length });

    // Only the code's hash is stored, and the code never reaches a log line.
    const [row] = await app.database.db.selectFrom('files').selectAll().execute();
    expect(row?.access_code_hash).toBe(sha256Hex(code));
    expect(JSON.stringify(row)).not.toContain(code);
    expect(app.logLines.join('\n')).not.toContain(code);
  });

  it('answers the same 404 to a wrong, missing or borrowed code and to an unknown id', async () => {
    const { app, admin } = await start();
    const first = await app.toolFiles.saveGenerated(admin.user.id, { filename: 'a.txt', mimeType: 'text/plain', data: Buffer.from('a') });
    const second = await app.toolFiles.saveGenerated(admin.user.id, { filename: 'b.txt', mimeType: 'text/plain', data: Buffer.from('b') });
    const secondCode = new URL(second.url, 'http://x').searchParams.get('code') ?? '';
    const upload = await app.http.inject({
      method: 'POST', url: '/api/upload', headers: { ...bearer(admin.accessToken), 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="u.txt"\r\nContent-Type: text/plain\r\n\r\nupload\r\n--x--\r\n',
    });
    const uploadId = upload.json<{ fileId: string }>().fileId;
    for (const url of [
      `/api/files/${first.fileId}?code=${'0'.repeat(32)}`,
      `/api/files/${first.fileId}`,
      `/api/files/${first.fileId}?code=${secondCode}`,
      `/api/files/${first.fileId}?code=${secondCode.toUpperCase()}`,
      `/api/files/no-such-file?code=${secondCode}`,
      `/api/files/${uploadId}?code=${secondCode}`,
    ]) {
      const response = await app.http.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(apiErrorSchema.parse(response.json()).error.message).toBe('No file with this id and access code; check the link');
    }
  });

  it('answers 410 after 30 days', async () => {
    const { app, admin } = await start();
    const saved = await app.toolFiles.saveGenerated(admin.user.id, { filename: 'old.txt', mimeType: 'text/plain', data: Buffer.from('old') });
    clockOffsetMs = 31 * 86_400_000;
    const response = await app.http.inject({ url: saved.url });
    expect(response.statusCode).toBe(410);
    expect(apiErrorSchema.parse(response.json()).error.code).toBe('gone');
  });

  it('is rate-limited per address', async () => {
    const { app, admin } = await start({ RATE_LIMIT_ENABLED: 'true' });
    const saved = await app.toolFiles.saveGenerated(admin.user.id, { filename: 'a.txt', mimeType: 'text/plain', data: Buffer.from('a') });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt += 1) {
      statuses.push((await app.http.inject({ url: `/api/files/${saved.fileId}?code=${attempt.toString(16).padStart(32, '0')}` })).statusCode);
    }
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await app.http.inject({ url: saved.url })).statusCode).toBe(429);
  });
});

describe('/api/files for the owner', () => {
  it('lists and deletes only the user’s own generated files', async () => {
    const { app, admin } = await start();
    await setRegistrationMode(app, admin.accessToken, 'open');
    const other = (await registerUser(app)).json<SessionResponse>();
    const mine = await app.toolFiles.saveGenerated(admin.user.id, { filename: 'mine.md', mimeType: 'text/markdown', data: Buffer.from('# mine') });
    await app.toolFiles.saveGenerated(other.user.id, { filename: 'theirs.md', mimeType: 'text/markdown', data: Buffer.from('# theirs') });

    const list = secureFilesResponseSchema.parse((await app.http.inject({ url: '/api/files', headers: bearer(admin.accessToken) })).json());
    expect(list.files.map((file) => file.filename)).toEqual(['mine.md']);
    expect((await app.http.inject({ method: 'DELETE', url: `/api/files/${mine.fileId}`, headers: bearer(other.accessToken) })).statusCode).toBe(404);
    expect((await app.http.inject({ method: 'DELETE', url: `/api/files/${mine.fileId}`, headers: bearer(admin.accessToken) })).statusCode).toBe(204);
    expect((await app.http.inject({ url: mine.url })).statusCode).toBe(404);
    expect((await app.http.inject({ url: '/api/files' })).statusCode).toBe(401);
  });

  it('refuses an empty generated file', async () => {
    const { app, admin } = await start();
    await expect(app.toolFiles.saveGenerated(admin.user.id, { filename: 'e.txt', mimeType: 'text/plain', data: Buffer.alloc(0) })).rejects.toThrow('The generated file is empty');
    expect(await app.database.db.selectFrom('files').selectAll().execute()).toEqual([]);
  });
});
