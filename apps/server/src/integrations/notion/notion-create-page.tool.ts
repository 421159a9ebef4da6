import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { notionApiKey, notionId, notionRequest, type NotionPage } from './notion-api.js';

/** Notion takes at most 100 blocks per request and 2 000 characters per text object. */
const maxBlocks = 100;
const maxTextChars = 2_000;

/** The body text as paragraph blocks: one per blank-line-separated paragraph, long ones split at 2 000 chars. */
function paragraphBlocks(content: string): unknown[] {
  const blocks: unknown[] = [];
  for (const paragraph of content.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean)) {
    for (let start = 0; start < paragraph.length; start += maxTextChars) {
      const text = paragraph.slice(start, start + maxTextChars);
      blocks.push({ object: 'block', type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: text } }] } });
    }
  }
  return blocks;
}

export const notionCreatePageTool = defineTool({
  name: 'notion_create_page',
  displayName: 'Create Notion Page',
  description:
    'Creates a Notion page: an entry in a database (parent_type database_id, with its properties) or a sub-page of ' +
    'a page (parent_type page_id), with an optional title, text body and emoji icon. The title goes to the ' +
    'database\'s title property (title_property, default "Name"). Returns the new page\'s id and URL.',
  icon: 'FilePlus',
  category: 'integrations',
  integration: 'notion',
  keywords: ['notion', 'create', 'page', 'add', 'new', 'task', 'entry', 'record', 'note'],
  inputSchema: z.object({
    parent_type: z.enum(['database_id', 'page_id']).describe('database_id adds an entry to a database; page_id creates a sub-page'),
    parent_id: z.string().min(1).max(300).describe('The parent database or page id (or its URL)'),
    title: z.string().max(2_000).optional().describe('The page title'),
    title_property: z.string().max(100).default('Name').describe('Name of the database\'s title property (database parents only; default "Name")'),
    properties: z.record(z.string(), z.unknown()).optional().describe('Database properties in Notion\'s format, e.g. {"Status":{"status":{"name":"In progress"}}}'),
    content: z.string().max(100_000).optional().describe('Body text; blank lines separate paragraphs'),
    icon_emoji: z.string().max(16).optional().describe('An emoji icon, e.g. "📝"'),
  }),
  async execute(input, context) {
    const parentId = notionId(input.parent_id, input.parent_type === 'database_id' ? 'database' : 'page');
    const apiKey = await notionApiKey(context);
    const titleKey = input.parent_type === 'database_id' ? input.title_property : 'title';
    const properties = {
      ...(input.title ? { [titleKey]: { title: [{ type: 'text', text: { content: input.title } }] } } : {}),
      ...input.properties,
    };
    const blocks = input.content ? paragraphBlocks(input.content) : [];
    const page = await notionRequest<NotionPage>(context, apiKey, {
      method: 'POST',
      path: '/pages',
      json: {
        parent: { [input.parent_type]: parentId },
        ...(Object.keys(properties).length > 0 ? { properties } : {}),
        ...(input.icon_emoji ? { icon: { type: 'emoji', emoji: input.icon_emoji } } : {}),
        ...(blocks.length > 0 ? { children: blocks.slice(0, maxBlocks) } : {}),
      },
    });
    return {
      result: {
        created: true,
        page_id: page.id,
        url: page.url ?? null,
        created_time: page.created_time ?? null,
        ...(blocks.length > maxBlocks ? { content_truncated: true, paragraphs_written: maxBlocks } : {}),
      },
    };
  },
});
