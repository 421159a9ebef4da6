import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { linearCreateIssueTool } from './linear-create-issue.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => createIntegrationTestContext({ baseUrls: ['https://api.linear.app'], origin: api.origin, credentials: { linear: { api_key: 'lin_api_abc' } } });

const teamId = 'a1b2c3d4-0000-4000-8000-000000000001';

describe('linear_create_issue', () => {
  it('sends the issueCreate mutation with an IssueCreateInput and returns the new issue', async () => {
    api.answer({
      json: {
        data: {
          issueCreate: {
            success: true,
            issue: { id: 'new-1', identifier: 'ENG-124', title: 'Ship it', url: 'https://linear.app/acme/issue/ENG-124/ship-it', priority: 1, priorityLabel: 'Urgent', state: { name: 'Todo' }, team: { id: teamId, key: 'ENG' } },
          },
        },
      },
    });
    const { result } = await runTool(linearCreateIssueTool, { team_id: teamId, title: 'Ship it', description: 'All of it', priority: 1 }, context());
    const body = api.requests[0]!.body as { query: string; variables: unknown };
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/graphql' });
    expect(api.requests[0]!.headers.authorization).toBe('lin_api_abc');
    expect(body.query).toMatch(/mutation IssueCreate\(\$input: IssueCreateInput!\) \{\s+issueCreate\(input: \$input\)/);
    expect(body.variables).toEqual({ input: { teamId, title: 'Ship it', description: 'All of it', priority: 1 } });
    expect(result).toMatchObject({ created: true, issue: { id: 'new-1', identifier: 'ENG-124', url: 'https://linear.app/acme/issue/ENG-124/ship-it', state: 'Todo', priority: 'Urgent' } });
  });

  it('fails when Linear reports success: false', async () => {
    api.answer({ json: { data: { issueCreate: { success: false, issue: null } } } });
    await expect(runTool(linearCreateIssueTool, { team_id: teamId, title: 'x' }, context())).rejects.toMatchObject({ message: 'Linear did not create the issue.' });
  });
});
