import { Readable } from 'node:stream';
import { AppError } from '../../platform/errors/app-error.js';
import type { OutboundHttp } from '../../tools/tool-ports.js';

/** The request the AWS SDK hands its HTTP handler (smithy's HttpRequest, structurally). */
interface SdkHttpRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query?: Record<string, string | Array<string> | null>;
  headers: Record<string, string>;
  body?: unknown;
}

/** What the SDK expects back (smithy's HttpResponse, structurally): the body as a Node stream. */
interface SdkHttpResponse {
  statusCode: number;
  reason?: string;
  headers: Record<string, string>;
  body: Readable;
}

/** Largest S3 answer read, bytes (an object download). */
export const maxS3ResponseBytes = 50 * 1024 * 1024;

/** RFC 3986 escaping, as SigV4 canonical query strings use. */
function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function queryString(query: SdkHttpRequest['query']): string {
  const parts: string[] = [];
  for (const key of Object.keys(query ?? {}).sort()) {
    const value = query![key];
    if (value === null || value === undefined) parts.push(escapeUri(key));
    else for (const item of Array.isArray(value) ? value : [value]) parts.push(`${escapeUri(key)}=${escapeUri(item)}`);
  }
  return parts.join('&');
}

async function bodyBytes(body: unknown): Promise<string | Uint8Array | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof Readable || (typeof body === 'object' && Symbol.asyncIterator in body)) {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks);
  }
  throw new Error('The S3 request body is of a kind this handler cannot send');
}

/**
 * An HTTP handler for the AWS SDK (S3Client `requestHandler`) that sends every request through the SSRF-guarded
 * outbound client, so the SDK cannot reach an address the guard refuses. The SDK has already signed the request
 * (SigV4); the host, path and query go out exactly as signed. Redirects are not followed (S3's 301 is an error
 * the SDK reports).
 */
export function createGuardedS3Handler(http: OutboundHttp) {
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: SdkHttpRequest, options?: { abortSignal?: AbortSignal }): Promise<{ response: SdkHttpResponse }> {
      const search = queryString(request.query);
      const port = request.port ? `:${request.port}` : '';
      const url = `${request.protocol}//${request.hostname}${port}${request.path}${search ? `?${search}` : ''}`;
      // Expect: 100-continue would make the client wait for an interim answer it does not handle; it is never signed.
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'expect'));
      const body = await bodyBytes(request.body);
      const response = await http.request(url, {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(options?.abortSignal ? { signal: options.abortSignal } : {}),
        maxRedirects: 0,
        maxBytes: maxS3ResponseBytes,
      });
      // S3 answers XML or an object's bytes, never an HTML page of its own: that is a proxy or a wrong endpoint, and
      // the SDK would read it as an empty listing. Only GetObject may carry HTML (an .html object).
      if ((response.headers['content-type'] ?? '').includes('html') && request.query?.['x-id'] !== 'GetObject') {
        throw new AppError('upstream_error', `AWS S3 answered with an HTML page (status ${response.status}); check the endpoint.`, { service: 'AWS S3', status: response.status });
      }
      return { response: { statusCode: response.status, headers: response.headers, body: Readable.from([response.body]) } };
    },
    updateHttpClientConfig(): void {},
    httpHandlerConfigs(): Record<string, never> {
      return {};
    },
    destroy(): void {},
  };
}
