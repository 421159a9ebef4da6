import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { notionApiKey, notionId, notionRequest, simplifyNotionObject, type NotionList } from './notion-api.js';

export const notionQueryDatabaseTool = defineTool({
  name: 'notion_query_database',
  displayName: 'Query Notion Database',
  description:
    'Reads the entries of a Notion database (tasks, contacts, content…), optionally filtered and sorted with ' +
    'Notion\'s filter and sort objects. Use notion_search first to find the database id. Returns each entry\'s id, ' +
    'title, URL and plain property values, plus next_cursor to continue when has_more is true.',
  icon: 'Database',
  category: 'integrations',
  integration: 'notion',
  keywords: ['notion', 'database', 'query', 'filter', 'sort', 'tasks', 'entries', 'records', 'table'],
  inputSchema: z.object({
    database_id: z.string().min(1).max(300).describe('The database id (32 hex digits, dashes optional) or its URL'),
    filter: z.record(z.string(), z.unknown()).optional().describe('A Notion filter, e.g. {"property":"Status","status":{"equals":"Done"}}'),
    sorts: z.array(z.record(z.string(), z.unknown())).max(10).optional().describe('Notion sorts, e.g. [{"property":"Due","direction":"ascending"}]'),
    page_size: z.number().int().min(1).default(10).transform((size) => Math.min(size, 100)).describe('Entries to return (1-100, default 10)'),
    start_cursor: z.string().max(200).optional().describe('next_cursor of a previous answer, to read the next entries'),
  }),
  async execute(input, context) {
    const databaseId = notionId(input.database_id, 'database');
    const apiKey = await notionApiKey(context);
    const list = await notionRequest<NotionList>(context, apiKey, {
      method: 'POST',
      path: `/databases/${databaseId}/query`,
      json: {
        ...(input.filter ? { filter: input.filter } : {}),
        ...(input.sorts ? { sorts: input.sorts } : {}),
        page_size: input.page_size,
        ...(input.start_cursor ? { start_cursor: input.start_cursor } : {}),
      },
    });
    return {
      result: {
        database_id: databaseId,
        count: list.results.length,
        entries: list.results.map(simplifyNotionObject),
        has_more: list.has_more === true,
        next_cursor: list.next_cursor ?? null,
      },
    };
  },
});
