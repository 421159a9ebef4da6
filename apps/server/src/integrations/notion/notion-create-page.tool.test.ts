import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedDouble, type ScriptedDouble } from '../scripted-double.js';
import { createIntegrationTestContext, runTool } from '../test-support.js';
import { notionCreatePageTool } from './notion-create-page.tool.js';

let api: ScriptedDouble;
beforeAll(async () => void (api = await startScriptedDouble()));
afterAll(() => api.close());
beforeEach(() => api.reset());

const context = () =>
  createIntegrationTestContext({ baseUrls: ['https://api.notion.com'], origin: api.origin, credentials: { notion: { api_key: 'secret_notion' } } });

const created = {
  object: 'page',
  id: 'c0ffee00-0000-4000-8000-000000000002',
  url: 'https://www.notion.so/Ship-it-c0ffee00000040008000000000000002',
  created_time: '2025-03-04T09:00:00.000Z',
  last_edited_time: '2025-03-04T09:00:00.000Z',
};

describe('notion_create_page', () => {
  it('adds a database entry: title in the title property, extra properties, icon and paragraphs as children', async () => {
    api.answer({ json: created });
    const { result } = await runTool(
      notionCreatePageTool,
      {
        parent_type: 'database_id',
        parent_id: 'd9824bdc-8445-4327-be8b-5b47500af6ce',
        title: 'Ship it',
        properties: { Status: { status: { name: 'Todo' } } },
        content: 'First paragraph.\n\nSecond paragraph.',
        icon_emoji: '🚀',
      },
      context(),
    );
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/pages' });
    expect(request!.headers.authorization).toBe('Bearer secret_notion');
    expect(request!.headers['notion-version']).toBe('2022-06-28');
    const paragraph = (text: string) => ({ object: 'block', type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: text } }] } });
    expect(request!.body).toEqual({
      parent: { database_id: 'd9824bdc84454327be8b5b47500af6ce' },
      properties: {
        Name: { title: [{ type: 'text', text: { content: 'Ship it' } }] },
        Status: { status: { name: 'Todo' } },
      },
      icon: { type: 'emoji', emoji: '🚀' },
      children: [paragraph('First paragraph.'), paragraph('Second paragraph.')],
    });
    expect(result).toEqual({ created: true, page_id: created.id, url: created.url, created_time: created.created_time });
  });

  it('creates a sub-page with a "title" property and splits a paragraph longer than 2000 characters', async () => {
    api.answer({ json: created });
    await runTool(notionCreatePageTool, { parent_type: 'page_id', parent_id: '598337872cf94fdf8782e53db20768a5', title: 'Notes', content: 'x'.repeat(2_500) }, context());
    const body = api.requests[0]!.body as { parent: unknown; properties: unknown; children: Array<{ paragraph: { rich_text: Array<{ text: { content: string } }> } }> };
    expect(body.parent).toEqual({ page_id: '598337872cf94fdf8782e53db20768a5' });
    expect(body.properties).toEqual({ title: { title: [{ type: 'text', text: { content: 'Notes' } }] } });
    expect(body.children.map((block) => block.paragraph.rich_text[0]!.text.content.length)).toEqual([2_000, 500]);
  });

  it('reports Notion\'s validation message on a 400', async () => {
    api.answer({ status: 400, json: { object: 'error', status: 400, code: 'validation_error', message: 'Name is not a property that exists.' } });
    await expect(runTool(notionCreatePageTool, { parent_type: 'database_id', parent_id: 'd9824bdc84454327be8b5b47500af6ce', title: 'x' }, context())).rejects.toMatchObject({
      message: expect.stringContaining('Notion refused the request (400): Name is not a property that exists.'),
    });
  });
});
