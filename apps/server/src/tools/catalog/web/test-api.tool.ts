import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { defineTool } from '../../define-tool.js';

/** Characters of the response body shown to the model. */
const maxBodyChars = 10_000;
/** Largest response read, bytes. */
const maxResponseBytes = 5 * 1024 * 1024;

const textualType = /^(?:text\/|application\/(?:json|xml|javascript|x-www-form-urlencoded|problem\+json|ld\+json)\b|[^;]*\+(?:json|xml)\b)/i;
const jsonType = /^application\/(?:[\w.-]+\+)?json\b/i;

function describeBody(contentType: string, body: Buffer, text: () => string): { body: unknown; bodyTruncated: boolean } {
  if (body.length === 0) return { body: '', bodyTruncated: false };
  if (contentType && !textualType.test(contentType)) {
    return { body: `[${body.length} bytes of ${contentType.split(';')[0]}]`, bodyTruncated: false };
  }
  const content = text();
  if (jsonType.test(contentType) && content.length <= maxBodyChars) {
    try {
      return { body: JSON.parse(content) as unknown, bodyTruncated: false };
    } catch {
      // Not valid JSON despite its type: show the text as it is.
    }
  }
  return content.length > maxBodyChars ? { body: content.slice(0, maxBodyChars), bodyTruncated: true } : { body: content, bodyTruncated: false };
}

export const testApiTool = defineTool({
  name: 'test_api',
  displayName: 'API Tester',
  description:
    'Sends one HTTP request to an API (any method, headers and body) and reports the status, response headers, the ' +
    'body (parsed when JSON, cut at 10000 characters), its size and how long it took; with expected_status it also ' +
    'says whether the status matched. Use it to check that an endpoint works or to show what it returns.',
  icon: 'Network',
  category: 'web',
  keywords: ['api', 'http', 'rest', 'request', 'endpoint', 'test', 'curl', 'postman', 'status', 'json', 'webhook'],
  inputSchema: z.object({
    url: z.url({ protocol: /^https?$/, error: 'Give an http or https URL' }).max(4_000).describe('The endpoint to call'),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).default('GET'),
    headers: z.record(z.string(), z.string()).optional().describe('Request headers, e.g. {"Authorization": "Bearer …"}'),
    body: z
      .union([z.string().max(1_000_000), z.record(z.string(), z.unknown()), z.array(z.unknown())])
      .optional()
      .describe('Request body: a string as is, or an object/array sent as JSON'),
    expected_status: z.number().int().min(100).max(599).optional().describe('The status you expect; the result says whether it matched'),
  }),
  async execute(input, context) {
    const headers = { ...input.headers };
    let body: string | undefined;
    if (typeof input.body === 'string') body = input.body;
    else if (input.body !== undefined) {
      body = JSON.stringify(input.body);
      if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    }
    const startedAt = performance.now();
    const response = await context.http.request(input.url, { method: input.method, headers, body, signal: context.signal, maxBytes: maxResponseBytes });
    const timingMs = Math.round(performance.now() - startedAt);
    const contentType = response.headers['content-type'] ?? '';
    return {
      result: {
        request: { method: input.method, url: input.url },
        status: response.status,
        statusText: STATUS_CODES[response.status] ?? '',
        ok: response.status >= 200 && response.status < 300,
        ...(input.expected_status !== undefined ? { expectedStatus: input.expected_status, passed: response.status === input.expected_status } : {}),
        headers: response.headers,
        ...describeBody(contentType, response.body, () => response.text()),
        sizeBytes: response.body.length,
        timingMs,
        ...(response.url !== new URL(input.url).href ? { finalUrl: response.url } : {}),
      },
    };
  },
});
