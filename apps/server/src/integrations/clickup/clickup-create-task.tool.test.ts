import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { clickupCreateTaskTool } from './clickup-create-task.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => createIntegrationTestContext({ baseUrls: ['https://api.clickup.com'], origin: api.origin, credentials: { clickup: { api_key: 'pk_123_ABC' } } });

describe('clickup_create_task', () => {
  it('POSTs the task to /api/v2/list/{id}/task and returns it', async () => {
    api.answer({
      json: { id: '86new', name: 'Ship it', status: { status: 'to do' }, priority: { priority: 'urgent' }, assignees: [], tags: [{ name: 'release' }], due_date: '1746118800000', url: 'https://app.clickup.com/t/86new' },
    });
    const { result } = await runTool(
      clickupCreateTaskTool,
      { list_id: '901234', name: 'Ship it', description: '**All** of it', status: 'to do', priority: 1, due_date: 1746118800000, assignees: [183], tags: ['release'] },
      context(),
    );
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/api/v2/list/901234/task' });
    expect(api.requests[0]!.headers.authorization).toBe('pk_123_ABC');
    expect(api.requests[0]!.body).toEqual({
      name: 'Ship it',
      markdown_content: '**All** of it',
      status: 'to do',
      priority: 1,
      due_date: 1746118800000,
      assignees: [183],
      tags: ['release'],
    });
    expect(result).toEqual({
      created: true,
      task: {
        id: '86new',
        name: 'Ship it',
        status: 'to do',
        priority: 'urgent',
        assignees: [],
        tags: ['release'],
        due_date: new Date(1746118800000).toISOString(),
        created: null,
        updated: null,
        url: 'https://app.clickup.com/t/86new',
      },
    });
  });

  it('refuses a priority outside 1-4', () => {
    expect(clickupCreateTaskTool.inputSchema.safeParse({ list_id: '901234', name: 'x', priority: 7 }).success).toBe(false);
  });
});
