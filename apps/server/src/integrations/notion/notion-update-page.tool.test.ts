import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { notionUpdatePageTool } from './notion-update-page.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({ baseUrls: ['https://api.notion.com'], origin: api.origin, credentials: { notion: { api_key: 'secret_notion' } } });

describe('notion_update_page', () => {
  it('PATCHes /v1/pages/{id} with the properties, icon and archived flag and returns the values after the change', async () => {
    api.answer({
      json: {
        object: 'page',
        id: 'a1b2c3d4-0000-4000-8000-000000000001',
        url: 'https://www.notion.so/Write-spec-a1b2c3d4000040008000000000000001',
        last_edited_time: '2025-03-05T08:00:00.000Z',
        properties: {
          Name: { id: 'title', type: 'title', title: [{ plain_text: 'Write spec' }] },
          Status: { id: 's', type: 'status', status: { name: 'Done' } },
        },
      },
    });
    const properties = { Status: { status: { name: 'Done' } } };
    const { result } = await runTool(
      notionUpdatePageTool,
      { page_id: 'a1b2c3d4-0000-4000-8000-000000000001', properties, icon_emoji: '✅', archived: false },
      context(),
    );
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'PATCH', path: '/v1/pages/a1b2c3d4000040008000000000000001' });
    expect(request!.headers.authorization).toBe('Bearer secret_notion');
    expect(request!.headers['notion-version']).toBe('2022-06-28');
    expect(request!.body).toEqual({ properties, icon: { type: 'emoji', emoji: '✅' }, archived: false });
    expect(result).toEqual({
      updated: true,
      page_id: 'a1b2c3d4-0000-4000-8000-000000000001',
      url: 'https://www.notion.so/Write-spec-a1b2c3d4000040008000000000000001',
      last_edited_time: '2025-03-05T08:00:00.000Z',
      title: 'Write spec',
      properties: { Name: 'Write spec', Status: 'Done' },
    });
  });

  it('asks for something to change instead of sending an empty update', async () => {
    await expect(runTool(notionUpdatePageTool, { page_id: 'a1b2c3d4000040008000000000000001', properties: {} }, context())).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect(api.requests).toHaveLength(0);
  });
});
