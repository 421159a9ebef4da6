import type { ServerResponse } from 'node:http';
import { startDoubleServer, type DoubleServer, type RecordedRequest } from '../test/llm-doubles/double-server.js';

/** A failure the next request gets instead of the service's answer. */
export type InjectedFailure = 'rate-limit' | 'html';

export interface ServiceDouble extends DoubleServer {
  /** The next request (in order, one per call) answers 429 with `retry-after: 1`, or a 200 HTML login page. */
  failNext(failure: InjectedFailure): void;
}

export interface ServiceDoubleOptions {
  /** Null when the request carries the right credential; else the error answer (status + the service's body). */
  authorize(recorded: RecordedRequest): { status: number; body: unknown } | null;
  /** The service's documented answer; unmatched requests should get the service's 404. */
  route(recorded: RecordedRequest, response: ServerResponse): void | Promise<void>;
  /** The body of the 429 as the service words it. */
  rateLimitBody?: unknown;
}

/** Writes a JSON answer. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * A local double of a third-party HTTP API (integration tests): records every request, refuses a wrong
 * credential the way the service does, answers with the service's documented shapes, and on demand answers
 * one request with a rate limit or an HTML page.
 */
export async function startServiceDouble(options: ServiceDoubleOptions): Promise<ServiceDouble> {
  const failures: InjectedFailure[] = [];
  const server = await startDoubleServer(async ({ response, recorded }) => {
    const failure = failures.shift();
    if (failure === 'rate-limit') return sendJson(response, 429, options.rateLimitBody ?? { message: 'Too many requests' }, { 'retry-after': '1' });
    if (failure === 'html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void response.end('<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in</body></html>');
    }
    const refusal = options.authorize(recorded);
    if (refusal) return sendJson(response, refusal.status, refusal.body);
    await options.route(recorded, response);
  });
  return Object.assign(server, { failNext: (failure: InjectedFailure) => void failures.push(failure) });
}
