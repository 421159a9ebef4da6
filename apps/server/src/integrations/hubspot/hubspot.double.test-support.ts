import type { ServerResponse } from 'node:http';
import type { RecordedRequest } from '../../test/llm-doubles/double-server.js';
import { sendJson as send, startServiceDouble } from '../service-double.test-support.js';
import { createIntegrationTestContext } from '../test-support.js';
import { hubspotApi } from './hubspot-api.js';

export const hubspotToken = 'pat-na1-test-token';

const records: Record<string, Array<{ id: string; properties: Record<string, string> }>> = {
  contacts: [
    { id: '101', properties: { email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace', hs_object_id: '101' } },
    { id: '102', properties: { email: 'alan@example.com', firstname: 'Alan', lastname: 'Turing', hs_object_id: '102' } },
  ],
  deals: [{ id: '201', properties: { dealname: 'Big deal', amount: '5000', dealstage: 'closedwon', pipeline: 'default' } }],
  companies: [{ id: '301', properties: { name: 'Acme', domain: 'acme.test', industry: 'COMPUTER_SOFTWARE' } }],
};

/**
 * A HubSpot CRM v3 double: checks the Bearer token (401 with HubSpot's error body otherwise) and answers list,
 * search and create as HubSpot documents them.
 */
export function startHubspotDouble() {
  return startServiceDouble({
    authorize: (recorded) =>
      recorded.headers.authorization === `Bearer ${hubspotToken}` ? null : { status: 401, body: { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' } },
    route,
    rateLimitBody: { status: 'error', message: 'You have reached your secondly limit.', category: 'RATE_LIMITS' },
  });
}

function route(recorded: RecordedRequest, response: ServerResponse): void {
  const match = /^\/crm\/v3\/objects\/(contacts|deals|companies)(\/search)?$/.exec(recorded.path);
  if (!match) return send(response, 404, { status: 'error', message: 'Not found' });
  const [, type, search] = match as unknown as [string, string, string | undefined];
  const all = records[type]!;
  if (recorded.method === 'GET' && !search) {
    const limit = Number(recorded.query.limit ?? 10);
    const start = Number(recorded.query.after ?? 0);
    const page = all.slice(start, start + limit);
    const next = start + limit < all.length ? { paging: { next: { after: String(start + limit), link: '…' } } } : {};
    return send(response, 200, { results: page.map((row) => ({ ...row, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-02T00:00:00Z', archived: false })), ...next });
  }
  if (recorded.method === 'POST' && search) {
    const { query } = recorded.body as { query: string };
    const hits = all.filter((row) => Object.values(row.properties).some((value) => value.toLowerCase().includes(query.toLowerCase())));
    return send(response, 200, { total: hits.length, results: hits });
  }
  if (recorded.method === 'POST') {
    const { properties } = recorded.body as { properties: Record<string, string> };
    return send(response, 201, { id: '999', properties: { ...properties, hs_object_id: '999' }, createdAt: '2025-01-03T00:00:00Z', updatedAt: '2025-01-03T00:00:00Z', archived: false });
  }
  send(response, 405, { status: 'error', message: 'Method not allowed' });
}

/** A tool context whose HubSpot calls reach the double, with the given credential values. */
export function hubspotContext(origin: string, values: Record<string, string> = { access_token: hubspotToken }) {
  return createIntegrationTestContext({ baseUrls: [hubspotApi], origin, credentials: { hubspot: values } });
}
