import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { notionQueryDatabaseTool } from './notion-query-database.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({ baseUrls: ['https://api.notion.com'], origin: api.origin, credentials: { notion: { api_key: 'secret_notion' } } });

const entry = {
  object: 'page',
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  url: 'https://www.notion.so/Write-spec-a1b2c3d4000040008000000000000001',
  created_time: '2025-03-01T10:00:00.000Z',
  last_edited_time: '2025-03-03T10:00:00.000Z',
  properties: {
    Name: { id: 'title', type: 'title', title: [{ plain_text: 'Write spec' }] },
    Status: { id: 's', type: 'status', status: { id: '1', name: 'In progress', color: 'blue' } },
    Tags: { id: 't', type: 'multi_select', multi_select: [{ name: 'docs' }, { name: 'q2' }] },
    Due: { id: 'd', type: 'date', date: { start: '2025-04-01', end: null } },
    Done: { id: 'c', type: 'checkbox', checkbox: false },
    Points: { id: 'p', type: 'number', number: 3 },
    Owner: { id: 'o', type: 'people', people: [{ id: 'u1', name: 'Ada' }] },
    Files: { id: 'f', type: 'files', files: [] },
  },
};

describe('notion_query_database', () => {
  it('POSTs filter, sorts and page size to /v1/databases/{id}/query (id taken from a URL) and simplifies the entries', async () => {
    api.answer({ json: { object: 'list', results: [entry], next_cursor: null, has_more: false } });
    const filter = { property: 'Status', status: { equals: 'In progress' } };
    const sorts = [{ property: 'Due', direction: 'ascending' }];
    const { result } = await runTool(
      notionQueryDatabaseTool,
      { database_id: 'https://www.notion.so/acme/d9824bdc84454327be8b5b47500af6ce?v=123', filter, sorts, page_size: 20 },
      context(),
    );
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/databases/d9824bdc84454327be8b5b47500af6ce/query' });
    expect(request!.headers.authorization).toBe('Bearer secret_notion');
    expect(request!.headers['notion-version']).toBe('2022-06-28');
    expect(request!.body).toEqual({ filter, sorts, page_size: 20 });
    expect(result).toEqual({
      database_id: 'd9824bdc84454327be8b5b47500af6ce',
      count: 1,
      entries: [
        {
          object: 'page',
          id: entry.id,
          title: 'Write spec',
          url: entry.url,
          properties: {
            Name: 'Write spec',
            Status: 'In progress',
            Tags: ['docs', 'q2'],
            Due: { start: '2025-04-01', end: null },
            Done: false,
            Points: 3,
            Owner: ['Ada'],
          },
          created_time: entry.created_time,
          last_edited_time: entry.last_edited_time,
        },
      ],
      has_more: false,
      next_cursor: null,
    });
  });

  it('refuses something that is not a database id before calling Notion', async () => {
    await expect(runTool(notionQueryDatabaseTool, { database_id: '../users' }, context())).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('is not a Notion database id'),
    });
    expect(api.requests).toHaveLength(0);
  });

  it('reports a database the integration cannot see (404) with Notion\'s words', async () => {
    api.answer({ status: 404, json: { object: 'error', status: 404, code: 'object_not_found', message: 'Could not find database with ID: d98.' } });
    await expect(runTool(notionQueryDatabaseTool, { database_id: 'd9824bdc-8445-4327-be8b-5b47500af6ce' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('Notion found nothing there (404): Could not find database'),
    });
  });
});
