import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { gmail, runGmailAction, summarizeMessage } from './gmail-api.js';

/** Reads one email in full (Composio `GMAIL_FETCH_MESSAGE_BY_MESSAGE_ID`). */
export const gmailGetMessageTool = defineTool({
  name: 'gmail_get_message',
  displayName: 'Get Gmail Message',
  description:
    'Reads one email of the user\'s connected Gmail by its message id (from gmail_fetch_emails). Use it to read a ' +
    'message\'s whole text. Returns sender, recipients, subject, date, labels, the body (up to 20000 characters) ' +
    'and attachment names.',
  icon: 'MailOpen',
  category: 'integrations',
  integration: gmail.id,
  keywords: ['gmail', 'email', 'message', 'read', 'open', 'get', 'body', 'mail', 'google'],
  inputSchema: z.object({
    message_id: z.string().trim().min(1).max(200).describe('The Gmail message id'),
  }),
  async execute(input, context) {
    const data = await runGmailAction(context, 'GMAIL_FETCH_MESSAGE_BY_MESSAGE_ID', { message_id: input.message_id, format: 'full' });
    return { result: summarizeMessage(data, 20_000) };
  },
});
