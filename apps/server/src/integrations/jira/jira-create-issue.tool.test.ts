import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { jiraCreateIssueTool } from './jira-create-issue.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({
    baseUrls: ['https://acme.atlassian.net'],
    origin: api.origin,
    credentials: { jira: { email: 'ada@example.com', api_token: 'ATATT-token', domain: 'https://acme.atlassian.net/' } },
  });

describe('jira_create_issue', () => {
  it('POSTs the fields to /rest/api/3/issue with the description as an ADF document', async () => {
    api.answer({ status: 201, json: { id: '10010', key: 'PROJ-8', self: 'https://acme.atlassian.net/rest/api/3/issue/10010' } });
    const { result } = await runTool(
      jiraCreateIssueTool,
      { project_key: 'proj', summary: 'Login fails', description: 'Steps:\nopen the page\n\nExpected: it works', issue_type: 'Bug', priority: 'High', labels: ['auth'] },
      context(),
    );
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/rest/api/3/issue' });
    expect(api.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ada@example.com:ATATT-token').toString('base64')}`);
    expect(api.requests[0]!.body).toEqual({
      fields: {
        project: { key: 'PROJ' },
        summary: 'Login fails',
        issuetype: { name: 'Bug' },
        description: {
          type: 'doc',
          version: 1,
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Steps:' }, { type: 'hardBreak' }, { type: 'text', text: 'open the page' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Expected: it works' }] },
          ],
        },
        priority: { name: 'High' },
        labels: ['auth'],
      },
    });
    expect(result).toEqual({ created: true, issue_key: 'PROJ-8', issue_id: '10010', url: 'https://acme.atlassian.net/browse/PROJ-8' });
  });

  it('defaults the issue type to Task and reports a field Jira refuses (errors by field)', async () => {
    api.answer({ status: 400, json: { errorMessages: [], errors: { issuetype: 'Specify an issue type' } } });
    await expect(runTool(jiraCreateIssueTool, { project_key: 'PROJ', summary: 'x' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('Jira refused the request (400): issuetype: Specify an issue type'),
    });
    expect((api.requests[0]!.body as { fields: { issuetype: unknown } }).fields.issuetype).toEqual({ name: 'Task' });
  });
});
