import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { capped, pick } from '../composio/composio-tool.js';
import { gmail, runGmailAction, summarizeMessage } from './gmail-api.js';

const maxResults = 50;

/** Lists the user's emails matching a Gmail search (Composio `GMAIL_FETCH_EMAILS`). */
export const gmailFetchEmailsTool = defineTool({
  name: 'gmail_fetch_emails',
  displayName: 'Fetch Gmail Emails',
  description:
    'Lists emails from the user\'s connected Gmail, newest first, optionally filtered with a Gmail search query ' +
    '(e.g. "from:alice is:unread newer_than:7d") or label ids (INBOX, UNREAD…). Use it to find or review emails. ' +
    'Returns for each: id, thread id, sender, recipients, subject, date, labels and the start of the text; plus ' +
    'next_page_token when more exist.',
  icon: 'Inbox',
  category: 'integrations',
  integration: gmail.id,
  keywords: ['gmail', 'email', 'inbox', 'fetch', 'list', 'search', 'unread', 'mail', 'messages', 'google'],
  inputSchema: z.object({
    query: z.string().max(2_000).optional().describe('Gmail search query, as typed in Gmail\'s search box'),
    max_results: z.number().int().min(1).max(maxResults).default(10).describe(`How many emails (1–${maxResults}, default 10)`),
    label_ids: z.array(z.string().min(1).max(200)).max(20).optional().describe('Only emails with all these label ids'),
    page_token: z.string().max(500).optional().describe('next_page_token of a previous call'),
  }),
  async execute(input, context) {
    const data = await runGmailAction(context, 'GMAIL_FETCH_EMAILS', {
      query: input.query, max_results: input.max_results, label_ids: input.label_ids, page_token: input.page_token,
      include_payload: false, verbose: true,
    });
    const raw = pick(data, 'messages');
    const { items, truncated } = capped(Array.isArray(raw) ? raw : [], input.max_results);
    const nextPageToken = pick(data, 'nextPageToken', 'next_page_token');
    return {
      result: {
        count: items.length,
        emails: items.map((message) => summarizeMessage(message, 500)),
        ...(truncated ? { truncated: true } : {}),
        ...(typeof nextPageToken === 'string' && nextPageToken ? { next_page_token: nextPageToken } : {}),
      },
    };
  },
});
