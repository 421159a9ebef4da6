import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { s3ListTool } from './s3-list.tool.js';
import { s3Context, s3Keys, startS3Double } from './s3.double.test-support.js';

let s3: Awaited<ReturnType<typeof startS3Double>>;
beforeAll(async () => {
  s3 = await startS3Double();
  const objects = s3.buckets.get('team-files')!;
  for (const key of ['reports/2025/jan.csv', 'reports/2025/feb.csv', 'reports/2024/summary.txt', 'readme.md']) {
    objects.set(key, { data: Buffer.from(`data of ${key}`), contentType: 'text/plain', lastModified: '2025-03-01T12:00:00.000Z' });
  }
});
afterAll(() => s3.close());

describe('s3_list', () => {
  it('lists with ListObjectsV2 (path-style), signed with SigV4 for the key, region and s3', async () => {
    const { result } = await runTool(s3ListTool, { prefix: 'reports/2025/', max_keys: 1 }, s3Context(s3.origin));
    const request = s3.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'GET', path: '/team-files/', query: { 'list-type': '2', prefix: 'reports/2025/', 'max-keys': '1' } });
    expect(String(request.headers.authorization)).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/);
    expect(result).toEqual({
      bucket: 'team-files', prefix: 'reports/2025/', count: 1, truncated: true, continuationToken: 'token-1',
      objects: [{ key: 'reports/2025/feb.csv', size: 28, lastModified: '2025-03-01T12:00:00.000Z', storageClass: 'STANDARD' }],
    });
    const next = await runTool(s3ListTool, { prefix: 'reports/2025/', max_keys: 1, continuation_token: 'token-1' }, s3Context(s3.origin));
    expect(s3.requests.at(-1)!.query['continuation-token']).toBe('token-1');
    expect(next.result).toMatchObject({ objects: [{ key: 'reports/2025/jan.csv' }] });
  });

  it('lists one folder level with a delimiter, in another bucket than the default', async () => {
    s3.buckets.get('archive')!.set('a b/c.txt', { data: Buffer.from('x'), contentType: 'text/plain', lastModified: '2025-03-01T12:00:00.000Z' });
    const { result } = await runTool(s3ListTool, { bucket: 'archive', delimiter: '/' }, s3Context(s3.origin));
    expect(s3.requests.at(-1)).toMatchObject({ path: '/archive/', query: { delimiter: '/' } });
    expect(result).toMatchObject({ bucket: 'archive', count: 0, folders: ['a b/'] });
  });

  it('says the credential was refused when the signature does not match the secret', async () => {
    await expect(runTool(s3ListTool, {}, s3Context(s3.origin, { ...s3Keys, secret_access_key: 'not-the-secret' }))).rejects.toThrow(
      'AWS S3 refused the credential (SignatureDoesNotMatch)',
    );
    await expect(runTool(s3ListTool, {}, s3Context(s3.origin, { ...s3Keys, access_key_id: 'AKIDOTHER' }))).rejects.toThrow('AWS S3 refused the credential (InvalidAccessKeyId)');
  });

  it('lets the SDK retry a 503 SlowDown once', async () => {
    s3.failNext('slow-down');
    const before = s3.requests.length;
    const { result } = await runTool(s3ListTool, { prefix: 'readme' }, s3Context(s3.origin));
    expect(s3.requests.length - before).toBe(2);
    expect(result).toMatchObject({ count: 1, objects: [{ key: 'readme.md' }] });
  });

  it('reports an unknown bucket, and an HTML answer, clearly', async () => {
    await expect(runTool(s3ListTool, { bucket: 'no-such-bucket' }, s3Context(s3.origin))).rejects.toThrow('S3 has no bucket named "no-such-bucket"');
    s3.failNext('html');
    await expect(runTool(s3ListTool, {}, s3Context(s3.origin))).rejects.toThrow('AWS S3 answered with an HTML page (status 200); check the endpoint.');
  });

  it('needs a bucket when the credential has none, and its required fields, sending nothing', async () => {
    const before = s3.requests.length;
    const { bucket: _bucket, ...withoutBucket } = s3Keys;
    await expect(runTool(s3ListTool, {}, s3Context(s3.origin, withoutBucket))).rejects.toThrow('Give a bucket');
    await expect(runTool(s3ListTool, {}, s3Context(s3.origin, { ...s3Keys, secret_access_key: '' }))).rejects.toThrow('"secret_access_key"');
    await expect(runTool(s3ListTool, {}, s3Context(s3.origin, { ...s3Keys, region: 'Mars' }))).rejects.toThrow('Give an AWS region code');
    expect(s3.requests.length).toBe(before);
  });
});
