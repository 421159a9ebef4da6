import { GetObjectCommand } from '@aws-sdk/client-s3';
import { posix } from 'node:path';
import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { bucketOf, s3Access, withS3 } from './aws-s3-api.js';

/** Text objects up to this size come back inline; larger or binary ones are stored as an upload. */
const maxInlineBytes = 100 * 1024;
const textual = /^(?:text\/|application\/(?:json|xml|x-yaml|yaml|csv|javascript|x-ndjson)\b|[^;]*\+(?:json|xml)\b)/i;

/** Fetches an object (GetObject): small text inline, anything else saved as a file of the user. */
export const s3DownloadTool = defineTool({
  name: 's3_download',
  displayName: 'S3 Download',
  description:
    'Downloads an object from an AWS S3 bucket (the credential\'s default bucket unless one is given). Text up to ' +
    '100 KB comes back inline as content; larger or binary objects (or any with save_as_file) are saved as a file ' +
    'of the user and the file id, name, type and size are returned, so other tools can read it.',
  icon: 'Download',
  category: 'integrations',
  integration: 'aws_s3',
  keywords: ['s3', 'aws', 'download', 'get', 'read', 'file', 'object', 'bucket'],
  inputSchema: z.object({
    bucket: z.string().max(63).optional(),
    key: z.string().min(1).max(1_024).describe('The object\'s key'),
    save_as_file: z.boolean().default(false).describe('Save it as a file even when it is small text'),
  }),
  async execute(input, context) {
    const access = await s3Access(context);
    const bucket = bucketOf(access, input.bucket);
    const { data, contentType, lastModified, etag } = await withS3(access, { bucket, key: input.key }, async (client) => {
      const output = await client.send(new GetObjectCommand({ Bucket: bucket, Key: input.key }), { abortSignal: context.signal });
      const bytes = output.Body ? Buffer.from(await output.Body.transformToByteArray()) : Buffer.alloc(0);
      return { data: bytes, contentType: output.ContentType ?? 'application/octet-stream', lastModified: output.LastModified?.toISOString(), etag: output.ETag?.replaceAll('"', '') };
    });
    const about = { bucket, key: input.key, size: data.length, contentType, lastModified, etag };
    if (!input.save_as_file && data.length <= maxInlineBytes && textual.test(contentType)) {
      return { result: { ...about, content: data.toString('utf8') } };
    }
    const stored = await context.files.saveUpload(context.userId, { filename: posix.basename(input.key) || 'download', mimeType: contentType.split(';')[0]!.trim(), data });
    return { result: { ...about, file: { fileId: stored.fileId, filename: stored.filename, mimeType: stored.mimeType, size: stored.size, expiresAt: stored.expiresAt } } };
  },
});
