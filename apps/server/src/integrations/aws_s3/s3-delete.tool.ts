import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { bucketOf, s3Access, withS3 } from './aws-s3-api.js';

/** Deletes one object (DeleteObject). */
export const s3DeleteTool = defineTool({
  name: 's3_delete',
  displayName: 'S3 Delete',
  description:
    'Deletes one object from an AWS S3 bucket (the credential\'s default bucket unless one is given) by its exact ' +
    'key. S3 reports success even when the key did not exist. Only use it when the user asked to delete that object.',
  icon: 'Trash2',
  category: 'integrations',
  integration: 'aws_s3',
  keywords: ['s3', 'aws', 'delete', 'remove', 'object', 'file', 'bucket'],
  inputSchema: z.object({
    bucket: z.string().max(63).optional(),
    key: z.string().min(1).max(1_024).describe('The exact key of the object to delete'),
  }),
  async execute(input, context) {
    const access = await s3Access(context);
    const bucket = bucketOf(access, input.bucket);
    const output = await withS3(access, { bucket, key: input.key }, (client) =>
      client.send(new DeleteObjectCommand({ Bucket: bucket, Key: input.key }), { abortSignal: context.signal }),
    );
    return { result: { deleted: true, bucket, key: input.key, ...(output.VersionId ? { versionId: output.VersionId } : {}) } };
  },
});
