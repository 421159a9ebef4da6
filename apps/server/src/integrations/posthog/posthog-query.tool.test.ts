import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { posthogQueryTool } from './posthog-query.tool.js';
import { posthogContext, posthogPersonalKey, posthogProjectKey, startPosthogDouble } from './posthog.double.test-support.js';

let posthog: Awaited<ReturnType<typeof startPosthogDouble>>;
beforeAll(async () => {
  posthog = await startPosthogDouble();
});
afterAll(() => posthog.close());

const query = 'SELECT event, count() FROM events GROUP BY event ORDER BY count() DESC LIMIT 10';

describe('posthog_query', () => {
  it('posts a HogQLQuery with the personal key and returns columns and rows', async () => {
    const { result } = await runTool(posthogQueryTool, { query, project_id: '4242' }, posthogContext(posthog.origin));
    const request = posthog.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', path: '/api/projects/4242/query/', body: { query: { kind: 'HogQLQuery', query } } });
    expect(request.headers.authorization).toBe(`Bearer ${posthogPersonalKey}`);
    expect(result).toEqual({ columns: ['event', 'count()'], rows: [['$pageview', 120], ['user_signed_up', 7]], rowCount: 2 });
  });

  it('defaults to the key\'s current project and caps the rows it returns', async () => {
    const { result } = await runTool(posthogQueryTool, { query: 'SELECT number AS n FROM numbers(300) LIMIT 300' }, posthogContext(posthog.origin));
    expect(posthog.requests.at(-1)!.path).toBe('/api/projects/@current/query/');
    expect(result).toMatchObject({ rowCount: 200, truncated: true });
    expect((result as { rows: unknown[] }).rows).toHaveLength(200);
  });

  it('needs the personal API key, and sends nothing without it', async () => {
    const before = posthog.requests.length;
    await expect(runTool(posthogQueryTool, { query }, posthogContext(posthog.origin, { api_key: posthogProjectKey }))).rejects.toThrow('needs a personal API key');
    expect(posthog.requests.length).toBe(before);
  });

  it('says the personal key was refused on a 401', async () => {
    await expect(runTool(posthogQueryTool, { query }, posthogContext(posthog.origin, { api_key: posthogProjectKey, personal_api_key: 'phx_wrong' }))).rejects.toThrow(
      'PostHog refused the credential (401): Personal API key found in request Authorization header is invalid.',
    );
  });
});
