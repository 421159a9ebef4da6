import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { notionApiKey, notionId, notionRequest, simplifyNotionObject, type NotionPage } from './notion-api.js';

export const notionUpdatePageTool = defineTool({
  name: 'notion_update_page',
  displayName: 'Update Notion Page',
  description:
    'Changes an existing Notion page or database entry: its properties (status, dates, checkboxes… in Notion\'s ' +
    'format), its emoji icon, or moves it to the trash with archived: true. Returns the page\'s id, URL, edit time ' +
    'and its property values after the change.',
  icon: 'Edit',
  category: 'integrations',
  integration: 'notion',
  keywords: ['notion', 'update', 'edit', 'modify', 'change', 'status', 'properties', 'archive'],
  inputSchema: z.object({
    page_id: z.string().min(1).max(300).describe('The page id (or its URL)'),
    properties: z.record(z.string(), z.unknown()).optional().describe('Properties to set, e.g. {"Status":{"status":{"name":"Done"}},"Done":{"checkbox":true}}'),
    icon_emoji: z.string().max(16).optional().describe('A new emoji icon'),
    archived: z.boolean().optional().describe('true moves the page to the trash, false restores it'),
  }),
  async execute(input, context) {
    const pageId = notionId(input.page_id, 'page');
    const hasProperties = input.properties !== undefined && Object.keys(input.properties).length > 0;
    if (!hasProperties && !input.icon_emoji && input.archived === undefined) {
      throw new ValidationError('Give at least one of properties, icon_emoji or archived to change.');
    }
    const apiKey = await notionApiKey(context);
    const page = await notionRequest<NotionPage>(context, apiKey, {
      method: 'PATCH',
      path: `/pages/${pageId}`,
      json: {
        ...(hasProperties ? { properties: input.properties } : {}),
        ...(input.icon_emoji ? { icon: { type: 'emoji', emoji: input.icon_emoji } } : {}),
        ...(input.archived === undefined ? {} : { archived: input.archived }),
      },
    });
    const simplified = simplifyNotionObject(page);
    return {
      result: {
        updated: true,
        page_id: page.id,
        url: page.url ?? null,
        last_edited_time: page.last_edited_time ?? null,
        title: simplified.title,
        properties: simplified.properties,
      },
    };
  },
});
