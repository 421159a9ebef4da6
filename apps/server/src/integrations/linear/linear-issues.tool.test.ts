import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { linearIssuesTool } from './linear-issues.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

function context(credential: Record<string, string> = { api_key: 'lin_api_abc' }) {
  return createIntegrationTestContext({ baseUrls: ['https://api.linear.app'], origin: api.origin, credentials: { linear: credential } });
}

const issue = {
  id: '9cfb482a-81e3-4154-b5b9-2c805e70a02d',
  identifier: 'ENG-123',
  title: 'Fix login',
  url: 'https://linear.app/acme/issue/ENG-123/fix-login',
  priority: 2,
  priorityLabel: 'High',
  dueDate: '2025-05-01',
  createdAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-02T10:00:00.000Z',
  state: { name: 'In Progress', type: 'started' },
  team: { id: 'a1b2c3d4-0000-4000-8000-000000000001', key: 'ENG', name: 'Engineering' },
  assignee: { name: 'Ada', email: 'ada@example.com' },
};
const page = (nodes: unknown[], hasNextPage = false) => ({ json: { data: { issues: { nodes, pageInfo: { hasNextPage, endCursor: hasNextPage ? 'cursor-2' : null } } } } });

describe('linear_issues', () => {
  it('POSTs a GraphQL query to api.linear.app/graphql with the key as Authorization and the filter as variables', async () => {
    api.answer(page([issue], true));
    const { result } = await runTool(linearIssuesTool, { team_key: 'eng', state: 'In Progress', limit: 10, after: 'cursor-1' }, context());
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/graphql' });
    expect(request!.headers.authorization).toBe('lin_api_abc');
    expect(request!.headers['content-type']).toBe('application/json');
    const body = request!.body as { query: string; variables: unknown };
    expect(body.query).toMatch(/query Issues\(\$first: Int!, \$after: String, \$filter: IssueFilter\)/);
    expect(body.query).toMatch(/issues\(first: \$first, after: \$after, filter: \$filter, orderBy: updatedAt\)/);
    expect(body.variables).toEqual({ first: 10, after: 'cursor-1', filter: { team: { key: { eq: 'ENG' } }, state: { name: { eqIgnoreCase: 'In Progress' } } } });
    expect(result).toEqual({
      count: 1,
      issues: [
        {
          id: issue.id,
          identifier: 'ENG-123',
          title: 'Fix login',
          url: issue.url,
          state: 'In Progress',
          priority: 'High',
          team: { id: issue.team.id, key: 'ENG' },
          assignee: 'Ada',
          due_date: '2025-05-01',
          created_at: issue.createdAt,
          updated_at: issue.updatedAt,
        },
      ],
      has_more: true,
      end_cursor: 'cursor-2',
    });
  });

  it('treats GraphQL errors in a 200 answer as a failure with Linear\'s message', async () => {
    api.answer({ json: { data: null, errors: [{ message: 'Argument Validation Error', extensions: { code: 'INVALID_INPUT', userPresentableMessage: 'first must not be greater than 250' } }] } });
    await expect(runTool(linearIssuesTool, {}, context())).rejects.toMatchObject({
      code: 'upstream_error',
      message: 'Linear refused the request: first must not be greater than 250.',
    });
  });

  it('reads an authentication error (HTTP 400 or 401) as a refused credential', async () => {
    api.answer({ status: 400, json: { errors: [{ message: 'Authentication required, not authenticated', extensions: { code: 'AUTHENTICATION_ERROR', type: 'authentication error' } }] } });
    await expect(runTool(linearIssuesTool, {}, context())).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('Linear refused the credential (400): Authentication required, not authenticated'),
    });
    api.answer({ status: 401, json: { errors: [{ message: 'Authentication required, not authenticated' }] } });
    await expect(runTool(linearIssuesTool, {}, context())).rejects.toMatchObject({ message: expect.stringContaining('Linear refused the credential (401)') });
  });

  it('waits out a 429 with retry-after and tries once more', async () => {
    api.answer({ status: 429, headers: { 'retry-after': '1' }, json: { errors: [{ message: 'Rate limit exceeded' }] } }, page([]));
    const { result } = await runTool(linearIssuesTool, {}, context());
    expect(api.requests).toHaveLength(2);
    expect(api.requests[1]!.body).toEqual(api.requests[0]!.body);
    expect(result).toMatchObject({ count: 0, has_more: false, end_cursor: null });
  });

  it('waits until x-ratelimit-requests-reset when Linear answers with a RATELIMITED GraphQL error', async () => {
    api.answer(
      () => ({
        status: 400,
        headers: { 'x-ratelimit-requests-remaining': '0', 'x-ratelimit-requests-reset': String(Date.now() + 300) },
        json: { errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATELIMITED' } }] },
      }),
      page([issue]),
    );
    const { result } = await runTool(linearIssuesTool, {}, context());
    expect(api.requests).toHaveLength(2);
    expect(result).toMatchObject({ count: 1 });
  });

  it('refuses an HTML page where JSON was expected', async () => {
    api.answer(htmlAnswer);
    await expect(runTool(linearIssuesTool, {}, context())).rejects.toMatchObject({ message: expect.stringContaining('Linear answered with an HTML page') });
  });

  it('names a missing key and sends nothing', async () => {
    await expect(runTool(linearIssuesTool, {}, context({}))).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('"api_key"') });
    expect(api.requests).toHaveLength(0);
  });
});
