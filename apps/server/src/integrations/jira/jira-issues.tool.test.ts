import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { jiraIssuesTool } from './jira-issues.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const credential = { email: 'ada@example.com', api_token: 'ATATT-token', domain: 'acme.atlassian.net' };
function context(values: Record<string, string> = credential) {
  return createIntegrationTestContext({ baseUrls: ['https://acme.atlassian.net'], origin: api.origin, credentials: { jira: values } });
}
const basic = `Basic ${Buffer.from('ada@example.com:ATATT-token').toString('base64')}`;

const issue = {
  id: '10002',
  key: 'PROJ-7',
  self: 'https://acme.atlassian.net/rest/api/3/issue/10002',
  fields: {
    summary: 'Login fails',
    status: { name: 'In Progress' },
    priority: { name: 'High' },
    issuetype: { name: 'Bug' },
    assignee: { displayName: 'Ada Lovelace' },
    reporter: { displayName: 'Grace Hopper' },
    created: '2025-03-01T10:00:00.000+0000',
    updated: '2025-03-02T10:00:00.000+0000',
  },
};

describe('jira_issues', () => {
  it('POSTs the JQL to /rest/api/3/search/jql with Basic email:token and returns compact issues', async () => {
    api.answer({ json: { issues: [issue], nextPageToken: 'page-2', isLast: false } });
    const { result } = await runTool(jiraIssuesTool, { jql: 'project = PROJ AND status = "In Progress"', max_results: 10, next_page_token: 'page-1' }, context());
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/rest/api/3/search/jql' });
    expect(api.requests[0]!.headers.authorization).toBe(basic);
    expect(api.requests[0]!.body).toEqual({
      jql: 'project = PROJ AND status = "In Progress"',
      maxResults: 10,
      fields: ['summary', 'status', 'priority', 'issuetype', 'assignee', 'reporter', 'created', 'updated'],
      nextPageToken: 'page-1',
    });
    expect(result).toEqual({
      jql: 'project = PROJ AND status = "In Progress"',
      count: 1,
      issues: [
        {
          key: 'PROJ-7',
          id: '10002',
          summary: 'Login fails',
          status: 'In Progress',
          priority: 'High',
          type: 'Bug',
          assignee: 'Ada Lovelace',
          reporter: 'Grace Hopper',
          created: '2025-03-01T10:00:00.000+0000',
          updated: '2025-03-02T10:00:00.000+0000',
          url: 'https://acme.atlassian.net/browse/PROJ-7',
        },
      ],
      next_page_token: 'page-2',
    });
  });

  it('builds a bounded JQL from a project, or for the last 30 days with neither', async () => {
    api.answer({ json: { issues: [], isLast: true } }, { json: { issues: [], isLast: true } });
    await runTool(jiraIssuesTool, { project: 'proj' }, context());
    await runTool(jiraIssuesTool, {}, context());
    expect((api.requests[0]!.body as { jql: string }).jql).toBe('project = "PROJ" ORDER BY created DESC');
    expect((api.requests[1]!.body as { jql: string; maxResults: number }).jql).toBe('created >= -30d ORDER BY created DESC');
    expect((api.requests[1]!.body as { maxResults: number }).maxResults).toBe(50);
  });

  it('reports refused credentials (401) readably', async () => {
    api.answer({ status: 401, headers: { 'content-type': 'text/plain' }, text: 'Client must be authenticated to access this resource.' });
    await expect(runTool(jiraIssuesTool, {}, context())).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('Jira refused the credential (401): Client must be authenticated'),
    });
  });

  it('passes on Jira\'s errorMessages for a bad JQL (400)', async () => {
    api.answer({ status: 400, json: { errorMessages: ["Field 'stauts' does not exist or you do not have permission to view it."], errors: {} } });
    await expect(runTool(jiraIssuesTool, { jql: 'stauts = Done' }, context())).rejects.toMatchObject({
      message: expect.stringContaining("Jira refused the request (400): Field 'stauts' does not exist"),
    });
  });

  it('waits out a 429 with retry-after and tries once more', async () => {
    api.answer({ status: 429, headers: { 'retry-after': '1' }, text: '' }, { json: { issues: [issue] } });
    const { result } = await runTool(jiraIssuesTool, { project: 'PROJ' }, context());
    expect(api.requests).toHaveLength(2);
    expect(result).toMatchObject({ count: 1, next_page_token: null });
  });

  it('refuses an HTML page where JSON was expected', async () => {
    api.answer(htmlAnswer);
    await expect(runTool(jiraIssuesTool, {}, context())).rejects.toMatchObject({ message: expect.stringContaining('Jira answered with an HTML page') });
  });

  it('names a missing field or an unusable domain and sends nothing', async () => {
    await expect(runTool(jiraIssuesTool, {}, context({ email: 'ada@example.com', domain: 'acme.atlassian.net' }))).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('"api_token"'),
    });
    await expect(runTool(jiraIssuesTool, {}, context({ ...credential, domain: 'acme.atlassian.net/evil?x=' }))).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('domain'),
    });
    expect(jiraIssuesTool.inputSchema.safeParse({ project: 'PROJ" OR 1=1' }).success).toBe(false);
    expect(api.requests).toHaveLength(0);
  });
});
