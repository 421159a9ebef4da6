import { expect } from 'vitest';
import type { ToolContext } from '../../tools/define-tool.js';
import { startDoubleServer, type DoubleServer, type RecordedRequest } from '../../test/llm-doubles/double-server.js';
import { createIntegrationTestContext, loopbackHttp } from '../test-support.js';
import { createComposioClient, type ComposioClient } from './composio-api.js';
import { createComposioActions } from './composio-actions.js';
import { composioEntityIdFor } from './composio-tool.js';

/** The project key the double accepts. */
export const composioTestKey = 'ak_test_composio_key';

/** An answer the double gives once, before its usual ones (a 401, a 429, an HTML page…). */
export interface ScriptedAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/**
 * A local stand-in for Composio's v3 API (tests only): `POST /api/v3/tools/execute/{slug}` answers
 * `{ data, error, successful, log_id }` with the data set for that slug, `POST /api/v3/connected_accounts/link`,
 * `GET /api/v3/connected_accounts` and `GET /api/v3/auth_configs` answer with the state set on the double. Every
 * request without the right `x-api-key` gets Composio's 401. Scripted answers (`script`) come first, in order.
 */
export interface ComposioDouble extends DoubleServer {
  /** Data returned by an action, by slug. An action without data answers `successful: false`. */
  actionData: Map<string, unknown>;
  /** Connected accounts returned by the list endpoint. */
  connectedAccounts: Record<string, unknown>[];
  /** Auth configs returned by the list endpoint. */
  authConfigs: Record<string, unknown>[];
  script(...answers: ScriptedAnswer[]): void;
}

export async function startComposioDouble(): Promise<ComposioDouble> {
  const actionData = new Map<string, unknown>();
  const connectedAccounts: Record<string, unknown>[] = [];
  const authConfigs: Record<string, unknown>[] = [];
  const scripted: ScriptedAnswer[] = [];
  const server = await startDoubleServer(async ({ response, recorded }) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const next = scripted.shift();
    if (next) {
      response.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      return void response.end(next.body);
    }
    if (recorded.headers['x-api-key'] !== composioTestKey) {
      return send(401, { error: { message: 'Invalid API key', code: 10401, status: 401 } });
    }
    const execute = /^\/api\/v3\/tools\/execute\/([A-Z0-9_]+)$/.exec(recorded.path);
    if (execute && recorded.method === 'POST') {
      const slug = execute[1]!;
      if (!actionData.has(slug)) return send(200, { data: {}, error: `Action ${slug} failed: no connected account found`, successful: false, log_id: 'log_fail' });
      return send(200, { data: actionData.get(slug), error: null, successful: true, log_id: 'log_1' });
    }
    if (recorded.path === '/api/v3/connected_accounts/link' && recorded.method === 'POST') {
      return send(201, { link_token: 'lt_1', redirect_url: 'https://connect.composio.dev/link/lt_1', expires_at: '2030-01-01T00:00:00Z', connected_account_id: 'ca_new' });
    }
    if (recorded.path === '/api/v3/connected_accounts' && recorded.method === 'GET') {
      return send(200, { items: connectedAccounts, next_cursor: null, total_pages: 1 });
    }
    if (recorded.path === '/api/v3/auth_configs' && recorded.method === 'GET') {
      return send(200, { items: authConfigs, next_cursor: null, total_pages: 1 });
    }
    send(404, { error: { message: `No route ${recorded.method} ${recorded.path}`, status: 404 } });
  });
  return Object.assign(server, { actionData, connectedAccounts, authConfigs, script: (...answers: ScriptedAnswer[]) => void scripted.push(...answers) });
}

/** A Composio client of the double (the real client, the real SSRF-guarded HTTP, loopback allowed). */
export function composioClientOf(double: DoubleServer, apiKey = composioTestKey): ComposioClient {
  return createComposioClient({ apiKey, apiUrl: double.origin }, loopbackHttp);
}

/**
 * A tool context whose `composio` port talks to the double, for `user-1` with a credential of `integrationId`
 * holding that user's own entity (or `entityId` when given).
 */
export function composioToolContext(double: DoubleServer, integrationId: string, options: { entityId?: string; withComposio?: boolean } = {}): ToolContext & { credentialRequests: string[] } {
  return createIntegrationTestContext({
    baseUrls: [],
    origin: double.origin,
    credentials: { [integrationId]: { composio_entity_id: options.entityId ?? composioEntityIdFor('user-1') } },
    overrides: options.withComposio === false ? {} : { composio: createComposioActions(composioClientOf(double)) },
  });
}

/** Asserts that a request is Composio's execute call of `slug` for user-1's entity with exactly `args`. */
export function expectExecuted(request: RecordedRequest | undefined, slug: string, args: Record<string, unknown>): void {
  expect(request).toBeDefined();
  expect(request!.method).toBe('POST');
  expect(request!.path).toBe(`/api/v3/tools/execute/${slug}`);
  expect(request!.headers['x-api-key']).toBe(composioTestKey);
  expect(request!.headers['content-type']).toBe('application/json');
  expect(request!.body).toEqual({ user_id: composioEntityIdFor('user-1'), arguments: args });
}
