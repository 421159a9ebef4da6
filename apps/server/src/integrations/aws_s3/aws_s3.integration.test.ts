import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContextOf } from '../test-support.js';
import { awsS3Integration } from './aws_s3.integration.js';
import { s3Context, s3Keys, startS3Double } from './s3.double.test-support.js';

let s3: Awaited<ReturnType<typeof startS3Double>>;
beforeAll(async () => {
  s3 = await startS3Double();
});
afterAll(() => s3.close());

describe('aws_s3 credential test', () => {
  it('lists one key of the default bucket', async () => {
    const result = await awsS3Integration.test!(s3Keys, testContextOf(s3Context(s3.origin)));
    expect(s3.requests.at(-1)).toMatchObject({ method: 'GET', path: '/team-files/', query: { 'list-type': '2', 'max-keys': '1' } });
    expect(result.message).toBe('Connected to AWS S3 (eu-west-1); bucket "team-files" can be listed.');
  });

  it('lists the buckets when there is no default bucket', async () => {
    const { bucket: _bucket, ...values } = s3Keys;
    const result = await awsS3Integration.test!(values, testContextOf(s3Context(s3.origin)));
    expect(s3.requests.at(-1)).toMatchObject({ method: 'GET', path: '/' });
    expect(result.message).toBe('Connected to AWS S3 (eu-west-1); the key sees 2 bucket(s).');
  });

  it('fails for a wrong secret, and names missing fields without sending', async () => {
    await expect(awsS3Integration.test!({ ...s3Keys, secret_access_key: 'wrong' }, testContextOf(s3Context(s3.origin)))).rejects.toThrow('AWS S3 refused the credential (SignatureDoesNotMatch)');
    const before = s3.requests.length;
    await expect(awsS3Integration.test!({ region: 'eu-west-1' }, testContextOf(s3Context(s3.origin)))).rejects.toThrow('Give access_key_id, secret_access_key.');
    expect(s3.requests.length).toBe(before);
  });

  it('validates region and bucket fields', () => {
    const field = (key: string) => awsS3Integration.fields.find((candidate) => candidate.key === key)!;
    expect(field('region').validate!('ap-southeast-2')).toBeNull();
    expect(field('region').validate!('https://s3.evil.test')).not.toBeNull();
    expect(field('bucket').validate!('My_Bucket')).not.toBeNull();
  });
});
