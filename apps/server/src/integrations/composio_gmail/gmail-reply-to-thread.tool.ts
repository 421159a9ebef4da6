import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { addressListSchema, gmail, recipientArgs, recipientsSchema, runGmailAction, sentIds } from './gmail-api.js';

/** Replies within a Gmail thread (Composio `GMAIL_REPLY_TO_THREAD`). */
export const gmailReplyToThreadTool = defineTool({
  name: 'gmail_reply_to_thread',
  displayName: 'Reply to Gmail Thread',
  description:
    'Sends a reply in an existing Gmail conversation of the user (the thread keeps its subject). Use it to answer ' +
    'an email found with gmail_fetch_emails. Give the thread id, the recipient and the reply text. Returns the ' +
    'reply\'s message id and thread id.',
  icon: 'Reply',
  category: 'integrations',
  integration: gmail.id,
  keywords: ['gmail', 'email', 'reply', 'respond', 'answer', 'thread', 'conversation', 'mail', 'google'],
  inputSchema: z.object({
    thread_id: z.string().trim().min(1).max(200).describe('The Gmail thread id'),
    to: recipientsSchema,
    body: z.string().min(1).max(200_000).describe('The reply text'),
    cc: addressListSchema.optional().describe('Cc addresses'),
    bcc: addressListSchema.optional().describe('Bcc addresses'),
    is_html: z.boolean().optional().describe('True when body is HTML'),
  }),
  async execute(input, context) {
    const data = await runGmailAction(context, 'GMAIL_REPLY_TO_THREAD', {
      thread_id: input.thread_id, ...recipientArgs(input.to), message_body: input.body, cc: input.cc, bcc: input.bcc, is_html: input.is_html,
    });
    const ids = sentIds(data);
    return { result: { sent: true, ...ids, thread_id: ids.thread_id ?? input.thread_id } };
  },
});
