import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { capped, objectOf, pick } from '../composio/composio-tool.js';
import { gmail, runGmailAction, summarizeMessage } from './gmail-api.js';

const maxResults = 50;

/** Lists the user's Gmail drafts (Composio `GMAIL_LIST_DRAFTS`). */
export const gmailListDraftsTool = defineTool({
  name: 'gmail_list_drafts',
  displayName: 'List Gmail Drafts',
  description:
    'Lists the drafts in the user\'s connected Gmail. Use it to find a draft to review or send. Returns for each ' +
    'draft its id and the message\'s recipients, subject and start of text; plus next_page_token when more exist.',
  icon: 'Files',
  category: 'integrations',
  integration: gmail.id,
  keywords: ['gmail', 'email', 'drafts', 'list', 'unsent', 'mail', 'google'],
  inputSchema: z.object({
    max_results: z.number().int().min(1).max(maxResults).default(10).describe(`How many drafts (1–${maxResults}, default 10)`),
    page_token: z.string().max(500).optional().describe('next_page_token of a previous call'),
  }),
  async execute(input, context) {
    const data = await runGmailAction(context, 'GMAIL_LIST_DRAFTS', { max_results: input.max_results, page_token: input.page_token, verbose: true });
    const raw = pick(data, 'drafts');
    const { items, truncated } = capped(Array.isArray(raw) ? raw : [], input.max_results);
    const nextPageToken = pick(data, 'nextPageToken', 'next_page_token');
    return {
      result: {
        count: items.length,
        drafts: items.map((item) => {
          const draft = objectOf(item);
          return { draft_id: draft.id ?? null, message: summarizeMessage(draft.message ?? draft, 300) };
        }),
        ...(truncated ? { truncated: true } : {}),
        ...(typeof nextPageToken === 'string' && nextPageToken ? { next_page_token: nextPageToken } : {}),
      },
    };
  },
});
