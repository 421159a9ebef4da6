import type { ServerResponse } from 'node:http';
import type { RecordedRequest } from '../../test/llm-doubles/double-server.js';
import { sendJson, startServiceDouble } from '../service-double.test-support.js';
import { createIntegrationTestContext } from '../test-support.js';

export const posthogProjectKey = 'phc_project_key';
export const posthogPersonalKey = 'phx_personal_key';

const invalidProjectKey = { type: 'authentication_error', code: 'invalid_api_key', detail: 'Project API key invalid. You can find your project API key in your PostHog project settings.', attr: null };
const invalidPersonalKey = { type: 'authentication_error', code: 'authentication_failed', detail: 'Personal API key found in request Authorization header is invalid.', attr: null };

function route(recorded: RecordedRequest, response: ServerResponse): void {
  const body = recorded.body as Record<string, unknown> | undefined;
  if (recorded.method === 'POST' && (recorded.path === '/i/v0/e/' || recorded.path === '/flags/')) {
    if (body?.api_key !== posthogProjectKey) return sendJson(response, 401, invalidProjectKey);
    if (!body.distinct_id) return sendJson(response, 400, { type: 'validation_error', code: 'invalid_payload', detail: 'distinct_id is required', attr: null });
    if (recorded.path === '/flags/') return sendJson(response, 200, { flags: {}, errorsWhileComputingFlags: false, requestId: 'req-1' });
    return sendJson(response, 200, { status: 'Ok' });
  }
  if (recorded.path.startsWith('/api/')) {
    if (recorded.headers.authorization !== `Bearer ${posthogPersonalKey}`) return sendJson(response, 401, invalidPersonalKey);
    if (recorded.method === 'GET' && recorded.path === '/api/projects/@current/') return sendJson(response, 200, { id: 4242, name: 'Acme Web' });
    const query = /^\/api\/projects\/(\d+|@current)\/query\/$/.exec(recorded.path);
    if (recorded.method === 'POST' && query) {
      const hogql = (body?.query as { kind?: string; query?: string } | undefined) ?? {};
      if (hogql.kind !== 'HogQLQuery') return sendJson(response, 400, { type: 'validation_error', code: 'invalid_input', detail: 'Unknown query kind' });
      if (/limit 300/i.test(hogql.query ?? '')) {
        return sendJson(response, 200, { columns: ['n'], types: [['n', 'UInt64']], results: Array.from({ length: 300 }, (_, index) => [index]), hasMore: false });
      }
      return sendJson(response, 200, { columns: ['event', 'count()'], types: [['event', 'String'], ['count()', 'UInt64']], results: [['$pageview', 120], ['user_signed_up', 7]], hasMore: false, is_cached: false });
    }
  }
  sendJson(response, 404, { type: 'invalid_request', code: 'not_found', detail: 'Not found.', attr: null });
}

/**
 * A PostHog double: the public capture and flags endpoints (project API key in the body, 401 `invalid_api_key`
 * otherwise) and the private API behind the personal key's Bearer header (project, HogQL query).
 */
export function startPosthogDouble() {
  return startServiceDouble({ authorize: () => null, route, rateLimitBody: { type: 'throttled_error', code: 'throttled', detail: 'Request was throttled.' } });
}

/** A tool context whose PostHog Cloud (US) calls reach the double. */
export function posthogContext(origin: string, values: Record<string, string> = { api_key: posthogProjectKey, personal_api_key: posthogPersonalKey }) {
  return createIntegrationTestContext({ baseUrls: ['https://us.i.posthog.com', 'https://us.posthog.com'], origin, credentials: { posthog: values } });
}
