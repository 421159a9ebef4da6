import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { addressListSchema, gmail, recipientArgs, recipientsSchema, runGmailAction, sentIds } from './gmail-api.js';

/** Sends an email from the user's Gmail (Composio `GMAIL_SEND_EMAIL`). */
export const gmailSendEmailTool = defineTool({
  name: 'gmail_send_email',
  displayName: 'Send Gmail Email',
  description:
    'Sends an email from the user\'s connected Gmail account. Use it when the user asks to email someone. Give the ' +
    'recipients, subject and body (plain text, or HTML with is_html). Returns the sent message\'s id and thread id.',
  icon: 'Mail',
  category: 'integrations',
  integration: gmail.id,
  keywords: ['gmail', 'email', 'mail', 'send', 'message', 'google', 'compose', 'write'],
  inputSchema: z.object({
    to: recipientsSchema,
    subject: z.string().max(998).describe('Subject line'),
    body: z.string().min(1).max(200_000).describe('The message body'),
    cc: addressListSchema.optional().describe('Cc addresses'),
    bcc: addressListSchema.optional().describe('Bcc addresses'),
    is_html: z.boolean().optional().describe('True when body is HTML'),
  }),
  async execute(input, context) {
    const data = await runGmailAction(context, 'GMAIL_SEND_EMAIL', {
      ...recipientArgs(input.to), subject: input.subject, body: input.body, cc: input.cc, bcc: input.bcc, is_html: input.is_html,
    });
    return { result: { sent: true, to: input.to, subject: input.subject, ...sentIds(data) } };
  },
});
