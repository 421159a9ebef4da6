import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { jiraUpdateIssueTool } from './jira-update-issue.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({
    baseUrls: ['https://acme.atlassian.net'],
    origin: api.origin,
    credentials: { jira: { email: 'ada@example.com', api_token: 'ATATT-token', domain: 'acme.atlassian.net' } },
  });

const transitions = { json: { transitions: [{ id: '11', name: 'Start progress', to: { name: 'In Progress' } }, { id: '31', name: 'Done', to: { name: 'Done' } }] } };

describe('jira_update_issue', () => {
  it('reads the transitions first, then PUTs the fields and POSTs the transition by id', async () => {
    api.answer(transitions, { status: 204 }, { status: 204 });
    const { result } = await runTool(jiraUpdateIssueTool, { issue_key: 'proj-7', summary: 'Login fails on Safari', transition: 'in progress' }, context());
    expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /rest/api/3/issue/PROJ-7/transitions',
      'PUT /rest/api/3/issue/PROJ-7',
      'POST /rest/api/3/issue/PROJ-7/transitions',
    ]);
    expect(api.requests[1]!.body).toEqual({ fields: { summary: 'Login fails on Safari' } });
    expect(api.requests[2]!.body).toEqual({ transition: { id: '11' } });
    for (const request of api.requests) expect(request.headers.authorization).toMatch(/^Basic /);
    expect(result).toEqual({
      updated: true,
      issue_key: 'PROJ-7',
      fields_changed: ['summary'],
      transitioned: 'in progress',
      url: 'https://acme.atlassian.net/browse/PROJ-7',
    });
  });

  it('fails before changing anything when the transition is not open to the issue, naming the ones that are', async () => {
    api.answer(transitions);
    await expect(runTool(jiraUpdateIssueTool, { issue_key: 'PROJ-7', summary: 'x', transition: 'Archived' }, context())).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'PROJ-7 cannot move with "Archived"; the transitions open to it now are "Start progress", "Done".',
    });
    expect(api.requests).toHaveLength(1);
  });

  it('asks for a change instead of sending nothing', async () => {
    await expect(runTool(jiraUpdateIssueTool, { issue_key: 'PROJ-7' }, context())).rejects.toMatchObject({ code: 'validation_failed' });
    expect(jiraUpdateIssueTool.inputSchema.safeParse({ issue_key: '../myself', summary: 'x' }).success).toBe(false);
    expect(api.requests).toHaveLength(0);
  });
});
