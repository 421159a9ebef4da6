import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { objectOf, pick } from '../composio/composio-tool.js';
import { addressListSchema, gmail, recipientArgs, recipientsSchema, runGmailAction } from './gmail-api.js';

/** Saves an email as a Gmail draft (Composio `GMAIL_CREATE_EMAIL_DRAFT`). */
export const gmailCreateDraftTool = defineTool({
  name: 'gmail_create_draft',
  displayName: 'Create Gmail Draft',
  description:
    'Saves an email as a draft in the user\'s connected Gmail without sending it, optionally as a reply in a thread. ' +
    'Use it when the user wants to review an email before it goes out. Returns the draft id (for gmail_send_draft).',
  icon: 'FilePen',
  category: 'integrations',
  integration: gmail.id,
  keywords: ['gmail', 'email', 'draft', 'compose', 'write', 'save', 'mail', 'google'],
  inputSchema: z.object({
    to: recipientsSchema,
    subject: z.string().max(998).describe('Subject line'),
    body: z.string().min(1).max(200_000).describe('The message body'),
    cc: addressListSchema.optional().describe('Cc addresses'),
    bcc: addressListSchema.optional().describe('Bcc addresses'),
    is_html: z.boolean().optional().describe('True when body is HTML'),
    thread_id: z.string().trim().min(1).max(200).optional().describe('Thread to reply in'),
  }),
  async execute(input, context) {
    const data = await runGmailAction(context, 'GMAIL_CREATE_EMAIL_DRAFT', {
      ...recipientArgs(input.to), subject: input.subject, body: input.body, cc: input.cc, bcc: input.bcc, is_html: input.is_html, thread_id: input.thread_id,
    });
    const message = objectOf(pick(data, 'message'));
    return {
      result: {
        draft_id: pick(data, 'id', 'draft_id') ?? null,
        message_id: message.id ?? null,
        thread_id: message.threadId ?? input.thread_id ?? null,
        to: input.to,
        subject: input.subject,
      },
    };
  },
});
