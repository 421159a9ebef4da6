import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { linearUpdateIssueTool } from './linear-update-issue.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => createIntegrationTestContext({ baseUrls: ['https://api.linear.app'], origin: api.origin, credentials: { linear: { api_key: 'lin_api_abc' } } });

describe('linear_update_issue', () => {
  it('sends the issueUpdate mutation with the id and only the given changes', async () => {
    api.answer({
      json: { data: { issueUpdate: { success: true, issue: { id: 'i-1', identifier: 'ENG-123', title: 'Fix login', url: 'https://linear.app/acme/issue/ENG-123', priority: 4, priorityLabel: 'Low', state: { name: 'Done' } } } } },
    });
    const { result } = await runTool(linearUpdateIssueTool, { issue_id: 'ENG-123', state_id: 'state-done-1', priority: 4 }, context());
    const body = api.requests[0]!.body as { query: string; variables: unknown };
    expect(body.query).toMatch(/mutation IssueUpdate\(\$id: String!, \$input: IssueUpdateInput!\) \{\s+issueUpdate\(id: \$id, input: \$input\)/);
    expect(body.variables).toEqual({ id: 'ENG-123', input: { stateId: 'state-done-1', priority: 4 } });
    expect(api.requests[0]!.headers.authorization).toBe('lin_api_abc');
    expect(result).toMatchObject({ updated: true, issue: { identifier: 'ENG-123', state: 'Done', priority: 'Low' } });
  });

  it('asks for a change instead of sending an empty update', async () => {
    await expect(runTool(linearUpdateIssueTool, { issue_id: 'ENG-123' }, context())).rejects.toMatchObject({ code: 'validation_failed' });
    expect(api.requests).toHaveLength(0);
  });
});
