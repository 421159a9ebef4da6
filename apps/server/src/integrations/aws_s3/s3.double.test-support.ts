import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startDoubleServer, type RecordedRequest } from '../../test/llm-doubles/double-server.js';
import { createIntegrationTestContext } from '../test-support.js';

export const s3Keys = { access_key_id: 'AKIDEXAMPLE', secret_access_key: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'eu-west-1', bucket: 'team-files' };

interface StoredObject {
  data: Buffer;
  contentType: string;
  lastModified: string;
}

const xmlHeader = '<?xml version="1.0" encoding="UTF-8"?>\n';
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function sendXml(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'REQ123', ...headers });
  response.end(xmlHeader + body);
}

function sendError(response: ServerResponse, status: number, code: string, message: string, extra = ''): void {
  sendXml(response, status, `<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>${extra}<RequestId>REQ123</RequestId></Error>`);
}

const rfc3986 = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

/** The Authorization header's parts, when it has the SigV4 shape S3 documents. */
const authorizationShape = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

/**
 * Verifies a request's Signature Version 4 the way S3 does (canonical request from what arrived, string to sign,
 * the derived key from the known secret). Returns the S3 error code when it fails, null when it holds.
 */
function verifySigV4(request: IncomingMessage, recorded: RecordedRequest): string | null {
  const match = authorizationShape.exec(String(request.headers.authorization ?? ''));
  if (!match) return 'AuthorizationHeaderMalformed';
  const [, accessKey, date, region, signedHeaders, signature] = match as unknown as string[];
  if (accessKey !== s3Keys.access_key_id) return 'InvalidAccessKeyId';
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(date!) || region !== s3Keys.region) return 'AuthorizationHeaderMalformed';
  const payloadHash = String(request.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== createHash('sha256').update(recorded.rawBody).digest('hex')) return 'XAmzContentSHA256Mismatch';
  const [rawPath, rawQuery = ''] = (request.url ?? '/').split('?');
  const query = rawQuery === '' ? [] : rawQuery.split('&').map((part) => part.split('=').map((piece) => rfc3986(decodeURIComponent(piece ?? ''))) as [string, string?]);
  const canonicalQuery = query.map(([name, value = '']) => `${name}=${value}`).sort().join('&');
  const names = signedHeaders!.split(';');
  const canonicalHeaders = names.map((name) => `${name}:${String(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [request.method, rawPath, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${s3Keys.secret_access_key}`, date!), region!), 's3'), 'aws4_request');
  return createHmac('sha256', signingKey).update(stringToSign).digest('hex') === signature ? null : 'SignatureDoesNotMatch';
}

function listObjects(response: ServerResponse, bucket: string, objects: Map<string, StoredObject>, query: Record<string, string>): void {
  const prefix = query.prefix ?? '';
  const maxKeys = Number(query['max-keys'] ?? 1000);
  const start = Number(query['continuation-token']?.replace('token-', '') ?? 0);
  const keys = [...objects.keys()].filter((key) => key.startsWith(prefix)).sort();
  const folders = new Set<string>();
  const files: string[] = [];
  for (const key of keys) {
    const rest = key.slice(prefix.length);
    if (query.delimiter && rest.includes(query.delimiter)) folders.add(prefix + rest.slice(0, rest.indexOf(query.delimiter) + 1));
    else files.push(key);
  }
  const page = files.slice(start, start + maxKeys);
  const isTruncated = start + maxKeys < files.length;
  const contents = page
    .map((key) => `<Contents><Key>${escapeXml(key)}</Key><LastModified>${objects.get(key)!.lastModified}</LastModified><ETag>"etag-${key.length}"</ETag><Size>${objects.get(key)!.data.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`)
    .join('');
  const prefixes = [...folders].map((folder) => `<CommonPrefixes><Prefix>${escapeXml(folder)}</Prefix></CommonPrefixes>`).join('');
  sendXml(
    response,
    200,
    `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${bucket}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys>` +
      `<IsTruncated>${isTruncated}</IsTruncated>${contents}${prefixes}${isTruncated ? `<NextContinuationToken>token-${start + maxKeys}</NextContinuationToken>` : ''}</ListBucketResult>`,
  );
}

