import type { ServerResponse } from 'node:http';
import type { RecordedRequest } from '../../test/llm-doubles/double-server.js';
import { sendJson, startServiceDouble } from '../service-double.test-support.js';
import { createIntegrationTestContext } from '../test-support.js';

export const mixpanelToken = 'mp-project-token';
export const mixpanelSecret = 'mp-api-secret';

function route(recorded: RecordedRequest, response: ServerResponse): void {
  if (recorded.method === 'GET' && recorded.path === '/api/query/events/names') return sendJson(response, 200, ['Signed Up', 'Page Viewed'].slice(0, Number(recorded.query.limit ?? 255)));
  if (recorded.method !== 'POST' || (recorded.path !== '/track' && recorded.path !== '/engage')) return sendJson(response, 404, { error: 'Not found', status: 0 });
  const batch = recorded.body as Array<Record<string, unknown>> | undefined;
  if (!Array.isArray(batch) || batch.length === 0) return sendJson(response, 200, { error: 'data, missing or empty', status: 0 });
  const tokens = batch.map((item) => (recorded.path === '/track' ? (item.properties as Record<string, unknown> | undefined)?.token : item.$token));
  // As Mixpanel's verbose answer: the batch is refused when a record's token is not the project's.
  if (tokens.some((token) => token !== mixpanelToken)) return sendJson(response, 200, { error: 'token, missing or empty', status: 0 });
  sendJson(response, 200, { error: null, status: 1 });
}

/**
 * A Mixpanel double: the ingestion API (`/track`, `/engage` with `verbose=1`, token in the body) and the Query
 * API's top event names behind Basic auth with the API secret (401 otherwise).
 */
export function startMixpanelDouble() {
  return startServiceDouble({
    authorize: (recorded) => {
      if (!recorded.path.startsWith('/api/query/')) return null;
      const expected = `Basic ${Buffer.from(`${mixpanelSecret}:`).toString('base64')}`;
      return recorded.headers.authorization === expected ? null : { status: 401, body: { request: recorded.path, error: 'Invalid API secret' } };
    },
    route,
    rateLimitBody: { error: 'Too many requests', status: 0 },
  });
}

/** A tool context whose Mixpanel calls reach the double. */
export function mixpanelContext(origin: string, values: Record<string, string> = { project_token: mixpanelToken }) {
  return createIntegrationTestContext({
    baseUrls: ['https://api.mixpanel.com', 'https://mixpanel.com'],
    origin,
    credentials: { mixpanel: values },
    overrides: { now: () => new Date('2025-03-01T12:00:00Z') },
  });
}
