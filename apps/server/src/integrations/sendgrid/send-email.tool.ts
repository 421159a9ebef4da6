import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { callService } from '../call-service.js';
import { requireCredential } from '../require-credential.js';
import { addressListSchema, parseRecipients } from '../email-addresses.js';
import { fetchAttachment, sendgrid } from './sendgrid-api.js';

const attachmentSchema = z.object({
  content: z.string().min(1).max(14_000_000).describe('File content, base64'),
  filename: z.string().min(1).max(255),
  type: z.string().max(100).optional().describe('MIME type, e.g. application/pdf'),
});

/**
 * Sends an email with SendGrid's v3 Mail Send API (`POST /v3/mail/send`, Bearer key). SendGrid answers 202 with
 * an empty body and the message id in `X-Message-Id`.
 */
export const sendEmailTool = defineTool({
  name: 'send_email',
  displayName: 'Send Email',
  description:
    'Sends an email through the user\'s SendGrid account: to (one address, several comma-separated or a list), ' +
    'subject, text_content and/or html_content, optional cc, bcc, reply_to, a sender (default: the credential\'s ' +
    'from_email, which must be a verified SendGrid sender), attachments as base64 or one file downloaded from ' +
    'file_url. Returns the SendGrid message id and the recipients.',
  icon: 'Mail',
  category: 'integrations',
  integration: sendgrid.id,
  keywords: ['email', 'send', 'mail', 'sendgrid', 'notify', 'attachment', 'newsletter', 'smtp'],
  inputSchema: z.object({
    to: addressListSchema.describe('Recipient address(es)'),
    subject: z.string().trim().min(1, 'Give a subject').max(998),
    text_content: z.string().max(1_000_000).optional().describe('Plain-text body'),
    html_content: z.string().max(2_000_000).optional().describe('HTML body'),
    from_email: z.email().optional().describe('Sender address (a verified sender); default: the credential\'s'),
    from_name: z.string().max(200).optional().describe('Sender display name'),
    cc: addressListSchema.optional(),
    bcc: addressListSchema.optional(),
    reply_to: z.email().optional(),
    file_url: z.url({ protocol: /^https?$/ }).optional().describe('A file to download and attach (≤ 10 MB)'),
    file_name: z.string().max(255).optional().describe('Name of the file_url attachment'),
    attachments: z.array(attachmentSchema).max(10).optional().describe('Files to attach, base64'),
  }),
  async execute(input, context) {
    if (!input.text_content?.trim() && !input.html_content?.trim()) throw new ValidationError('Give text_content or html_content.');
    const { to, cc, bcc } = parseRecipients(input);
    const values = await requireCredential(context, sendgrid, ['api_key']);
    const fromEmail = input.from_email ?? values.from_email?.trim();
    if (!fromEmail) throw new ValidationError('Give from_email, or set a default From Email in the SendGrid credential.');
    const attachments = [
      ...(input.attachments ?? []).map((file) => ({ content: file.content.replace(/\s+/g, ''), filename: file.filename, ...(file.type ? { type: file.type } : {}), disposition: 'attachment' })),
      ...(input.file_url ? [{ ...(await fetchAttachment(context, input.file_url, input.file_name)), disposition: 'attachment' }] : []),
    ];
    const content = [
      ...(input.text_content?.trim() ? [{ type: 'text/plain', value: input.text_content }] : []),
      ...(input.html_content?.trim() ? [{ type: 'text/html', value: input.html_content }] : []),
    ];
    const response = await callService(context, {
      service: 'SendGrid',
      method: 'POST',
      url: 'https://api.sendgrid.com/v3/mail/send',
      headers: { authorization: `Bearer ${values.api_key!.trim()}` },
      json: {
        personalizations: [{
          to: to.map((email) => ({ email })),
          ...(cc.length ? { cc: cc.map((email) => ({ email })) } : {}),
          ...(bcc.length ? { bcc: bcc.map((email) => ({ email })) } : {}),
        }],
        from: { email: fromEmail, ...(input.from_name ? { name: input.from_name } : {}) },
        ...(input.reply_to ? { reply_to: { email: input.reply_to } } : {}),
        subject: input.subject,
        content,
        ...(attachments.length ? { attachments } : {}),
      },
    });
    return {
      result: {
        sent: true,
        ...(response.headers['x-message-id'] ? { messageId: response.headers['x-message-id'] } : {}),
        to,
        ...(cc.length ? { cc } : {}),
        ...(bcc.length ? { bccCount: bcc.length } : {}),
        from: fromEmail,
        subject: input.subject,
        ...(attachments.length ? { attachments: attachments.map((file) => file.filename) } : {}),
      },
    };
  },
});
