import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { notionApiKey, notionRequest, simplifyNotionObject, type NotionList } from './notion-api.js';

export const notionSearchTool = defineTool({
  name: 'notion_search',
  displayName: 'Search Notion',
  description:
    'Searches the pages and databases shared with the Notion integration by title. Use it to find a page or ' +
    'database (and its id) before reading or changing it. Returns up to page_size results, each with id, title, URL, ' +
    'plain property values and times, plus next_cursor to continue when has_more is true.',
  icon: 'Search',
  category: 'integrations',
  integration: 'notion',
  keywords: ['notion', 'search', 'find', 'pages', 'databases', 'workspace', 'wiki', 'notes'],
  inputSchema: z.object({
    query: z.string().max(500).describe('Text to look for in titles; empty lists everything shared with the integration'),
    filter_type: z.enum(['page', 'database']).optional().describe('Only pages or only databases'),
    page_size: z.number().int().min(1).default(10).transform((size) => Math.min(size, 100)).describe('Results to return (1-100, default 10)'),
    start_cursor: z.string().max(200).optional().describe('next_cursor of a previous answer, to read the next results'),
  }),
  async execute(input, context) {
    const apiKey = await notionApiKey(context);
    const list = await notionRequest<NotionList>(context, apiKey, {
      method: 'POST',
      path: '/search',
      json: {
        ...(input.query ? { query: input.query } : {}),
        ...(input.filter_type ? { filter: { property: 'object', value: input.filter_type } } : {}),
        page_size: input.page_size,
        ...(input.start_cursor ? { start_cursor: input.start_cursor } : {}),
      },
    });
    return {
      result: {
        query: input.query,
        count: list.results.length,
        results: list.results.map(simplifyNotionObject),
        has_more: list.has_more === true,
        next_cursor: list.next_cursor ?? null,
      },
    };
  },
});
