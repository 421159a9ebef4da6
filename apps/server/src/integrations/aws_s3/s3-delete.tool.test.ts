import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { s3DeleteTool } from './s3-delete.tool.js';
import { s3Context, s3Keys, startS3Double } from './s3.double.test-support.js';

let s3: Awaited<ReturnType<typeof startS3Double>>;
beforeAll(async () => {
  s3 = await startS3Double();
});
afterAll(() => s3.close());

describe('s3_delete', () => {
  it('deletes one object with DeleteObject', async () => {
    s3.buckets.get('team-files')!.set('old/report.pdf', { data: Buffer.from('%PDF'), contentType: 'application/pdf', lastModified: '2025-03-01T12:00:00.000Z' });
    s3.buckets.get('team-files')!.set('old/keep.pdf', { data: Buffer.from('%PDF'), contentType: 'application/pdf', lastModified: '2025-03-01T12:00:00.000Z' });
    const { result } = await runTool(s3DeleteTool, { key: 'old/report.pdf' }, s3Context(s3.origin));
    expect(s3.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/team-files/old/report.pdf', query: { 'x-id': 'DeleteObject' } });
    expect(result).toEqual({ deleted: true, bucket: 'team-files', key: 'old/report.pdf' });
    expect([...s3.buckets.get('team-files')!.keys()]).toEqual(['old/keep.pdf']);
  });

  it('says the credential was refused and deletes nothing', async () => {
    await expect(runTool(s3DeleteTool, { key: 'old/keep.pdf' }, s3Context(s3.origin, { ...s3Keys, secret_access_key: 'wrong' }))).rejects.toThrow('AWS S3 refused the credential');
    expect(s3.buckets.get('team-files')!.has('old/keep.pdf')).toBe(true);
  });

  it('fails clearly when the endpoint cannot be reached or is not allowed', async () => {
    const gone = await startS3Double();
    const goneOrigin = gone.origin;
    await gone.close();
    await expect(runTool(s3DeleteTool, { key: 'a' }, s3Context(goneOrigin))).rejects.toMatchObject({ code: 'upstream_unavailable', message: expect.stringContaining('refused the connection') });
    await expect(runTool(s3DeleteTool, { key: 'a' }, s3Context('http://10.9.8.7:9000'))).rejects.toMatchObject({ code: 'outbound_blocked' });
  });
});
