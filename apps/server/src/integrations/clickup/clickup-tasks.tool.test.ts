import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { clickupTasksTool } from './clickup-tasks.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

function context(credential: Record<string, string> = { api_key: 'pk_123_ABC' }) {
  return createIntegrationTestContext({ baseUrls: ['https://api.clickup.com'], origin: api.origin, credentials: { clickup: credential } });
}

const clickupTask = {
  id: '86a1b2c3d',
  custom_id: null,
  name: 'Write spec',
  text_content: 'The spec for Q2',
  status: { status: 'in progress', color: '#d3d3d3', type: 'custom' },
  priority: { id: '2', priority: 'high', color: '#ffcc00' },
  assignees: [{ id: 183, username: 'Ada', email: 'ada@example.com' }],
  tags: [{ name: 'docs' }],
  due_date: '1746118800000',
  date_created: '1740000000000',
  date_updated: '1740086400000',
  url: 'https://app.clickup.com/t/86a1b2c3d',
  archived: false,
  list: { id: '901234', name: 'Backlog' },
};

describe('clickup_tasks', () => {
  it('GETs /api/v2/list/{id}/task with the token as the Authorization header and the filters as query parameters', async () => {
    api.answer({ json: { tasks: [clickupTask], last_page: false } });
    const { result } = await runTool(clickupTasksTool, { list_id: '901234', include_closed: true, subtasks: true, statuses: ['in progress'], page: 2 }, context());
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/api/v2/list/901234/task' });
    expect(api.requests[0]!.query).toEqual({ subtasks: 'true', include_closed: 'true', 'statuses[]': 'in progress', page: '2' });
    expect(api.requests[0]!.headers.authorization).toBe('pk_123_ABC');
    expect(result).toEqual({
      list_id: '901234',
      page: 2,
      count: 1,
      tasks: [
        {
          id: '86a1b2c3d',
          name: 'Write spec',
          status: 'in progress',
          priority: 'high',
          assignees: ['Ada'],
          tags: ['docs'],
          due_date: new Date(1746118800000).toISOString(),
          created: new Date(1740000000000).toISOString(),
          updated: new Date(1740086400000).toISOString(),
          url: 'https://app.clickup.com/t/86a1b2c3d',
          description: 'The spec for Q2',
          list_id: '901234',
        },
      ],
      last_page: false,
    });
  });

  it('reports ClickUp\'s refusal of the token (401) with its words', async () => {
    api.answer({ status: 401, json: { err: 'Token invalid', ECODE: 'OAUTH_025' } });
    await expect(runTool(clickupTasksTool, { list_id: '901234' }, context())).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('ClickUp refused the credential (401): Token invalid'),
    });
  });

  it('waits out a 429 with retry-after and tries once more', async () => {
    api.answer({ status: 429, headers: { 'retry-after': '1' }, json: { err: 'Rate limit reached', ECODE: 'APP_002' } }, { json: { tasks: [], last_page: true } });
    const { result } = await runTool(clickupTasksTool, { list_id: '901234' }, context());
    expect(api.requests).toHaveLength(2);
    expect(result).toMatchObject({ count: 0, last_page: true });
  });

  it('refuses an HTML page where JSON was expected', async () => {
    api.answer(htmlAnswer);
    await expect(runTool(clickupTasksTool, { list_id: '901234' }, context())).rejects.toMatchObject({ message: expect.stringContaining('ClickUp answered with an HTML page') });
  });

  it('names a missing token and sends nothing; refuses a list id that could leave the path', async () => {
    await expect(runTool(clickupTasksTool, { list_id: '901234' }, context({}))).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('"api_key"') });
    expect(clickupTasksTool.inputSchema.safeParse({ list_id: '../user' }).success).toBe(false);
    expect(api.requests).toHaveLength(0);
  });
});
