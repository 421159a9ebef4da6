import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/create-test-app.js';
import { registerAdmin } from '../../test/factories.js';
import { runTool } from '../test-support.js';
import { s3UploadTool } from './s3-upload.tool.js';
import { s3Context, s3Keys, startS3Double } from './s3.double.test-support.js';

// The files port is the app's real one (SQLite + file store), so an uploaded file is read as the tool would.
let s3: Awaited<ReturnType<typeof startS3Double>>;
let app: TestApp;
let userId: string;
beforeAll(async () => {
  s3 = await startS3Double();
  app = await createTestApp();
  userId = (await registerAdmin(app)).user.id;
});
afterAll(async () => {
  await s3.close();
  await app.close();
});

const context = (values: Record<string, string> = s3Keys) => s3Context(s3.origin, values, { userId, files: app.toolFiles });

describe('s3_upload', () => {
  it('puts text with its content type and a signed payload hash, and returns the ETag', async () => {
    const { result } = await runTool(s3UploadTool, { key: 'notes/hello world.txt', content: 'Hello, S3!' }, context());
    const request = s3.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'PUT', path: '/team-files/notes/hello%20world.txt', query: { 'x-id': 'PutObject' } });
    expect(request.rawBody.toString()).toBe('Hello, S3!');
    expect(request.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(request.headers['x-amz-content-sha256']).toBe(createHash('sha256').update('Hello, S3!').digest('hex'));
    const etag = createHash('md5').update('Hello, S3!').digest('hex');
    expect(result).toEqual({ uploaded: true, bucket: 'team-files', key: 'notes/hello world.txt', size: 10, contentType: 'text/plain; charset=utf-8', etag });
    expect(s3.buckets.get('team-files')!.get('notes/hello world.txt')!.data.toString()).toBe('Hello, S3!');
  });

  it('uploads a file the user attached, named after it unless a key is given', async () => {
    const csv = Buffer.from('name,score\nAda,10\n');
    const upload = await app.toolFiles.saveUpload(userId, { filename: 'scores.csv', mimeType: 'text/csv', data: csv });
    const { result } = await runTool(s3UploadTool, { file_id: upload.fileId, bucket: 'archive' }, context());
    expect(s3.requests.at(-1)).toMatchObject({ method: 'PUT', path: '/archive/scores.csv' });
    expect(s3.requests.at(-1)!.rawBody.equals(csv)).toBe(true);
    expect(result).toMatchObject({ bucket: 'archive', key: 'scores.csv', size: csv.length, contentType: 'text/csv' });
  });

  it('needs exactly one of content and file_id, and a key for text, sending nothing otherwise', async () => {
    const before = s3.requests.length;
    await expect(runTool(s3UploadTool, { key: 'a.txt' }, context())).rejects.toThrow('Give either content (text) or file_id');
    await expect(runTool(s3UploadTool, { content: 'x' }, context())).rejects.toThrow('Give the key');
    await expect(runTool(s3UploadTool, { file_id: 'not-a-file', key: 'a' }, context())).rejects.toMatchObject({ code: 'not_found' });
    expect(s3.requests.length).toBe(before);
  });

  it('says the credential was refused when the signature does not match', async () => {
    await expect(runTool(s3UploadTool, { key: 'x.txt', content: 'x' }, context({ ...s3Keys, secret_access_key: 'wrong' }))).rejects.toThrow('AWS S3 refused the credential (SignatureDoesNotMatch)');
    expect(s3.buckets.get('team-files')!.has('x.txt')).toBe(false);
  });
});
