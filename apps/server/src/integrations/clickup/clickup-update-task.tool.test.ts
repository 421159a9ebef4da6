import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { clickupUpdateTaskTool } from './clickup-update-task.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () => createIntegrationTestContext({ baseUrls: ['https://api.clickup.com'], origin: api.origin, credentials: { clickup: { api_key: 'pk_123_ABC' } } });

describe('clickup_update_task', () => {
  it('PUTs only the given fields to /api/v2/task/{id} and returns the task after the change', async () => {
    api.answer({ json: { id: '86a1b2c3d', name: 'Write spec', status: { status: 'complete' }, priority: { priority: 'low' }, url: 'https://app.clickup.com/t/86a1b2c3d' } });
    const { result } = await runTool(clickupUpdateTaskTool, { task_id: '86a1b2c3d', status: 'complete', priority: 4 }, context());
    expect(api.requests[0]).toMatchObject({ method: 'PUT', path: '/api/v2/task/86a1b2c3d', body: { status: 'complete', priority: 4 } });
    expect(api.requests[0]!.headers.authorization).toBe('pk_123_ABC');
    expect(result).toMatchObject({ updated: true, task: { id: '86a1b2c3d', status: 'complete', priority: 'low' } });
  });

  it('asks for a change instead of sending an empty update', async () => {
    await expect(runTool(clickupUpdateTaskTool, { task_id: '86a1b2c3d' }, context())).rejects.toMatchObject({ code: 'validation_failed' });
    expect(api.requests).toHaveLength(0);
  });
});
