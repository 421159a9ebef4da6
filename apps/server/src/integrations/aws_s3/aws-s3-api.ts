import { S3Client, S3ServiceException, type S3ClientConfig } from '@aws-sdk/client-s3';
import { AppError, ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import type { CredentialValues, IntegrationTestContext } from '../define-integration.js';
import { requireCredential } from '../require-credential.js';
import { createGuardedS3Handler } from './s3-request-handler.js';

const owner = { id: 'aws_s3', name: 'AWS S3' };
const regionPattern = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const bucketPattern = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** `validate` of the region field. */
export function validateRegion(value: string): string | null {
  return regionPattern.test(value.trim()) ? null : 'Give an AWS region code, like us-east-1 or eu-central-1.';
}

/** `validate` of the bucket field. */
export function validateBucket(value: string): string | null {
  return value.trim() === '' || bucketPattern.test(value.trim()) ? null : 'A bucket name is 3 to 63 lowercase letters, digits, dots and hyphens.';
}

export interface S3Access {
  client: S3Client;
  /** The credential's default bucket, if any. */
  defaultBucket?: string;
  region: string;
}

/** The S3 endpoint of a region as AWS documents it; `INTEGRATION_BASE_URLS` may point it at S3-compatible storage. */
export function regionalEndpoint(region: string): string {
  return `https://s3.${region}.amazonaws.com`;
}

/**
 * An S3 client for a credential's values whose every request goes through the SSRF-guarded client. When the
 * regional endpoint is redirected (a test's double, MinIO behind `INTEGRATION_BASE_URLS`) it is used with
 * path-style addressing; otherwise the SDK addresses AWS itself (virtual-hosted buckets).
 * @throws ValidationError naming a missing or malformed field
 */
export function s3AccessOf(values: CredentialValues, context: Pick<IntegrationTestContext, 'http' | 'serviceUrl'>): S3Access {
  const region = values.region?.trim() ?? '';
  if (validateRegion(region)) throw new ValidationError(validateRegion(region)!);
  const bucket = values.bucket?.trim();
  if (bucket && validateBucket(bucket)) throw new ValidationError(validateBucket(bucket)!);
  const documented = regionalEndpoint(region);
  const endpoint = context.serviceUrl(documented);
  const config: S3ClientConfig = {
    region,
    credentials: { accessKeyId: values.access_key_id!.trim(), secretAccessKey: values.secret_access_key!.trim() },
    requestHandler: createGuardedS3Handler(context.http),
    maxAttempts: 3,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(endpoint === documented ? {} : { endpoint, forcePathStyle: true }),
  };
  return { client: new S3Client(config), region, ...(bucket ? { defaultBucket: bucket } : {}) };
}

/** The user's S3 access. @throws ValidationError when the credential is absent or incomplete */
export async function s3Access(context: ToolContext): Promise<S3Access> {
  const values = await requireCredential(context, owner, ['access_key_id', 'secret_access_key', 'region']);
  return s3AccessOf(values, context);
}

/** The bucket a call uses: the given one, else the credential's. @throws ValidationError when neither */
export function bucketOf(access: S3Access, bucket: string | undefined): string {
  const chosen = bucket?.trim() || access.defaultBucket;
  if (!chosen) throw new ValidationError('Give a bucket (the credential has no default bucket).');
  const problem = validateBucket(chosen);
  if (problem) throw new ValidationError(problem);
  return chosen;
}

const credentialErrors = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied', 'ExpiredToken', 'InvalidToken', 'AuthorizationHeaderMalformed']);

/** A readable AppError for what the SDK threw (S3's error codes, the guard's errors pass through). */
export function s3Error(error: unknown, target: { bucket?: string; key?: string } = {}): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode ?? 0;
    const said = error.message && error.message !== 'UnknownError' ? `: ${error.message}` : '';
    const details = { service: 'AWS S3', status, code: error.name };
    if (credentialErrors.has(error.name) || status === 401 || status === 403) {
      return new AppError('upstream_error', `AWS S3 refused the credential (${error.name})${said}. Check it on the Credentials page.`, details);
    }
    if (error.name === 'NoSuchKey' || (status === 404 && target.key && error.name !== 'NoSuchBucket')) {
      return new AppError('not_found', `S3 has no object "${target.key}" in bucket "${target.bucket}".`, details);
    }
    if (error.name === 'NoSuchBucket') return new AppError('not_found', `S3 has no bucket named "${target.bucket}" in this account and region.`, details);
    if (status >= 500 || error.name === 'SlowDown') return new AppError('upstream_unavailable', `AWS S3 failed (${error.name})${said}. Try again later.`, details);
    return new AppError('upstream_error', `AWS S3 refused the request (${error.name})${said}.`, details);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('upstream_error', `AWS S3 answered in a way that could not be read: ${message.slice(0, 300)}`, { service: 'AWS S3' });
}

/** Runs one S3 call with the client, turning failures into AppErrors and closing the client after. */
export async function withS3<T>(access: S3Access, target: { bucket?: string; key?: string }, work: (client: S3Client) => Promise<T>): Promise<T> {
  try {
    return await work(access.client);
  } catch (error) {
    throw s3Error(error, target);
  } finally {
    access.client.destroy();
  }
}
