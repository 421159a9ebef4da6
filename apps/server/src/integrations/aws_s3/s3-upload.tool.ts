import { PutObjectCommand } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { bucketOf, s3Access, withS3 } from './aws-s3-api.js';

/** Largest upload, bytes (the guarded client holds the body in memory). */
const maxUploadBytes = 50 * 1024 * 1024;

/** Puts an object into a bucket from text or from a file the user uploaded (PutObject). */
export const s3UploadTool = defineTool({
  name: 's3_upload',
  displayName: 'S3 Upload',
  description:
    'Uploads an object to an AWS S3 bucket (the credential\'s default bucket unless one is given): either text ' +
    '(content) or a file the user attached (file_id). key is the object\'s path in the bucket; for a file it ' +
    `defaults to the file's name. At most ${maxUploadBytes / 1024 / 1024} MB. Overwrites an existing object with ` +
    'the same key. Returns the bucket, key, size, content type and ETag.',
  icon: 'Upload',
  category: 'integrations',
  integration: 'aws_s3',
  keywords: ['s3', 'aws', 'upload', 'put', 'store', 'file', 'bucket', 'storage'],
  inputSchema: z.object({
    bucket: z.string().max(63).optional(),
    key: z.string().min(1).max(1_024).optional().describe('Object key, e.g. "reports/summary.txt"'),
    content: z.string().max(maxUploadBytes).optional().describe('Text to store'),
    file_id: z.string().max(200).optional().describe('An uploaded file\'s id, to store that file'),
    content_type: z.string().max(200).optional().describe('MIME type; default from the file, or text/plain'),
  }),
  async execute(input, context) {
    if ((input.content === undefined) === (input.file_id === undefined)) throw new ValidationError('Give either content (text) or file_id (an uploaded file), not both.');
    const access = await s3Access(context);
    const bucket = bucketOf(access, input.bucket);
    let data: Buffer;
    let contentType: string;
    let key = input.key;
    if (input.file_id) {
      const file = await context.files.readUpload(context.userId, input.file_id);
      data = file.data;
      contentType = input.content_type ?? file.mimeType;
      key ??= file.filename;
    } else {
      data = Buffer.from(input.content!, 'utf8');
      contentType = input.content_type ?? 'text/plain; charset=utf-8';
    }
    if (!key) throw new ValidationError('Give the key (the object\'s path in the bucket).');
    if (data.length > maxUploadBytes) throw new ValidationError(`The object is larger than ${maxUploadBytes / 1024 / 1024} MB.`);
    const output = await withS3(access, { bucket, key }, (client) =>
      client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: data, ContentType: contentType, ContentLength: data.length }), { abortSignal: context.signal }),
    );
    return { result: { uploaded: true, bucket, key, size: data.length, contentType, etag: output.ETag?.replaceAll('"', '') } };
  },
});
