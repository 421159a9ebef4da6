import { ListBucketsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineIntegration } from '../define-integration.js';
import { s3AccessOf, validateBucket, validateRegion, withS3 } from './aws-s3-api.js';
import { s3DeleteTool } from './s3-delete.tool.js';
import { s3DownloadTool } from './s3-download.tool.js';
import { s3ListTool } from './s3-list.tool.js';
import { s3UploadTool } from './s3-upload.tool.js';

/** AWS S3 (or S3-compatible storage behind `INTEGRATION_BASE_URLS`) with an IAM access key (reference §4.3). */
export const awsS3Integration = defineIntegration({
  id: 'aws_s3',
  name: 'AWS S3',
  description: 'List, upload, download and delete objects in your S3 buckets.',
  icon: 'HardDrive',
  category: 'storage',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  fields: [
    { key: 'access_key_id', label: 'Access Key ID', type: 'api_key', required: true, placeholder: 'AKIA…', helpText: 'An IAM user\'s access key with S3 permissions on your bucket.', sensitive: true },
    { key: 'secret_access_key', label: 'Secret Access Key', type: 'api_key', required: true, placeholder: 'Secret access key', sensitive: true },
    { key: 'region', label: 'Region', type: 'text', required: true, placeholder: 'us-east-1', default: 'us-east-1', sensitive: false, validate: validateRegion },
    { key: 'bucket', label: 'Default Bucket', type: 'text', required: false, placeholder: 'my-bucket', helpText: 'Used when a tool call names no bucket.', sensitive: false, validate: validateBucket },
  ],
  tools: [s3ListTool, s3UploadTool, s3DownloadTool, s3DeleteTool],
  async test(values, context) {
    const missing = ['access_key_id', 'secret_access_key', 'region'].filter((key) => !values[key]?.trim());
    if (missing.length > 0) throw new ValidationError(`Give ${missing.join(', ')}.`);
    const access = s3AccessOf(values, context);
    const bucket = access.defaultBucket;
    if (bucket) {
      await withS3(access, { bucket }, (client) => client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 }), { abortSignal: context.signal }));
      return { message: `Connected to AWS S3 (${access.region}); bucket "${bucket}" can be listed.` };
    }
    const output = await withS3(access, {}, (client) => client.send(new ListBucketsCommand({}), { abortSignal: context.signal }));
    return { message: `Connected to AWS S3 (${access.region}); the key sees ${output.Buckets?.length ?? 0} bucket(s).` };
  },
});
