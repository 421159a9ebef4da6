import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { bucketOf, s3Access, withS3 } from './aws-s3-api.js';

/** Lists objects of a bucket (ListObjectsV2: prefix, folders by delimiter, continuation token). */
export const s3ListTool = defineTool({
  name: 's3_list',
  displayName: 'S3 List',
  description:
    'Lists objects in an AWS S3 bucket (the credential\'s default bucket unless one is given), optionally under a ' +
    'prefix; with delimiter "/" it lists one folder level and returns the sub-folders separately. Returns each ' +
    'object\'s key, size in bytes and last-modified time, and continuation_token when more remain.',
  icon: 'FolderOpen',
  category: 'integrations',
  integration: 'aws_s3',
  keywords: ['s3', 'aws', 'bucket', 'list', 'files', 'objects', 'storage', 'folder'],
  inputSchema: z.object({
    bucket: z.string().max(63).optional().describe('Bucket name; default the credential\'s bucket'),
    prefix: z.string().max(1_024).optional().describe('Only keys starting with this, e.g. "reports/2025/"'),
    delimiter: z.string().max(1).optional().describe('"/" to list one folder level'),
    max_keys: z.number().int().min(1).max(1_000).default(100).describe('Objects per page, at most 1000'),
    continuation_token: z.string().max(2_048).optional().describe('The continuation_token of the previous page'),
  }),
  async execute(input, context) {
    const access = await s3Access(context);
    const bucket = bucketOf(access, input.bucket);
    const output = await withS3(access, { bucket }, (client) =>
      client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: input.prefix, Delimiter: input.delimiter, MaxKeys: input.max_keys, ContinuationToken: input.continuation_token }),
        { abortSignal: context.signal },
      ),
    );
    const objects = (output.Contents ?? []).map((object) => ({ key: object.Key, size: object.Size, lastModified: object.LastModified?.toISOString(), storageClass: object.StorageClass }));
    const folders = (output.CommonPrefixes ?? []).map((entry) => entry.Prefix).filter(Boolean);
    return {
      result: {
        bucket,
        ...(input.prefix ? { prefix: input.prefix } : {}),
        objects,
        count: objects.length,
        ...(folders.length > 0 ? { folders } : {}),
        ...(output.IsTruncated ? { truncated: true, continuationToken: output.NextContinuationToken } : {}),
      },
    };
  },
});
