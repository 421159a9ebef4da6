import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { htmlAnswer, startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { notionSearchTool } from './notion-search.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

function context(credential: Record<string, string> = { api_key: 'secret_notion' }) {
  return createIntegrationTestContext({ baseUrls: ['https://api.notion.com'], origin: api.origin, credentials: { notion: credential } });
}

const searchAnswer = {
  object: 'list',
  results: [
    {
      object: 'page',
      id: '59833787-2cf9-4fdf-8782-e53db20768a5',
      url: 'https://www.notion.so/Roadmap-598337872cf94fdf8782e53db20768a5',
      created_time: '2025-03-01T10:00:00.000Z',
      last_edited_time: '2025-03-02T10:00:00.000Z',
      icon: { type: 'emoji', emoji: '🗺️' },
      properties: {
        title: { id: 'title', type: 'title', title: [{ type: 'text', plain_text: 'Road' }, { type: 'text', plain_text: 'map' }] },
      },
    },
    {
      object: 'database',
      id: 'd9824bdc-8445-4327-be8b-5b47500af6ce',
      url: 'https://www.notion.so/d9824bdc84454327be8b5b47500af6ce',
      title: [{ type: 'text', plain_text: 'Tasks' }],
      properties: { Name: { id: 'title', type: 'title', title: {} }, Status: { id: 'a', type: 'status', status: {} } },
    },
  ],
  next_cursor: 'cursor-2',
  has_more: true,
  type: 'page_or_database',
};

describe('notion_search', () => {
  it('POSTs the query, filter and page size to /v1/search with the secret and Notion-Version, and returns compact results', async () => {
    api.answer({ json: searchAnswer });
    const { result } = await runTool(notionSearchTool, { query: 'road', filter_type: 'page', page_size: 5 }, context());
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/search' });
    expect(request!.headers.authorization).toBe('Bearer secret_notion');
    expect(request!.headers['notion-version']).toBe('2022-06-28');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toEqual({ query: 'road', filter: { property: 'object', value: 'page' }, page_size: 5 });
    expect(result).toEqual({
      query: 'road',
      count: 2,
      results: [
        {
          object: 'page',
          id: '59833787-2cf9-4fdf-8782-e53db20768a5',
          title: 'Roadmap',
          url: 'https://www.notion.so/Roadmap-598337872cf94fdf8782e53db20768a5',
          icon: '🗺️',
          properties: { title: 'Roadmap' },
          created_time: '2025-03-01T10:00:00.000Z',
          last_edited_time: '2025-03-02T10:00:00.000Z',
        },
        {
          object: 'database',
          id: 'd9824bdc-8445-4327-be8b-5b47500af6ce',
          title: 'Tasks',
          url: 'https://www.notion.so/d9824bdc84454327be8b5b47500af6ce',
          properties: ['Name', 'Status'],
          created_time: null,
          last_edited_time: null,
        },
      ],
      has_more: true,
      next_cursor: 'cursor-2',
    });
  });

  it('caps page_size at 100, passes start_cursor and leaves out an empty query', async () => {
    api.answer({ json: { object: 'list', results: [], next_cursor: null, has_more: false } });
    const { result } = await runTool(notionSearchTool, { query: '', page_size: 500, start_cursor: 'cursor-2' }, context());
    expect(api.requests[0]!.body).toEqual({ page_size: 100, start_cursor: 'cursor-2' });
    expect(result).toMatchObject({ count: 0, has_more: false, next_cursor: null });
  });

  it('reports a refused secret (401) as a readable error with Notion\'s words', async () => {
    api.answer({ status: 401, json: { object: 'error', status: 401, code: 'unauthorized', message: 'API token is invalid.' } });
    await expect(runTool(notionSearchTool, { query: 'x' }, context())).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringMatching(/Notion refused the credential \(401\): API token is invalid\..*the Credentials page/),
    });
  });

  it('waits out a 429 with retry-after and sends the request once more', async () => {
    api.answer(
      { status: 429, headers: { 'retry-after': '1' }, json: { object: 'error', status: 429, code: 'rate_limited', message: 'Slow down' } },
      { json: { object: 'list', results: [], next_cursor: null, has_more: false } },
    );
    const { result } = await runTool(notionSearchTool, { query: 'x' }, context());
    expect(api.requests).toHaveLength(2);
    expect(api.requests[1]!.body).toEqual(api.requests[0]!.body);
    expect(result).toMatchObject({ count: 0 });
  });

  it('refuses an HTML page where JSON was expected', async () => {
    api.answer(htmlAnswer);
    await expect(runTool(notionSearchTool, { query: 'x' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('Notion answered with an HTML page instead of JSON'),
    });
  });

  it('names the missing secret and sends nothing', async () => {
    await expect(runTool(notionSearchTool, { query: 'x' }, context({ api_key: '  ' }))).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('"api_key"'),
    });
    const withoutUser = createIntegrationTestContext({ baseUrls: [], origin: api.origin, overrides: { getCredential: undefined } });
    await expect(runTool(notionSearchTool, { query: 'x' }, withoutUser)).rejects.toMatchObject({
      message: expect.stringContaining('Add a Notion credential'),
    });
    expect(api.requests).toHaveLength(0);
  });
});