export type S3Failure = 'slow-down' | 'html';

/**
 * An S3-compatible double (path-style, as S3 serves it behind a custom endpoint): verifies each request's SigV4
 * signature and answers ListBuckets, ListObjectsV2, PutObject, GetObject and DeleteObject with S3's documented
 * XML and headers; errors as S3's `<Error>` documents. `failNext` answers one request with 503 SlowDown or HTML.
 */
export async function startS3Double() {
  const buckets = new Map<string, Map<string, StoredObject>>([[s3Keys.bucket, new Map()], ['archive', new Map()]]);
  const failures: S3Failure[] = [];
  const server = await startDoubleServer(async ({ request, response, recorded }) => {
    const failure = failures.shift();
    if (failure === 'slow-down') return sendError(response, 503, 'SlowDown', 'Please reduce your request rate.');
    if (failure === 'html') {
      response.writeHead(200, { 'content-type': 'text/html' });
      return void response.end('<!DOCTYPE html><html><body>Captive portal</body></html>');
    }
    const refusal = verifySigV4(request, recorded);
    if (refusal) return sendError(response, 403, refusal, refusal === 'InvalidAccessKeyId' ? 'The AWS Access Key Id you provided does not exist in our records.' : 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
    const [, bucketName = '', ...keyParts] = recorded.path.split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    if (!bucketName) {
      const list = [...buckets.keys()].map((name) => `<Bucket><Name>${name}</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket>`).join('');
      return sendXml(response, 200, `<ListAllMyBucketsResult><Owner><ID>owner-1</ID></Owner><Buckets>${list}</Buckets></ListAllMyBucketsResult>`);
    }
    const objects = buckets.get(bucketName);
    if (!objects) return sendError(response, 404, 'NoSuchBucket', 'The specified bucket does not exist', `<BucketName>${bucketName}</BucketName>`);
    if (!key && request.method === 'GET') return listObjects(response, bucketName, objects, recorded.query);
    if (request.method === 'PUT') {
      objects.set(key, { data: recorded.rawBody, contentType: String(request.headers['content-type'] ?? 'binary/octet-stream'), lastModified: new Date('2025-03-01T12:00:00.000Z').toISOString() });
      response.writeHead(200, { etag: `"${createHash('md5').update(recorded.rawBody).digest('hex')}"`, 'x-amz-request-id': 'REQ123' });
      return void response.end();
    }
    if (request.method === 'GET') {
      const object = objects.get(key);
      if (!object) return sendError(response, 404, 'NoSuchKey', 'The specified key does not exist.', `<Key>${escapeXml(key)}</Key>`);
      response.writeHead(200, { 'content-type': object.contentType, 'content-length': String(object.data.length), etag: `"${createHash('md5').update(object.data).digest('hex')}"`, 'last-modified': new Date(object.lastModified).toUTCString() });
      return void response.end(object.data);
    }
    if (request.method === 'DELETE') {
      objects.delete(key);
      response.writeHead(204, { 'x-amz-request-id': 'REQ123' });
      return void response.end();
    }
    sendError(response, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  });
  return Object.assign(server, { buckets, failNext: (failure: S3Failure) => void failures.push(failure) });
}

/** A tool context whose S3 endpoint of the test region is redirected to the double. */
export function s3Context(origin: string, values: Record<string, string> = s3Keys, overrides: Parameters<typeof createIntegrationTestContext>[0]['overrides'] = {}) {
  return createIntegrationTestContext({ baseUrls: [`https://s3.${s3Keys.region}.amazonaws.com`], origin, credentials: { aws_s3: values }, overrides });
}
