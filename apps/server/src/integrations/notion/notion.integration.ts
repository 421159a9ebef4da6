import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { notionCreatePageTool } from './notion-create-page.tool.js';
import { notionOwner, notionRequest } from './notion-api.js';
import { notionQueryDatabaseTool } from './notion-query-database.tool.js';
import { notionSearchTool } from './notion-search.tool.js';
import { notionUpdatePageTool } from './notion-update-page.tool.js';

interface NotionBotUser {
  id: string;
  name?: string | null;
  type?: string;
  bot?: { workspace_name?: string | null };
}

/** Notion: pages and databases through an internal integration secret (reference §4.3). */
export const notionIntegration = defineIntegration({
  id: 'notion',
  name: 'Notion',
  description: 'Search, query, create and update pages and databases in a Notion workspace.',
  icon: 'FileText',
  category: 'productivity',
  docsUrl: 'https://developers.notion.com/docs/create-a-notion-integration',
  fields: [
    {
      key: 'api_key',
      label: 'Integration secret',
      type: 'api_key',
      required: true,
      sensitive: true,
      placeholder: 'ntn_… or secret_…',
      helpText: 'Create an internal integration at notion.so/my-integrations, then share the pages and databases it may use with it (••• → Connections).',
    },
  ],
  tools: [notionSearchTool, notionQueryDatabaseTool, notionCreatePageTool, notionUpdatePageTool],
  /** The bot user of the secret (GET /v1/users/me): the cheapest call that proves the secret works. */
  async test(values, context) {
    const apiKey = requireValues(values, notionOwner, ['api_key']).api_key!.trim();
    const bot = await notionRequest<NotionBotUser>(context, apiKey, { path: '/users/me' });
    const workspace = bot.bot?.workspace_name;
    return {
      message: `Connected to Notion${workspace ? ` workspace "${workspace}"` : ''} as ${bot.name ?? 'the integration'}.`,
      details: { botId: bot.id, ...(workspace ? { workspace } : {}) },
    };
  },
});
