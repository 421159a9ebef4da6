import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { registerAdmin } from '../../test/factories.js';
import { runTool } from '../test-support.js';
import { s3DownloadTool } from './s3-download.tool.js';
import { s3Context, s3Keys, startS3Double } from './s3.double.test-support.js';

// The files port is the app's real one (SQLite + file store): a downloaded object becomes a real upload.
let s3: Awaited<ReturnType<typeof startS3Double>>;
let app: TestApp;
let userId: string;
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2a3c3e60000000049454e44ae426082', 'hex');
beforeAll(async () => {
  s3 = await startS3Double();
  app = await createTestApp();
  userId = (await registerAdmin(app)).user.id;
  const objects = s3.buckets.get('team-files')!;
  objects.set('docs/readme.md', { data: Buffer.from('# Readme\nHello'), contentType: 'text/markdown', lastModified: '2025-03-01T12:00:00.000Z' });
  objects.set('images/dot.png', { data: png, contentType: 'image/png', lastModified: '2025-03-01T12:00:00.000Z' });
});
afterAll(async () => {
  await s3.close();
  await app.close();
});

const context = (values: Record<string, string> = s3Keys) => s3Context(s3.origin, values, { userId, files: app.toolFiles });

describe('s3_download', () => {
  it('returns small text inline', async () => {
    const { result } = await runTool(s3DownloadTool, { key: 'docs/readme.md' }, context());
    expect(s3.requests.at(-1)).toMatchObject({ method: 'GET', path: '/team-files/docs/readme.md', query: { 'x-id': 'GetObject' } });
    expect(result).toMatchObject({ bucket: 'team-files', key: 'docs/readme.md', size: 14, contentType: 'text/markdown', content: '# Readme\nHello', lastModified: '2025-03-01T12:00:00.000Z' });
  });

  it('stores a binary object as the user\'s upload, readable afterwards', async () => {
    const { result } = await runTool(s3DownloadTool, { key: 'images/dot.png' }, context());
    const file = (result as { file: { fileId: string; filename: string; mimeType: string; size: number } }).file;
    expect(file).toMatchObject({ filename: 'dot.png', mimeType: 'image/png', size: png.length });
    expect((result as Record<string, unknown>).content).toBeUndefined();
    const stored = await app.toolFiles.readUpload(userId, file.fileId);
    expect(stored.data.equals(png)).toBe(true);
  });

  it('reports a missing key as not found', async () => {
    await expect(runTool(s3DownloadTool, { key: 'nope.txt' }, context())).rejects.toMatchObject({ code: 'not_found', message: 'S3 has no object "nope.txt" in bucket "team-files".' });
  });

  it('says the credential was refused for an unknown access key', async () => {
    await expect(runTool(s3DownloadTool, { key: 'docs/readme.md' }, context({ ...s3Keys, access_key_id: 'AKIDWRONG' }))).rejects.toThrow('AWS S3 refused the credential (InvalidAccessKeyId)');
  });
});
