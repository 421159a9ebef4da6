import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { callService } from '../call-service.js';
import { posthogCredential } from './posthog-api.js';

/** Rows returned to the model at most. */
const maxRows = 200;

interface QueryResponse {
  columns?: string[];
  types?: unknown[];
  results?: unknown[][];
  hasMore?: boolean;
}

/** Runs a HogQL query on the PostHog project (`POST /api/projects/{id}/query/`, personal API key). */
export const posthogQueryTool = defineTool({
  name: 'posthog_query',
  displayName: 'PostHog Query',
  description:
    'Runs a read-only HogQL (SQL) query on the connected PostHog project and returns the columns and rows, e.g. ' +
    '"SELECT event, count() FROM events WHERE timestamp > now() - INTERVAL 7 DAY GROUP BY event ORDER BY count() ' +
    `DESC LIMIT 10". Tables: events, persons, sessions, groups. At most ${maxRows} rows come back (truncated says ` +
    'when there were more). Needs the personal API key in the credential.',
  icon: 'Database',
  category: 'integrations',
  integration: 'posthog',
  keywords: ['posthog', 'hogql', 'sql', 'query', 'analytics', 'events', 'insights', 'report'],
  inputSchema: z.object({
    query: z.string().min(1).max(20_000).describe('A HogQL SELECT query'),
    project_id: z.string().regex(/^(?:\d+|@current)$/, 'project_id is a number (or @current)').default('@current').describe('The project id; default the key\'s current project'),
  }),
  async execute(input, context) {
    const credential = await posthogCredential(context);
    if (!credential.personalApiKey) {
      throw new ValidationError('Querying PostHog needs a personal API key (with query:read): add personal_api_key to the PostHog credential.');
    }
    const { data } = await callService<QueryResponse>(context, {
      service: 'PostHog',
      method: 'POST',
      url: `${credential.privateHost}/api/projects/${input.project_id}/query/`,
      headers: { authorization: `Bearer ${credential.personalApiKey}` },
      json: { query: { kind: 'HogQLQuery', query: input.query } },
    });
    const rows = data.results ?? [];
    return {
      result: {
        columns: data.columns ?? [],
        rows: rows.slice(0, maxRows),
        rowCount: Math.min(rows.length, maxRows),
        ...(rows.length > maxRows || data.hasMore ? { truncated: true } : {}),
      },
    };
  },
});
