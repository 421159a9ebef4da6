import { EngineError } from '../errors.js';
import type { EnginePorts, HttpPortResponse } from '../ports.js';
import { configString, defineBlockExecutor } from './define-block-executor.js';

const methods = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']);

/** String headers only (templates may have produced numbers). */
export function toHeaders(value: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [name, item] of Object.entries(value)) if (item !== undefined && item !== null) headers[name] = String(item);
  }
  return headers;
}

/** Parses a JSON body when the response says it is JSON (or looks like it), else keeps the text. */
export function parseBody(response: HttpPortResponse): unknown {
  const type = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  if (type.includes('json') || /^\s*[[{]/.test(response.body)) {
    try {
      return JSON.parse(response.body) as unknown;
    } catch {
      return response.body;
    }
  }
  return response.body;
}

/** Sends a request through ports.http and fails on non-2xx (429/5xx are transient, so retried when allowed). */
export async function sendRequest(ports: EnginePorts, request: Parameters<EnginePorts['http']['request']>[0], signal: AbortSignal, failOnStatus: boolean) {
  const response = await ports.http.request(request, signal);
  if (failOnStatus && (response.status < 200 || response.status >= 300)) {
    const isTransient = response.status === 408 || response.status === 429 || response.status >= 500;
    throw new EngineError('HTTP_STATUS', `${request.method} ${request.url} answered ${response.status}.`, {
      isTransient,
      details: { status: response.status, body: response.body.slice(0, 500) },
    });
  }
  return response;
}

/**
 * `http_request` `{ method, url, headers?, body?, credentialId?, failOnStatus? }` through the server's
 * SSRF-guarded client; credentials are a reference the server resolves. Output `{ status, headers, body }`.
 */
export const httpRequestBlock = defineBlockExecutor({
  type: 'http_request',
  validateConfig(config) {
    const problems: string[] = [];
    if (configString(config, 'url') === '') problems.push('url is required.');
    const method = configString(config, 'method', 'GET').toUpperCase();
    if (!methods.has(method)) problems.push(`method must be one of ${[...methods].join(', ')}.`);
    return problems;
  },
  async execute({ config, ports, signal, run, timeoutMs }) {
    const body = config['body'];
    const credentialId = configString(config, 'credentialId');
    const response = await sendRequest(
      ports,
      {
        userId: run.userId,
        method: configString(config, 'method', 'GET').toUpperCase(),
        url: configString(config, 'url'),
        headers: toHeaders(config['headers']),
        ...(body === undefined || body === '' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        ...(credentialId === '' ? {} : { credentialId }),
        timeoutMs,
      },
      signal,
      config['failOnStatus'] !== false,
    );
    return { output: { status: response.status, headers: response.headers, body: parseBody(response) } };
  },
});
