import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { startDoubleServer, type DoubleServer, type RecordedRequest } from './llm-doubles/double-server.js';

/** One NDJSON line of the code interpreter's `POST /execute` answer, as E2B documents them. */
export type E2bOutputMessage =
  | { type: 'stdout' | 'stderr'; text: string; timestamp: number }
  | { type: 'result'; text?: string; png?: string; is_main_result: boolean }
  | { type: 'error'; name: string; value: string; traceback: string }
  | { type: 'number_of_executions'; execution_count: number };

export interface E2bDoubleSandbox {
  sandboxID: string;
  templateID: string;
  envdAccessToken: string;
  /** Seconds to live the client asked for. */
  timeout: number;
  allowInternetAccess: unknown;
  /** Code of each `/execute`, in order. */
  executions: string[];
  deleted: boolean;
}

export interface E2bDouble {
  /** The API base URL (`E2B_API_URL`). */
  apiUrl: string;
  /** What `POST /sandboxes` answers as `domain`: sandbox hosts are `<port>-<sandboxID>.<domain>`. */
  domain: string;
  requests: RecordedRequest[];
  sandboxes: E2bDoubleSandbox[];
  close(): Promise<void>;
}

export interface E2bDoubleOptions {
  /** The key `X-API-Key` must carry. */
  apiKey: string;
  /**
   * The kernel's answer to one execution (the messages before `end`); may return a promise that never
   * settles, to play a run that hangs.
   */
  answer: (code: string, sandbox: E2bDoubleSandbox) => E2bOutputMessage[] | Promise<E2bOutputMessage[]>;
}

const sandboxHost = /^(\d+)-([\w-]+)\./;

/**
 * A local stand-in for E2B: the control API (`POST /sandboxes`, `DELETE /sandboxes/:id`, key in `X-API-Key`)
 * and the code interpreter on port 49999 of each sandbox host (`POST /execute` with `X-Access-Token`,
 * NDJSON answer). Requests are routed by their Host header, so the client's URL building is exercised: the
 * test resolves every `*.e2b.test` name to 127.0.0.1.
 */
export async function startE2bDouble(options: E2bDoubleOptions): Promise<E2bDouble> {
  const sandboxes: E2bDoubleSandbox[] = [];
  let domain = '';

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  const server: DoubleServer = await startDoubleServer(async ({ request, response, recorded }) => {
    const host = request.headers.host ?? '';
    const sandboxMatch = sandboxHost.exec(host);
    if (sandboxMatch && host.endsWith(`.${domain}`)) {
      const sandbox = sandboxes.find((candidate) => candidate.sandboxID === sandboxMatch[2]);
      if (!sandbox || sandbox.deleted) return json(response, 502, { message: 'The sandbox was not found' });
      if (sandboxMatch[1] !== '49999' || recorded.method !== 'POST' || recorded.path !== '/execute') return json(response, 404, { message: 'Not found' });
      if (request.headers['x-access-token'] !== sandbox.envdAccessToken) return json(response, 401, { message: 'Invalid access token' });
      const body = recorded.body as { code?: unknown; language?: unknown } | undefined;
      if (typeof body?.code !== 'string') return json(response, 400, { message: 'code is required' });
      sandbox.executions.push(body.code);
      const messages = await options.answer(body.code, sandbox);
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      const count = { type: 'number_of_executions', execution_count: sandbox.executions.length };
      response.end([...messages, count].map((message) => `${JSON.stringify(message)}\n`).join(''));
      return;
    }
    if (request.headers['x-api-key'] !== options.apiKey) return json(response, 401, { code: 401, message: 'Invalid API key' });
    if (recorded.method === 'POST' && recorded.path === '/sandboxes') {
      const body = recorded.body as { templateID?: unknown; timeout?: unknown; allow_internet_access?: unknown } | undefined;
      if (typeof body?.templateID !== 'string') return json(response, 400, { code: 400, message: 'templateID is required' });
      const sandbox: E2bDoubleSandbox = {
        sandboxID: `sbx${randomUUID().replaceAll('-', '').slice(0, 16)}`, templateID: body.templateID,
        envdAccessToken: randomUUID(), timeout: Number(body.timeout), allowInternetAccess: body.allow_internet_access,
        executions: [], deleted: false,
      };
      sandboxes.push(sandbox);
      return json(response, 201, {
        templateID: sandbox.templateID, sandboxID: sandbox.sandboxID, clientID: 'double', envdVersion: '0.2.0',
        envdAccessToken: sandbox.envdAccessToken, domain,
      });
    }
    const deleteMatch = /^\/sandboxes\/([\w-]+)$/.exec(recorded.path);
    if (recorded.method === 'DELETE' && deleteMatch) {
      const sandbox = sandboxes.find((candidate) => candidate.sandboxID === deleteMatch[1] && !candidate.deleted);
      if (!sandbox) return json(response, 404, { code: 404, message: 'Sandbox not found' });
      sandbox.deleted = true;
      response.writeHead(204).end();
      return;
    }
    json(response, 404, { code: 404, message: 'Not found' });
  });
  const port = new URL(server.origin).port;
  domain = `e2b.test:${port}`;
  return { apiUrl: `http://api.e2b.test:${port}`, domain, requests: server.requests, sandboxes, close: () => server.close() };
}
